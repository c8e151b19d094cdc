// The solver API over one HiGHS runtime. It runs inside a worker (see solver.worker.ts) and,
// unchanged, in-thread in Node tests. HiGHS names (Status, Columns, bigint counters) stop here.
import type { Highs, Model } from 'highs';
import { prepareModel, InvalidModelError, looksLikeModel } from '../src/core/model-input';
import { statusFromCode } from '../src/core/model-status';
import { buildDescriptors, validateOptionValues, type OptionDescriptor } from '../src/core/options-schema';
import { warmupModels } from '../src/core/warmup-model';
import { checkSolution, type LinearModelData } from '../src/core/solution-check';
import { CANCEL_ACKNOWLEDGED, solverError } from '../src/solver/protocol';
import { groupRows, rowGroupPrefix } from '../src/core/tuning/row-groups';
import type { RowGroups, TimedLine } from '../src/core/tuning/types';
import type {
  HighsRunStatus,
  MipPoint,
  ProgressUpdate,
  RuntimeInfo,
  SolveRequest,
  SolveResult,
  SolverApi,
  WorkCounters,
} from '../src/solver/protocol';

/** Loads a HiGHS runtime; the worker passes the main thread's compiled module. */
export type HighsLoader = (wasmModule?: WebAssembly.Module) => Promise<Highs>;

const LOG_TAIL = 400;
const WARMUP_BUDGET_MS = 1500;
const WARMUP_MIN_MODELS = 2;

/** Counters from HiGHS info: -1 (not run) becomes 0, int64 (bigint) becomes number. MIP LP iterations are not in info; the MIP callbacks report them. */
function readCounters(model: Model, mipLpIterations: number): WorkCounters {
  const num = (name: string): number => {
    try {
      const v = model.info.get(name);
      const n = typeof v === 'bigint' ? Number(v) : v;
      return n > 0 ? n : 0;
    } catch {
      return 0;
    }
  };
  return {
    simplexIterations: num('simplex_iteration_count'),
    ipmIterations: num('ipm_iteration_count'),
    crossoverIterations: num('crossover_iteration_count'),
    qpIterations: num('qp_iteration_count'),
    pdlpIterations: num('pdlp_iteration_count'),
    mipNodes: num('mip_node_count'),
    mipLpIterations,
  };
}

/** The model's linear data (matrix by column) for core's solution check. */
export function linearDataOf(model: Model): LinearModelData {
  const d = model.getModel('csc');
  return {
    numCols: d.numCols,
    numRows: d.numRows,
    offset: d.offset,
    colCost: d.colCost,
    colLower: d.colLower,
    colUpper: d.colUpper,
    rowLower: d.rowLower,
    rowUpper: d.rowUpper,
    matrix: { orientation: 'csc', starts: d.matrix.starts, indices: d.matrix.indices, values: d.matrix.values },
    integrality: d.integrality,
  };
}

/** Does this error say the WASM heap could not grow (Emscripten's abort or V8's allocation failure)? */
function isOutOfMemory(e: unknown): boolean {
  return (
    e instanceof Error &&
    /\bOOM\b|out of memory|Cannot enlarge memory|Maximum memory size|Array buffer allocation failed/i.test(e.message)
  );
}

/** Is this the wrapper's error for a native run() that returned HiGHS status -1? */
function isRunError(e: unknown): e is Error & { operation: string } {
  return e instanceof Error && e.name === 'HighsError' && (e as { operation?: unknown }).operation === 'run';
}

/** HiGHS log type of ERROR lines (HighsLogType::kError). */
const LOG_TYPE_ERROR = 5;

/** Most log lines a profile keeps besides its phase markers: the first half and the last half of the log. */
export const PROFILE_MAX_LINES = 400;

/** Most phase-marking lines a profile keeps from between its first and last lines (a bound against a chatty log). */
const PROFILE_MAX_MIDDLE_MARKERS = 400;

/** Log lines that mark a solve's phases; generous on purpose, since core's phase parser decides what they mean. */
const PHASE_MARKER =
  /Presolv|Postsolv|presolv|postsolv|Solving|Reductions|Crossover|crossover|IPM|ipm|simplex|Simplex|Running|Model status|branch|B&B|Objective|Solution status|Status|Primal bound|Dual bound|Gap|Nodes|LP iterations|Timing|run time|Cuts|Symmetry|PDLP|QP/;

