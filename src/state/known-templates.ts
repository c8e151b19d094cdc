// The template names the app knows, gathered from what is stored: benchmarks' models, saved benchmark
// configurations, baselines and blessed sets, and 'run' (interactive solves). Alert rules are warned about a
// `template="…"` label that names none of them.
import type { AppServices } from './ports';

/** The template of interactive solves (core/metrics' solvePointOfRunRecord). */
export const RUN_TEMPLATE = 'run';

/** Reads every template name from the stores the services have (a store that fails to read counts as empty). */
export async function knownTemplates(
  services: Pick<AppServices, 'benchmarks' | 'baselines' | 'parameters'>,
): Promise<string[]> {
  const safe = <T>(p: Promise<T[]> | undefined): Promise<T[]> => (p ?? Promise.resolve([])).catch(() => []);
  const [benchmarks, configs, baselines, blessed] = await Promise.all([
    safe(services.benchmarks?.listBenchmarks()),
    safe(services.benchmarks?.listConfigs()),
    safe(services.baselines?.list()),
    safe(services.parameters?.listBlessed()),
  ]);
  const names = new Set<string>([RUN_TEMPLATE]);
  for (const b of benchmarks) {
    for (const m of b.models) names.add(m.template);
    for (const t of b.definition?.templates ?? []) names.add(t.id);
  }
  for (const c of configs) for (const t of c.definition.templates) names.add(t.id);
  for (const b of baselines) names.add(b.template);
  for (const s of blessed) names.add(s.template);
  return [...names].sort();
}
