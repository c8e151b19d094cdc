// The built-in model library: the manifest (public/models/instances.json) parsed and checked.

/** One library model with what is known about it. */
export interface LibraryModel {
  file: string;
  /** The SHA-256 of the file's bytes: how a local file is recognised as this model (never by its name). */
  sha256: string | null;
  kind: 'LP' | 'MIP' | 'QP';
  rows: number;
  cols: number;
  nnz: number;
  expectedStatus: string;
  objective: number | null;
  source: string;
}

/** A deliberately bad input, shipped to show what validation does. */
export interface BadInput {
  file: string;
  whatHappens: string;
}

/** The parsed manifest. */
export interface Library {
  models: LibraryModel[];
  badInputs: BadInput[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Validates the manifest JSON; throws with the entry index and field on bad data. */
export function parseLibrary(json: unknown): Library {
  if (!isObj(json) || !Array.isArray(json.models)) throw new Error('instances.json: no "models" array');
  const models = json.models.map((m: unknown, i: number): LibraryModel => {
    const where = `instances.json models[${i}]`;
    if (!isObj(m)) throw new Error(`${where}: not an object`);
    const str = (k: string): string => {
      if (typeof m[k] !== 'string') throw new Error(`${where}.${k}: expected a string`);
      return m[k] as string;
    };
    const num = (k: string): number => {
      if (typeof m[k] !== 'number' || !Number.isFinite(m[k])) throw new Error(`${where}.${k}: expected a number`);
      return m[k] as number;
    };
    const kind = str('kind');
    if (kind !== 'LP' && kind !== 'MIP' && kind !== 'QP')
      throw new Error(`${where}.kind: '${kind}' is not LP, MIP or QP`);
    const file = str('file');
    if (!/^[\w.-]+$/.test(file)) throw new Error(`${where}.file: '${file}' is not a plain file name`);
    const objective = m.objective === null ? null : num('objective');
    if (m.sha256 !== undefined && (typeof m.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(m.sha256)))
      throw new Error(`${where}.sha256: expected 64 lower-case hex digits`);
    return {
      file,
      sha256: typeof m.sha256 === 'string' ? m.sha256 : null,
      kind,
      rows: num('rows'),
      cols: num('cols'),
      nnz: num('nnz'),
      expectedStatus: str('expectedStatus'),
      objective,
      source: typeof m.source === 'string' ? m.source : '',
    };
  });
  const badInputs = Array.isArray(json.badInputs)
    ? json.badInputs.filter(isObj).map((b) => ({ file: String(b.file), whatHappens: String(b.whatHappens ?? '') }))
    : [];
  return { models, badInputs };
}