/**
 * Keeps a profiled solve's log lines with their arrival times: the first and last PROFILE_MAX_LINES / 2 lines and
 * every phase marker between them, in order, in amortised O(1) a line whatever the log's length.
 */
export function timedLineKeeper(maxLines = PROFILE_MAX_LINES): {
  add(line: TimedLine): void;
  lines(): TimedLine[];
} {
  const half = Math.floor(maxLines / 2);
  const head: TimedLine[] = [];
  const middle: TimedLine[] = []; // phase markers evicted from the tail
  let tail: TimedLine[] = [];
  const evict = (keep: number): void => {
    const cut = tail.length - keep;
    for (let i = 0; i < cut; i++) {
      const l = tail[i];
      if (middle.length < PROFILE_MAX_MIDDLE_MARKERS && PHASE_MARKER.test(l.line)) middle.push(l);
    }
    tail = tail.slice(cut);
  };
  return {
    add(line) {
      if (head.length < half) head.push(line);
      else {
        tail.push(line);
        if (tail.length > 2 * half) evict(half);
      }
    },
    lines() {
      evict(Math.min(half, tail.length));
      return [...head, ...middle, ...tail];
    },
  };
}

/** Every row's name (HiGHS has no bulk getter for names: one call a row, ~1.3 µs each in Node). */
function rowNames(model: Model, numRows: number): string[] {
  const names: string[] = new Array(numRows);
  for (let i = 0; i < numRows; i++) names[i] = model.getRowName(i);
  return names;
}

/** The model's rows grouped by name prefix, nonzeros per row from one rowwise copy of the matrix. */
function rowGroupsOf(model: Model, names: readonly string[]): RowGroups {
  const starts = model.getLp('csr').matrix.starts;
  const nnz: number[] = new Array(names.length);
  for (let i = 0; i < names.length; i++) nnz[i] = starts[i + 1] - starts[i];
  return groupRows(names, nnz);
}

/** Deletes the rows of one group (core's rowGroupPrefix; '' is every row of an unnamed model); returns how many. */
function dropRows(model: Model, names: readonly string[], group: string, file: string): number {
  // The same rule as the groups the profile reports: a model with only generated names is one group ''.
  const unnamed = groupRows(names, []).unnamed;
  const mask = new Uint8Array(names.length);
  let n = 0;
  for (let i = 0; i < names.length; i++) {
    if ((unnamed ? '' : rowGroupPrefix(names[i])) === group) {
      mask[i] = 1;
      n++;
    }
  }
  if (n === 0) {
    throw new InvalidModelError(
      `${file}: no row belongs to the group "${group}" (${unnamed ? 'the model has no row names' : 'check the group name'})`,
      file,
    );
  }
  model.deleteRows({ kind: 'mask', mask });
  return n;
}

function finiteOrNull(v: number | bigint | undefined): number | null {
  if (v === undefined) return null;
  const n = typeof v === 'bigint' ? Number(v) : v;
  return Number.isFinite(n) ? n : null;
}

