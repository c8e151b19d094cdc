// The metrics in the Prometheus text exposition format 0.0.4: one `# HELP` and one `# TYPE` per family before
// its samples, escaped label values, counters ending in _total, summaries as quantile samples plus _sum and
// _count, values written as Go's client writes them, a final newline. Families without samples are left out.
import { quantileSorted, sortedCopy } from '../stats/descriptive';
import type { SolvePoint, SystemPoint } from './types';

/** What the export is made of: the solves (already filtered by window and template) and the latest system sample. */
export interface PrometheusInput {
  solves: readonly SolvePoint[];
  system: SystemPoint | null;
  now: number;
  appVersion: string;
}

/** The prefix of every family name, so the workbench's metrics never clash with another exporter's. */
export const PROMETHEUS_PREFIX = 'highs_workbench_';

/** The quantiles the solve-duration summary reports. */
export const SUMMARY_QUANTILES: readonly number[] = [0.5, 0.95, 0.99];

type FamilyType = 'counter' | 'gauge' | 'summary';
type Labels = readonly (readonly [string, string])[];

interface Sample {
  /** Suffix after the family name ('' for plain samples, '_sum' / '_count' for summaries). */
  suffix: string;
  labels: Labels;
  value: number;
}

interface Family {
  name: string;
  help: string;
  type: FamilyType;
  samples: Sample[];
}

/** A HELP text with `\` and newline escaped, as the format requires. */
export function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

/** A label value with `\`, `"` and newline escaped, as the format requires. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** A sample value as Go's client writes it: integers plainly, NaN, +Inf, -Inf, other floats as JS number text. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  if (Number.isInteger(v)) return BigInt(v).toString();
  return String(v);
}

/** `{a="x",b="y"}`, or nothing without labels. */
function labelText(labels: Labels): string {
  if (labels.length === 0) return '';
  return `{${labels.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(',')}}`;
}

/** Points grouped by a key made of label values (JSON, so no two label tuples collide), keys sorted. */
function groupBy<T>(items: readonly T[], labelsOf: (x: T) => string[]): [string[], T[]][] {
  const groups = new Map<string, { labels: string[]; items: T[] }>();
  for (const x of items) {
    const labels = labelsOf(x);
    const key = JSON.stringify(labels);
    const g = groups.get(key);
    if (g) g.items.push(x);
    else groups.set(key, { labels, items: [x] });
  }
  return [...groups.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => {
      const g = groups.get(k)!;
      return [g.labels, g.items];
    });
}

/** A family with one unlabelled sample. */
function single(name: string, help: string, type: FamilyType, value: number): Family {
  return { name, help, type, samples: [{ suffix: '', labels: [], value }] };
}

/** The solve families: counts by status, errors, the duration summary and the largest WASM heap per template. */
function solveFamilies(solves: readonly SolvePoint[]): Family[] {
  const byStatus = groupBy(solves, (s) => [s.template, s.optionSet, s.status]);
  const bySet = groupBy(solves, (s) => [s.template, s.optionSet]);
  const byTemplate = groupBy(solves, (s) => [s.template]);
  const duration: Sample[] = [];
  for (const [[template, optionSet], group] of bySet) {
    const labels: [string, string][] = [
      ['template', template],
      ['option_set', optionSet],
    ];
    const seconds = sortedCopy(group.map((s) => s.timeMs / 1000));
    for (const q of SUMMARY_QUANTILES)
      duration.push({ suffix: '', labels: [...labels, ['quantile', String(q)]], value: quantileSorted(seconds, q)! });
    duration.push({ suffix: '_sum', labels, value: seconds.reduce((a, b) => a + b, 0) });
    duration.push({ suffix: '_count', labels, value: seconds.length });
  }
  const memory: Sample[] = [];
  for (const [[template], group] of byTemplate) {
    const max = Math.max(...group.map((s) => s.wasmMemoryBytes));
    if (max > 0) memory.push({ suffix: '', labels: [['template', template]], value: max });
  }
  return [
    {
      name: 'solves_total',
      help: 'Solves recorded in the window, by template, option set and HiGHS model status.',
      type: 'counter',
      samples: byStatus.map(([[template, optionSet, status], g]) => ({
        suffix: '',
        labels: [
          ['template', template],
          ['option_set', optionSet],
          ['status', status],
        ],
        value: g.length,
      })),
    },
    {
      name: 'solve_errors_total',
      help: 'Solves in the window that failed or gave a wrong answer, by template and option set.',
      type: 'counter',
      samples: bySet.map(([[template, optionSet], g]) => ({
        suffix: '',
        labels: [
          ['template', template],
          ['option_set', optionSet],
        ],
        value: g.filter((s) => s.outcome === 'error').length,
      })),
    },
    {
      name: 'solve_duration_seconds',
      help: 'Wall time of the solves in the window, seconds (quantiles by linear interpolation, type 7).',
      type: 'summary',
      samples: duration,
    },
    {
      name: 'solve_wasm_memory_bytes',
      help: 'Largest WASM heap of a worker after a solve in the window, bytes, by template.',
      type: 'gauge',
      samples: memory,
    },
  ];
}

