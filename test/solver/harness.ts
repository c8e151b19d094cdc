// Two ways to reach the same solver API: in-thread, and as the worker exposes it (workers/worker-api.ts)
// through Comlink over a MessageChannel. The solver suite runs against both.
import * as Comlink from 'comlink';
import { readFileSync } from 'node:fs';
import { createSolverApi } from '../../workers/solver-api';
import { createWorkerApi, type SolverWorkerApi } from '../../workers/worker-api';
import { loadQuietHighs } from '../../workers/load-highs';
import type { ProgressUpdate, SolveRequest, SolveResult, SolverApi } from '../../src/solver/protocol';

/** The API surface the tests use, async in both modes. */
export interface TestApi {
  init(): Promise<{ warm: boolean; highsVersion: string }>;
  describeOptions(): Promise<ReturnType<SolverApi['describeOptions']>>;
  solve(req: SolveRequest, onProgress?: (u: ProgressUpdate) => void): Promise<SolveResult>;
  info(): Promise<ReturnType<SolverApi['info']>>;
  close(): void;
}

/** The API called directly. */
export function direct(): TestApi {
  const api = createSolverApi(loadQuietHighs);
  return {
    init: () => api.init({ warmup: false }),
    describeOptions: async () => api.describeOptions(),
    solve: (req, cb) => api.solve(req, cb),
    info: async () => api.info(),
    close: () => {},
  };
}

/** The worker's API behind Comlink on a MessageChannel, as the pool sees it. */
export function overComlink(): TestApi {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(createWorkerApi(loadQuietHighs), port1 as unknown as Comlink.Endpoint);
  const remote = Comlink.wrap<SolverWorkerApi>(port2 as unknown as Comlink.Endpoint);
  return {
    init: () => remote.init({ warmup: false }),
    describeOptions: () => remote.describeOptions(),
    solve: (req, cb) => remote.solve(req, cb ? Comlink.proxy(cb) : undefined),
    info: () => remote.info(),
    close: () => {
      port1.close();
      port2.close();
    },
  };
}

const fixtures = new URL('../fixtures/', import.meta.url);
/** Bytes of a test fixture. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, fixtures)));
}

/** Known facts of a fixture from instances.json. */
export function known(name: string): { objective: number | null; expectedStatus: string } {
  const j = JSON.parse(readFileSync(new URL('instances.json', fixtures), 'utf8')) as {
    models: { file: string; objective: number | null; expectedStatus: string }[];
  };
  const m = j.models.find((x) => x.file === name);
  if (!m) throw new Error(`${name} not in instances.json`);
  return m;
}

let n = 0;
/** A solve request for bytes with options. */
export function req(
  name: string,
  bytes: Uint8Array,
  options: SolveRequest['options'] = {},
  extra: Partial<SolveRequest> = {},
): SolveRequest {
  return { jobId: `t${++n}`, model: { name, bytes }, options, ...extra };
}
