// A benchmark's templates resolved to models: library files (bytes from the model library), the
// user's files (bytes from the store, by SHA-256) and generated instances (size × instanceSeed),
// each identified by the SHA-256 of its bytes; and, for a resumed benchmark, the check that every
// stored model still has the bytes it was run with.
import type { BenchmarkModel, TemplateSpec } from '../core/benchmark';
import { parseLibrary, type Library } from '../core/library';
import { sha256Hex } from '../core/run-record';
import { generate, type GeneratorId } from '../core/templates';
import type { ModelPayload } from '../solver/protocol';
import type { BenchmarkStore, ModelSource } from './ports';

/** One model of a benchmark with what a solve needs: its bytes and what is known about it. */
export interface ResolvedModel {
  model: BenchmarkModel;
  payload: ModelPayload;
  /** The library's expected status, for judging; null when unknown. */
  expectedStatus: string | null;
}

/** Where model bytes come from. */
export interface ModelSources {
  library: ModelSource;
  store: Pick<BenchmarkStore, 'getModelFile'>;
}

/** An Error with a typed name (InvalidModel: bytes not available; ModelChanged: bytes differ from the stored identity). */
function namedError(name: 'InvalidModel' | 'ModelChanged', message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

const short = (sha: string) => `${sha.slice(0, 12)}…`;

/**
 * Resolves templates to models, in template order (generators: sizes, then instanceSeeds). A model
 * whose bytes appear twice (the same SHA-256) is kept once, under its first template. Throws a
 * named error that names the model when its bytes cannot be had.
 */
export async function resolveModels(templates: readonly TemplateSpec[], src: ModelSources): Promise<ResolvedModel[]> {
  const out: ResolvedModel[] = [];
  const seen = new Set<string>();
  let library: Promise<Library> | undefined;
  const manifest = () =>
    (library ??= src.library.manifest().then(parseLibrary, (e: unknown) => {
      throw namedError('InvalidModel', `could not load the model library's manifest (${errorText(e)})`);
    }));
  const add = async (
    t: TemplateSpec,
    name: string,
    bytes: Uint8Array,
    known: { size: number | null; knownObjective: number | null; expectedStatus: string | null },
    dims = { rows: 0, cols: 0, nnz: 0 },
  ) => {
    const id = await sha256Hex(bytes);
    if (seen.has(id)) return;
    seen.add(id);
    out.push({
      model: {
        id,
        name,
        template: t.id,
        size: known.size,
        ...dims,
        integers: 0,
        knownObjective: known.knownObjective,
      },
      payload: { name, bytes },
      expectedStatus: known.expectedStatus,
    });
  };
  for (const t of templates) {
    if (t.kind === 'library') {
      const lib = await manifest();
      for (const file of t.files) {
        let bytes: Uint8Array;
        try {
          bytes = await src.library.model(file);
        } catch (e) {
          throw namedError('InvalidModel', `${file}: could not load from the library (${errorText(e)})`);
        }
        const m = lib.models.find((x) => x.file === file);
        await add(
          t,
          file,
          bytes,
          { size: null, knownObjective: m?.objective ?? null, expectedStatus: m?.expectedStatus ?? null },
          m ? { rows: m.rows, cols: m.cols, nnz: m.nnz } : undefined,
        );
      }
    } else if (t.kind === 'files') {
      for (const id of t.modelIds) {
        const file = await src.store.getModelFile(id);
        if (!file)
          throw namedError('InvalidModel', `${t.name}: model file ${short(id)} is not stored (add the file again)`);
        const actual = await sha256Hex(file.bytes);
        if (actual !== id)
          throw namedError(
            'ModelChanged',
            `${file.name} (template ${t.name}): stored under SHA-256 ${short(id)} but its bytes hash to ${short(actual)}`,
          );
        await add(t, file.name, file.bytes, { size: null, knownObjective: null, expectedStatus: null });
      }
    } else {
      for (const size of t.sizes) {
        for (const instanceSeed of t.instanceSeeds) {
          const g = generate(t.generator as GeneratorId, { size, instanceSeed, symmetryBreaking: t.symmetryBreaking });
          await add(t, g.name, new TextEncoder().encode(g.lp), {
            size,
            knownObjective: g.knownObjective,
            expectedStatus: null,
          });
        }
      }
    }
  }
  return out;
}

/**
 * The stored models with their bytes re-resolved from the definition's templates, in stored order
 * (so the plan is the one the benchmark started with). Throws ModelChanged naming the model when
 * its bytes no longer hash to its stored SHA-256, or when it no longer resolves at all.
 */
export async function reresolveModels(
  stored: readonly BenchmarkModel[],
  templates: readonly TemplateSpec[],
  src: ModelSources,
): Promise<ResolvedModel[]> {
  const fresh = await resolveModels(templates, src);
  const byId = new Map(fresh.map((r) => [r.model.id, r]));
  return stored.map((m) => {
    const r = byId.get(m.id);
    if (r) return { ...r, model: { ...m } };
    const renamed = fresh.find((x) => x.model.template === m.template && x.model.name === m.name);
    throw namedError(
      'ModelChanged',
      renamed
        ? `${m.name} (template ${m.template}) has changed: it was run with SHA-256 ${short(m.id)}, its bytes now hash to ${short(renamed.model.id)}`
        : `${m.name} (template ${m.template}, SHA-256 ${short(m.id)}) is no longer among its template's models`,
    );
  });
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