/** Builds the API over a loader; nothing is loaded until init() or the first solve. */
export function createSolverApi(loader: HighsLoader): SolverApi & {
  init(opts?: { warmup?: boolean; wasmModule?: WebAssembly.Module }): Promise<RuntimeInfo>;
} {
  let highs: Highs | undefined;
  let loading: Promise<Highs> | undefined;
  let warm = false;
  let warmupMs = 0;
  let timedSolves = 0;
  let aborted = false;
  let descriptors: OptionDescriptor[] | undefined;

  const runtime = (wasmModule?: WebAssembly.Module): Promise<Highs> =>
    (loading ??= loader(wasmModule).then((h) => (highs = h)));

  function info(): RuntimeInfo {
    return {
      highsVersion: highs?.version.string ?? '',
      warm,
      warmupMs,
      wasmMemoryBytes: highs?.memoryBytes ?? 0,
      timedSolves,
      aborted,
    };
  }

  function describeOptions(): OptionDescriptor[] {
    if (!highs) throw solverError('NotReady', 'solver runtime not loaded: call init() first');
    if (!descriptors) {
      descriptors = highs.withModel((m) => buildDescriptors(m.options.names().map((n) => m.options.describe(n))));
    }
    return descriptors;
  }

  /** Solves the warm-up models in turn until the budget is spent (V8 tiers up hot WASM functions). */
  function warmUp(h: Highs): void {
    const t0 = performance.now();
    const models = warmupModels();
    for (let k = 0; k < WARMUP_MIN_MODELS || performance.now() - t0 < WARMUP_BUDGET_MS; k++) {
      const w = models[k % models.length];
      h.withModel({ format: 'lp', data: w.text }, (m) => {
        m.options.set({ output_flag: false, ...w.options });
        m.run();
      });
    }
    warmupMs = performance.now() - t0;
    warm = true;
  }

  async function init(opts: { warmup?: boolean; wasmModule?: WebAssembly.Module } = {}): Promise<RuntimeInfo> {
    const h = await runtime(opts.wasmModule);
    describeOptions();
    if (opts.warmup !== false && !warm) warmUp(h);
    return info();
  }

  async function solve(req: SolveRequest, onProgress?: (u: ProgressUpdate) => void): Promise<SolveResult> {
    if (aborted) throw solverError('SolverAborted', 'this solver runtime aborted earlier and must be replaced');
    const h = await runtime();
    const descs = describeOptions();
    const optionErrors = validateOptionValues(descs, req.options);
    if (optionErrors.length) throw solverError('InvalidOption', optionErrors.join('; '));

    const tValidate = performance.now();
    const prepared = await prepareModel(req.model);
    const validateMs = performance.now() - tValidate;

    const profiling = req.profile === true;
    const beforeReadBytes = profiling ? h.memoryBytes : 0;
    const model = h.createModel();
    let phase: 'read' | 'solve' = 'read';
    try {
      const captureLog = req.captureLog !== false;
      // HiGHS's MPS reader honours time_limit: a tiny limit would make reading fail as if the file
      // were bad. The limit is for the solve, so it is set after reading.
      const { time_limit: timeLimit, ...readOptions } = req.options;
      // A profile takes the solve's log lines whether or not the caller wants its log.
      model.options.set({ output_flag: captureLog || profiling, log_to_console: false, ...readOptions });
      const tRead = performance.now();
      try {
        model.readModel({ format: prepared.format, data: prepared.text });
      } catch (e) {
        if (e instanceof WebAssembly.RuntimeError || isOutOfMemory(e)) throw e;
        throw new InvalidModelError(
          `${prepared.name}: HiGHS could not read this file as ${prepared.format.toUpperCase()}`,
          prepared.name,
        );
      }
      const readMs = performance.now() - tRead;
      const afterReadBytes = profiling ? h.memoryBytes : 0;
      phase = 'solve';
      if (timeLimit !== undefined) model.options.set('time_limit', timeLimit);
      let dims = model.getDimensions();
      if (dims.numRows === 0 && dims.numCols === 0 && !looksLikeModel(prepared.text, prepared.format)) {
        throw new InvalidModelError(
          `${prepared.name}: the file is not empty but HiGHS read no model from it`,
          prepared.name,
        );
      }
      // Tuning: the row groups of the model as read, then the ablation's deletion of one group.
      let rowGroups: RowGroups | undefined;
      let droppedRows: number | undefined;
      if (profiling || req.dropRowGroup !== undefined) {
        const names = rowNames(model, dims.numRows);
        if (profiling) rowGroups = rowGroupsOf(model, names);
        if (req.dropRowGroup !== undefined) {
          droppedRows = dropRows(model, names, req.dropRowGroup, prepared.name);
          dims = model.getDimensions();
        }
      }
      let integers = 0;
      if (dims.numCols > 0) {
        const integrality = model.getModel().integrality;
        for (let i = 0; i < integrality.length; i++) if (integrality[i] !== 0) integers++;
      }
      // HiGHS reports a MIP's LP iterations only to the MIP callbacks, exactly in the logging one
      // (its final call carries the total), which fires only with output on: keep it on for MIPs.
      if (integers > 0 && !captureLog) model.options.set('output_flag', true);

      // Progress: batched and sent at most every progressIntervalMs.
      const interval = req.progressIntervalMs ?? 100;
      const flag = req.cancelFlag;
      let log: string[] = [];
      const logTail: string[] = [];
      let points: MipPoint[] = [];
      const allPoints: MipPoint[] = [];
      let heartbeat = 0;
      let lastSent = performance.now();
      let simplexIterations = 0;
      let ipmIterations = 0;
      let mipNodes = 0;
      let mipLpIterations = 0;
      let interruptedByUser = false;
      const errorLines: string[] = [];
      const timedLines = profiling ? timedLineKeeper() : undefined;
      let tSolve = 0;
      const flush = (): void => {
        lastSent = performance.now();
        if (!onProgress) return;
        onProgress({
          jobId: req.jobId,
          phase: 'solving',
          log,
          points,
          simplexIterations,
          ipmIterations,
          mipNodes,
          mipLpIterations,
          heartbeat,
        });
        log = [];
        points = [];
      };
      const tick = (): void => {
        heartbeat++;
        if (performance.now() - lastSent >= interval) flush();
      };
      const interrupt = (e: { interrupt(): void }): void => {
        if (flag && Atomics.load(flag, 0) !== 0) {
          Atomics.store(flag, 0, CANCEL_ACKNOWLEDGED);
          interruptedByUser = true;
          e.interrupt();
        }
        tick();
      };
      const addPoint = (d: {
        running_time?: number;
        mip_primal_bound?: number;
        mip_dual_bound?: number;
        mip_gap?: number;
        mip_node_count?: bigint;
        mip_total_lp_iterations?: bigint;
      }): void => {
        noteLpIterations(d);
        const p: MipPoint = {
          t: d.running_time ?? 0,
          primal: finiteOrNull(d.mip_primal_bound),
          dual: finiteOrNull(d.mip_dual_bound),
          gap: finiteOrNull(d.mip_gap),
          nodes: finiteOrNull(d.mip_node_count) ?? 0,
        };
        mipNodes = p.nodes;
        const last = allPoints[allPoints.length - 1];
        if (last && last.t === p.t && last.primal === p.primal && last.dual === p.dual) return;
        allPoints.push(p);
        points.push(p);
      };
      const noteLpIterations = (d: { mip_total_lp_iterations?: bigint }): void => {
        const n = finiteOrNull(d.mip_total_lp_iterations);
        if (n !== null && n > mipLpIterations) mipLpIterations = n;
      };
      const cbt = h.constants.callbackType;
      const callbacks: Parameters<Model['run']>[0] = {
        ...(captureLog && !timedLines
          ? {
              [cbt.logging]: (e: { message: string; data: { log_type?: number } }) => {
                const text = e.message.replace(/\n$/, '');
                if (e.data.log_type === LOG_TYPE_ERROR) errorLines.push(text.replace(/^ERROR:\s*/, ''));
                log.push(text);
                logTail.push(text);
                if (logTail.length > LOG_TAIL * 2) logTail.splice(0, logTail.length - LOG_TAIL);
                tick();
                return undefined;
              },
            }
          : {}),
        // Profiled: every line with its arrival time, and the log as usual when the caller wants it.
        ...(timedLines
          ? {
              [cbt.logging]: (e: { message: string; data: { log_type?: number } }) => {
                const text = e.message.replace(/\n$/, '');
                timedLines.add({ tMs: performance.now() - tSolve, line: text });
                if (e.data.log_type === LOG_TYPE_ERROR) errorLines.push(text.replace(/^ERROR:\s*/, ''));
                if (captureLog) {
                  log.push(text);
                  logTail.push(text);
                  if (logTail.length > LOG_TAIL * 2) logTail.splice(0, logTail.length - LOG_TAIL);
                }
                tick();
                return undefined;
              },
            }
          : {}),
        [cbt.ipmInterrupt]: (e) => {
          ipmIterations = e.data.ipm_iteration_count ?? ipmIterations;
          interrupt(e);
          return undefined;
        },
        [cbt.mipInterrupt]: (e) => {
          noteLpIterations(e.data);
          interrupt(e);
          return undefined;
        },
        [cbt.mipLogging]: (e) => {
          addPoint(e.data);
          tick();
          return undefined;
        },
        [cbt.mipImprovingSolution]: (e) => {
          addPoint(e.data);
          tick();
          return undefined;
        },
        ...((req.simplexInterrupt ?? 'mip') === 'always' || (req.simplexInterrupt !== 'never' && integers > 0)
          ? {
              [cbt.simplexInterrupt]: (e: { data: { simplex_iteration_count?: number }; interrupt(): void }) => {
                simplexIterations = e.data.simplex_iteration_count ?? simplexIterations;
                interrupt(e);
                return undefined;
              },
            }
          : {}),
      };
      const warmBefore = warm;
      const solvesBefore = timedSolves;
      flush(); // at once: the pool's watchdog deadline starts with the solve
      tSolve = performance.now();
      let runStatus: HighsRunStatus = 'ok';
      try {
        runStatus = model.run(callbacks).status === 1 ? 'warning' : 'ok';
      } catch (e) {
        if (!isRunError(e)) throw e;
        runStatus = 'error';
      }
      const solveMs = performance.now() - tSolve;
      const afterSolveBytes = profiling ? h.memoryBytes : 0;
      timedSolves++;
      const counters = readCounters(model, mipLpIterations);
      mipNodes = counters.mipNodes;
      simplexIterations = counters.simplexIterations;
      flush();

      const rawObjective = model.getObjectiveValue();
      const modelStatus = model.getModelStatus();
      const status = statusFromCode(modelStatus);
      const runError =
        runStatus === 'error'
          ? `${prepared.name}: HiGHS's run returned an error (status -1) with model status ${status}` +
            (errorLines.length ? `: ${errorLines.join('; ')}` : '')
          : null;
      let mipGap: number | null = null;
      let mipDualBound: number | null = null;
      if (integers > 0 && runStatus !== 'error') {
        mipGap = finiteOrNull(model.info.get('mip_gap'));
        mipDualBound = finiteOrNull(model.info.get('mip_dual_bound'));
      }
      const pss = runStatus === 'error' ? 0 : Number(model.info.get('primal_solution_status'));
      const result: SolveResult = {
        jobId: req.jobId,
        status,
        statusCode: modelStatus,
        runStatus,
        runError,
        objective: Number.isFinite(rawObjective) && pss === 2 ? rawObjective : null,
        objectiveNotFinite: runStatus !== 'error' && !Number.isFinite(rawObjective),
        mipGap,
        mipDualBound,
        primalSolutionStatus: pss === 2 ? 'feasible' : pss === 1 ? 'infeasible' : 'none',
        size: {
          rows: dims.numRows,
          cols: dims.numCols,
          nnz: dims.numNonzeros,
          integers,
          hessianNnz: dims.hessianNonzeros,
        },
        format: prepared.format,
        inputBytes: prepared.inputBytes,
        counters,
        times: { readMs, solveMs, highsRunMs: model.getRunTime() * 1000, validateMs },
        wasmMemoryBytes: h.memoryBytes,
        warm: warmBefore,
        solvesBefore,
        interruptedByUser,
        warnings: prepared.warnings,
        misread: prepared.misread,
        logTail: logTail.slice(-LOG_TAIL),
        points: allPoints,
        solutionCheck: null,
        highsMaxPrimalInfeasibility: null,
      };
      if (timedLines && rowGroups) {
        result.profile = {
          rowGroups,
          memory: { beforeReadBytes, afterReadBytes, afterSolveBytes },
          lines: timedLines.lines(),
          solveMs,
        };
      }
      if (droppedRows !== undefined) result.droppedRows = droppedRows;
      const wantValues = (req.includeSolution || req.checkSolution) && pss !== 0 && dims.numCols > 0;
      const values = wantValues ? model.getSolution().colValue : undefined;
      if (values && req.checkSolution) {
        result.solutionCheck = checkSolution(linearDataOf(model), values);
        result.highsMaxPrimalInfeasibility = finiteOrNull(model.info.get('max_primal_infeasibility'));
      }
      if (values && req.includeSolution) {
        const names: string[] = new Array(dims.numCols);
        for (let i = 0; i < dims.numCols; i++) names[i] = model.getColName(i);
        result.solution = { names, values };
      }
      return result;
    } catch (e) {
      const outOfMemory = isOutOfMemory(e);
      if (e instanceof WebAssembly.RuntimeError || outOfMemory) {
        aborted = true;
        const detail = `[${(e as Error).message.split('.')[0]}]`;
        // Out of memory is the infrastructure's failure (worth a retry on a fresh worker);
        // an abort while reading LP text is the model's syntax.
        if (outOfMemory)
          throw solverError(
            'WorkerCrashed',
            `out of memory while ${phase === 'read' ? 'reading' : 'solving'} ${prepared.name} ${detail}`,
          );
        const what =
          phase === 'read' && prepared.format === 'lp'
            ? `could not parse LP: the HiGHS LP reader aborted on ${prepared.name} (check its syntax)`
            : `the HiGHS runtime aborted while ${phase === 'read' ? 'reading' : 'solving'} ${prepared.name}`;
        throw solverError('SolverAborted', `${what} ${detail}`);
      }
      throw e;
    } finally {
      if (!aborted) model.dispose();
    }
  }

  return { init, info, describeOptions, solve };
}