/** The system families of the latest sample (none without one; JS heap and storage only where known). */
function systemFamilies(p: SystemPoint | null): Family[] {
  if (!p) return [];
  const workers = new Map<number, number>();
  for (const w of p.workerMemory) workers.set(w.workerId, w.wasmMemoryBytes);
  const families: Family[] = [
    single('pool_utilization_ratio', 'Busy workers divided by workers in the pool (0..1).', 'gauge', p.poolUtilization),
    single('pool_queue_depth', 'Jobs waiting for a worker.', 'gauge', p.queueDepth),
    single('pool_workers', 'Workers in the pool.', 'gauge', p.workers),
    single('pool_throughput_jobs_per_second', 'Jobs finished per second over the last 10 s.', 'gauge', p.throughput),
    single('worker_restarts_total', 'Worker restarts since the pool started.', 'counter', p.workerRestarts),
    {
      name: 'worker_wasm_memory_bytes',
      help: 'WASM heap of each worker, bytes.',
      type: 'gauge',
      samples: [...workers.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([id, bytes]) => ({ suffix: '', labels: [['worker', String(id)]], value: bytes })),
    },
  ];
  if (p.jsHeapBytes !== null)
    families.push(single('js_heap_bytes', 'Used JS heap of the page, bytes.', 'gauge', p.jsHeapBytes));
  if (p.storageUsedBytes !== null)
    families.push(single('storage_used_bytes', 'Storage the origin uses, bytes.', 'gauge', p.storageUsedBytes));
  if (p.storageQuotaBytes !== null)
    families.push(single('storage_quota_bytes', 'Storage quota of the origin, bytes.', 'gauge', p.storageQuotaBytes));
  families.push(
    single('hardware_concurrency', 'Logical processors the browser reports.', 'gauge', p.hardwareConcurrency),
    single(
      'cross_origin_isolated',
      'Whether the page is cross-origin isolated (1), so a solve can be cancelled gracefully.',
      'gauge',
      p.crossOriginIsolated ? 1 : 0,
    ),
  );
  return families;
}

/** One family's lines: HELP, TYPE, then its samples. */
function familyLines(f: Family): string[] {
  const name = PROMETHEUS_PREFIX + f.name;
  const lines = [`# HELP ${name} ${escapeHelp(f.help)}`, `# TYPE ${name} ${f.type}`];
  for (const s of f.samples) lines.push(`${name}${s.suffix}${labelText(s.labels)} ${formatValue(s.value)}`);
  return lines;
}

/** The whole export in the Prometheus text format 0.0.4, families in a fixed order, ending in a newline. */
export function toPrometheus(input: PrometheusInput): string {
  const families: Family[] = [
    {
      name: 'app_info',
      help: 'The workbench version that wrote these metrics.',
      type: 'gauge',
      samples: [{ suffix: '', labels: [['version', input.appVersion]], value: 1 }],
    },
    single('export_timestamp_seconds', 'When these metrics were exported, Unix seconds.', 'gauge', input.now / 1000),
    ...solveFamilies(input.solves),
    ...systemFamilies(input.system),
  ];
  const lines = families.filter((f) => f.samples.length > 0).flatMap(familyLines);
  return lines.join('\n') + '\n';
}
