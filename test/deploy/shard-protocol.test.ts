// The shard protocol run here exactly as the engines run it: each shard a separate process of the real binary,
// started in parallel with only the environment the engine gives it (Kubernetes: PATH, HOME and
// JOB_COMPLETION_INDEX; GitHub Actions: the matrix value substituted into the step, GITHUB_STEP_SUMMARY), using the
// commands written in deploy/k8s and .github/workflows, then the merge and the check, whose exit code decides.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/core/report';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = `node ${join(ROOT, 'bin/highs-workbench.mjs')}`;

/** Runs a shell command line as an engine does: /bin/sh -c, in `cwd`, with only `env` (and PATH, HOME). */
async function sh(command: string, cwd: string, env: Record<string, string>) {
  try {
    const r = await run('/bin/sh', ['-c', command], {
      cwd,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env },
      timeout: 300_000,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

const report = (path: string) => {
  const r = parseReport(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.report;
};

describe('the shard protocol, as the engines run it', () => {
  it('Kubernetes: an Indexed Job’s pods (JOB_COMPLETION_INDEX), then the merge Job against a baseline', async () => {
    const work = mkdtempSync(join(tmpdir(), 'hw-k8s-'));
    const config = join(work, 'config');
    const results = join(work, 'results');
    mkdirSync(config);
    mkdirSync(results);
    const k8s = (file: string) =>
      parseAllDocuments(readFileSync(join(ROOT, 'deploy/k8s', file), 'utf8')).map((d) => d.toJS());
    const configMap = k8s('bench-config.yaml').find((d) => d.kind === 'ConfigMap');
    writeFileSync(join(config, 'benchmark.json'), configMap.data['benchmark.json']);
    const local = (args: string) =>
      args
        .replaceAll('/config/', `${config}/`)
        .replaceAll('/results/', `${results}/`)
        .replace(/(exec )?highs-workbench /g, `$1${BIN} `);

    // The baseline the merge Job checks against: the same benchmark, unsharded.
    const base = await sh(`${BIN} bench ${config}/benchmark.json --out ${results}/baseline.json`, work, {});
    expect(base.stderr).toMatch(/runs → /);
    expect(base.code).toBe(0);

    const [job] = k8s('bench-job.yaml');
    const args = local(job.spec.template.spec.containers[0].args.join(' '));
    const pods = await Promise.all(
      Array.from({ length: job.spec.completions }, (_, i) => sh(args, work, { JOB_COMPLETION_INDEX: String(i) })),
    );
    for (const p of pods) expect(p.code, p.stderr).toBe(0);
    const shards = Array.from({ length: job.spec.completions }, (_, i) => report(join(results, `shard-${i + 1}.json`)));
    expect(shards.map((s) => `${s.shard!.index}/${s.shard!.count}`)).toEqual(['1/3', '2/3', '3/3']);

    const [merge] = k8s('merge-job.yaml');
    const m = await sh(local(merge.spec.template.spec.containers[0].args.join(' ')), work, {});
    expect(m.code, m.stderr).toBe(0);
    expect(m.stdout).toMatch(/merged 3 shards/);
    expect(m.stdout).toMatch(/no regression/);
    const merged = report(join(results, 'report.json'));
    expect(merged.benchmarks[0].runs).toHaveLength(report(join(results, 'baseline.json')).benchmarks[0].runs.length);
    expect(readFileSync(join(results, 'check.md'), 'utf8')).toMatch(/^## HiGHS Workbench regression check: /);
  }, 300_000);

  it('GitHub Actions: the matrix’s shard steps, then merge and check with the job summary', async () => {
    const work = mkdtempSync(join(tmpdir(), 'hw-gha-'));
    mkdirSync(join(work, 'shards'));
    mkdirSync(join(work, 'bench/ci'), { recursive: true });
    // The workflow's paths are relative to the checkout: the same config and baseline files, in a fresh directory.
    for (const f of ['benchmark.json', 'baseline.json'])
      writeFileSync(join(work, 'bench/ci', f), readFileSync(join(ROOT, 'bench/ci', f)));
    const wf = parse(readFileSync(join(ROOT, '.github/workflows/benchmark.yml'), 'utf8'));
    const step = (job: string, name: RegExp) =>
      wf.jobs[job].steps.find((s: { name?: string }) => name.test(s.name ?? '')).run as string;
    const local = (cmd: string, shard?: number) =>
      cmd
        .replaceAll('${{ matrix.shard }}', String(shard))
        .replaceAll('${{ env.SHARDS }}', String(wf.env.SHARDS))
        .replace(/npx highs-workbench /g, `${BIN} `);
    const shards = wf.jobs.shard.strategy.matrix.shard as number[];
    const ran = await Promise.all(shards.map((i) => sh(local(step('shard', /^Run shard/), i), work, {})));
    for (const r of ran) expect(r.code, r.stderr).toBe(0);
    // download-artifact with merge-multiple puts every shard's file in shards/.
    for (const i of shards)
      writeFileSync(join(work, 'shards', `shard-${i}.json`), readFileSync(join(work, `shard-${i}.json`)));
    const summary = join(work, 'summary.md');
    writeFileSync(summary, '');
    const merged = await sh(local(step('check', /^Merge/)), work, {});
    expect(merged.code, merged.stderr).toBe(0);
    const check = await sh(local(step('check', /^Check/)), work, { GITHUB_STEP_SUMMARY: summary });
    // The committed baseline ran on this HiGHS with these options: identical work counters, so no regression
    // whatever the machine's speed.
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(readFileSync(summary, 'utf8')).toMatch(/^## HiGHS Workbench regression check: ✅ unchanged/);
  }, 300_000);
});
