// The files that run the benchmark on engines teams already have, which cannot run here: the GitHub Actions
// workflows are validated against the workflow schema (action-validator, SchemaStore's schema in WASM), the
// Kubernetes manifests against the Kubernetes API's schemas (kubernetes-models), and each is held to the shard
// protocol: N shards, shard I of N from the engine's index, one merge and one check after them.
import { readFileSync, readdirSync } from 'node:fs';
import { validateWorkflow } from '@action-validator/core';
import { parseAllDocuments, parse } from 'yaml';
import { ConfigMap, PersistentVolumeClaim } from 'kubernetes-models/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('GitHub Actions', () => {
  const workflows = readdirSync(new URL('../../.github/workflows/', import.meta.url)).filter((f) => f.endsWith('.yml'));

  it.each(workflows)('%s is a valid workflow', (file) => {
    const state = validateWorkflow(read(`.github/workflows/${file}`));
    expect(state.errors).toEqual([]);
  });

  it('benchmark.yml: a matrix of shards, each uploading its report, then one merge and check that fails on a regression', () => {
    const wf = parse(read('.github/workflows/benchmark.yml')) as {
      env: { SHARDS: number };
      jobs: Record<
        string,
        {
          needs?: string;
          strategy?: { matrix: { shard: number[] } };
          steps: { run?: string; uses?: string; with?: Record<string, unknown> }[];
        }
      >;
    };
    const shards = wf.jobs.shard.strategy!.matrix.shard;
    expect(shards).toEqual(Array.from({ length: wf.env.SHARDS }, (_, i) => i + 1));
    const runs = (job: string) => wf.jobs[job].steps.map((s) => s.run ?? '').join('\n');
    expect(runs('shard')).toMatch(
      /npx highs-workbench bench \S+ --shard \$\{\{ matrix\.shard \}\}\/\$\{\{ env\.SHARDS \}\}/,
    );
    expect(runs('shard')).toContain('--out shard-${{ matrix.shard }}.json');
    expect(
      wf.jobs.shard.steps.some(
        (s) => s.uses?.startsWith('actions/upload-artifact') && s.with?.path === 'shard-${{ matrix.shard }}.json',
      ),
    ).toBe(true);
    expect(wf.jobs.check.needs).toBe('shard');
    expect(runs('check')).toMatch(/npx highs-workbench merge shards\/shard-\*\.json --out report\.json/);
    expect(runs('check')).toMatch(/npx highs-workbench check report\.json --baseline \S+/);
    // No `|| true` and no continue-on-error: the check's exit code fails the job.
    expect(read('.github/workflows/benchmark.yml')).not.toMatch(/\|\| true|continue-on-error/);
  });

  it('the validator refuses a broken workflow (it checks something)', () => {
    const broken = read('.github/workflows/benchmark.yml')
      .replace('runs-on: ubuntu-latest', 'runs-on: [ubuntu-latest, {}]')
      .replace('steps:', 'stepz:');
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });
});

describe('Kubernetes', () => {
  const docs = (file: string) =>
    parseAllDocuments(read(`deploy/k8s/${file}`)).map((d) => d.toJS() as { kind: string; metadata: { name: string } });
  const models: Record<string, (o: never) => { validate(): void }> = {
    ConfigMap: (o) => new ConfigMap(o),
    PersistentVolumeClaim: (o) => new PersistentVolumeClaim(o),
    Job: (o) => new Job(o),
  };
  const files = readdirSync(new URL('../../deploy/k8s/', import.meta.url)).filter((f) => f.endsWith('.yaml'));

  it.each(files)('%s holds valid Kubernetes objects', (file) => {
    for (const doc of docs(file)) {
      const make = models[doc.kind];
      expect(make, `${file}: ${doc.kind}`).toBeDefined();
      expect(() => make(doc as never).validate()).not.toThrow();
    }
  });

  it('the bench Job is Indexed: JOB_COMPLETION_INDEX + 1 of completions is the shard, written to the shared volume', () => {
    const [job] = docs('bench-job.yaml') as unknown as {
      spec: {
        completionMode: string;
        completions: number;
        parallelism: number;
        template: { spec: { containers: { args: string[]; volumeMounts: { name: string; mountPath: string }[] }[] } };
      };
    }[];
    expect(job.spec.completionMode).toBe('Indexed');
    expect(job.spec.parallelism).toBe(job.spec.completions);
    const [c] = job.spec.template.spec.containers;
    const args = c.args.join(' ');
    expect(args).toContain(`--shard "$((JOB_COMPLETION_INDEX + 1))/${job.spec.completions}"`);
    expect(args).toMatch(/--out "\/results\/shard-\$\(\(JOB_COMPLETION_INDEX \+ 1\)\)\.json"/);
    expect(c.volumeMounts.map((m) => m.mountPath)).toEqual(['/config', '/results']);
    const [merge] = docs('merge-job.yaml') as unknown as {
      spec: { template: { spec: { containers: { args: string[] }[] } } };
    }[];
    const margs = merge.spec.template.spec.containers[0].args.join(' ');
    for (let i = 1; i <= job.spec.completions; i++) expect(margs).toContain(`/results/shard-${i}.json`);
    expect(margs).toMatch(/highs-workbench check \/results\/report\.json --baseline/);
  });

  it('the validator refuses a broken Job (it checks something)', () => {
    const [job] = docs('bench-job.yaml') as unknown as { spec: Record<string, unknown> }[];
    expect(() => new Job({ ...job, spec: { ...job.spec, completions: 'three' } } as never).validate()).toThrow(
      /completions/,
    );
  });
});

describe('the image', () => {
  it('is the repository after npm ci with highs-workbench as its entry point', () => {
    const text = read('Dockerfile');
    expect(text).toMatch(/^FROM node:20/m);
    expect(text).toMatch(/^RUN npm ci /m);
    expect(text).toMatch(/^ENTRYPOINT \["highs-workbench"\]$/m);
    for (const file of ['bench-job.yaml', 'merge-job.yaml'])
      expect(read(`deploy/k8s/${file}`)).toMatch(/image: \S+highs-workbench/);
  });
});
