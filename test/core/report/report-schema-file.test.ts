// The committed JSON Schema is what the valibot schema generates (they cannot drift), it requires the
// binding fields, and an exported report fits it. A full JSON Schema validator would be ajv, which
// compiles with `new Function` (the CSP forbids it): the check here is a small structural walk over
// the keywords the generated schema uses.
import { describe, expect, it } from 'vitest';
import { OPTION_VALUE_ENCODING, serializeReport } from '../../../src/core/report';
import { sampleReport } from './fixtures';
import {
  committedSchemaText,
  generateReportJsonSchema,
  reportJsonSchemaText,
  SCHEMA_FILE,
  writeReportJsonSchema,
} from './write-schema';

type JsonSchema = { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The errors of a value against the subset of JSON Schema draft-07 that the generated schema uses. */
function structuralErrors(schema: JsonSchema, value: unknown, path = '$'): string[] {
  const errors: string[] = [];
  const known = new Set([
    '$schema',
    'title',
    'description',
    'type',
    'properties',
    'required',
    'items',
    'minItems',
    'maxItems',
    'anyOf',
    'const',
    'enum',
    'pattern',
    'minimum',
    'exclusiveMinimum',
    'minLength',
    'format',
    'additionalProperties',
    'propertyNames',
  ]);
  for (const key of Object.keys(schema)) if (!known.has(key)) errors.push(`${path}: unchecked keyword ${key}`);
  const type = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  if (schema.type === 'integer' ? !Number.isInteger(value) : schema.type && schema.type !== type(value)) {
    return [...errors, `${path}: expected ${schema.type}, got ${type(value)}`];
  }
  if ('const' in schema && value !== schema.const) errors.push(`${path}: expected ${schema.const}`);
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${path}: not in enum`);
  if (schema.anyOf && schema.anyOf.every((s: JsonSchema) => structuralErrors(s, value, path).length > 0)) {
    errors.push(`${path}: matches no anyOf branch`);
  }
  if (typeof value === 'string') {
    if (schema.pattern && !new RegExp(schema.pattern).test(value))
      errors.push(`${path}: does not match ${schema.pattern}`);
    if (schema.minLength !== undefined && value.length < schema.minLength) errors.push(`${path}: too short`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${path}: below minimum`);
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) errors.push(`${path}: not above`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) errors.push(`${path}: too few items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) errors.push(`${path}: too many items`);
    value.forEach((item, i) => {
      const itemSchema = Array.isArray(schema.items) ? schema.items[i] : schema.items;
      if (itemSchema) errors.push(...structuralErrors(itemSchema, item, `${path}[${i}]`));
      else if (Array.isArray(schema.items)) errors.push(`${path}[${i}]: beyond the tuple`);
    });
  } else if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    for (const key of schema.required ?? []) if (!(key in value)) errors.push(`${path}.${key}: required`);
    for (const [key, v] of entries) {
      const propertySchema = schema.properties?.[key] ?? schema.additionalProperties;
      if (propertySchema === false) errors.push(`${path}.${key}: not allowed`);
      else if (propertySchema && propertySchema !== true)
        errors.push(...structuralErrors(propertySchema, v, `${path}.${key}`));
    }
  }
  return errors;
}

/** The sub-schema at a path of property names ('[]' steps into array items). */
function at(schema: JsonSchema, ...path: string[]): JsonSchema {
  return path.reduce((s, key) => (key === '[]' ? s.items : s.properties[key]), schema);
}

describe('the published JSON Schema', () => {
  it('is what the valibot schema generates (UPDATE_SCHEMA=1 rewrites it)', async () => {
    if (process.env.UPDATE_SCHEMA) await writeReportJsonSchema();
    const committed = committedSchemaText();
    expect(committed, `${SCHEMA_FILE} is missing: run UPDATE_SCHEMA=1 npx vitest run test/core/report`).not.toBeNull();
    expect(
      JSON.parse(committed!),
      'the schema file is stale: run UPDATE_SCHEMA=1 npx vitest run test/core/report',
    ).toEqual(generateReportJsonSchema());
    expect(committed).toBe(await reportJsonSchemaText());
  });

  const schema = generateReportJsonSchema() as JsonSchema;
  const run = ['benchmarks', '[]', 'runs', '[]'];
  const summarySet = ['benchmarks', '[]', 'summary', 'optionSets', '[]'];
  it.each([
    ['the report', [], ['schema', 'version', 'createdAt', 'app', 'solver', 'environment', 'benchmarks']],
    ['app', ['app'], ['name', 'version']],
    ['solver', ['solver'], ['name', 'version']],
    ['environment', ['environment'], ['userAgent', 'hardwareConcurrency', 'crossOriginIsolated']],
    [
      'a benchmark',
      ['benchmarks', '[]'],
      ['id', 'name', 'config', 'referenceOptionSetId', 'models', 'optionSets', 'runs', 'summary'],
    ],
    ['config', ['benchmarks', '[]', 'config'], ['timeLimitMs', 'seeds', 'repetitions', 'warmup']],
    [
      'a model',
      ['benchmarks', '[]', 'models', '[]'],
      ['id', 'name', 'template', 'size', 'rows', 'cols', 'nnz', 'integers', 'knownObjective'],
    ],
    ['an option set', ['benchmarks', '[]', 'optionSets', '[]'], ['id', 'name', 'options']],
    [
      'a run',
      run,
      [
        'modelId',
        'optionSetId',
        'seed',
        'repetition',
        'status',
        'objective',
        'mipDualBound',
        'timeMs',
        'counters',
        'maxBoundViolation',
        'maxRowViolation',
        'verdict',
        'error',
      ],
    ],
    [
      'counters',
      [...run, 'counters'],
      [
        'simplexIterations',
        'ipmIterations',
        'crossoverIterations',
        'qpIterations',
        'pdlpIterations',
        'mipNodes',
        'mipLpIterations',
      ],
    ],
    ['the summary', ['benchmarks', '[]', 'summary'], ['shiftMs', 'optionSets']],
    ['a summary option set', summarySet, ['optionSetId', 'sgmTimeMs', 'solved', 'problems', 'speedup', 'scaling']],
  ])('requires the binding fields of %s', (_name, path, fields) => {
    expect(at(schema, ...(path as string[])).required).toEqual(expect.arrayContaining(fields));
  });

  it('pins the schema id and version and documents the Infinity encoding', () => {
    expect(at(schema, 'schema').const).toBe('highs-workbench/report');
    expect(at(schema, 'version').const).toBe(1);
    expect(schema.description).toContain('{"$number": "Infinity"}');
    const optionValue = at(schema, 'benchmarks', '[]', 'optionSets', '[]', 'options').additionalProperties;
    expect(optionValue.description).toBe(OPTION_VALUE_ENCODING);
  });

  it('keeps the gap trace optional, so files written before it existed stay valid', () => {
    expect(at(schema, ...run).required).not.toContain('gapTrace');
    expect(at(schema, ...run, 'gapTrace').anyOf.map((s: JsonSchema) => s.type)).toEqual(['array', 'null']);
    const exported = JSON.parse(serializeReport(sampleReport()));
    expect(exported.benchmarks[0].runs[2].gapTrace).toHaveLength(3);
    for (const r of exported.benchmarks[0].runs) delete r.gapTrace;
    expect(structuralErrors(schema, exported)).toEqual([]);
  });

  it("keeps HiGHS's reported infeasibility optional (a number or null), so older files stay valid", () => {
    expect(at(schema, ...run).required).not.toContain('highsMaxPrimalInfeasibility');
    const field = at(schema, ...run, 'highsMaxPrimalInfeasibility');
    expect(field.anyOf.map((s: JsonSchema) => s.type)).toEqual(['number', 'null']);
    expect(field.description).toContain('max_primal_infeasibility');
    const exported = JSON.parse(serializeReport(sampleReport()));
    expect(exported.benchmarks[0].runs[1].highsMaxPrimalInfeasibility).toBe(3.5e-13);
    for (const r of exported.benchmarks[0].runs) delete r.highsMaxPrimalInfeasibility;
    expect(structuralErrors(schema, exported)).toEqual([]);
  });

  it('accepts an exported report', () => {
    const exported = JSON.parse(serializeReport(sampleReport()));
    expect(structuralErrors(schema, exported)).toEqual([]);
  });

  it.each([
    [
      'a negative time',
      (j: JsonSchema) => void (j.benchmarks[0].runs[0].timeMs = -1),
      '$.benchmarks[0].runs[0].timeMs: below minimum',
    ],
    [
      'a missing verdict',
      (j: JsonSchema) => void delete j.benchmarks[0].runs[0].verdict,
      '$.benchmarks[0].runs[0].verdict: required',
    ],
    [
      'an unencoded string Infinity',
      (j: JsonSchema) => void (j.benchmarks[0].optionSets[1].options.time_limit = { $number: 'inf' }),
      '$.benchmarks[0].optionSets[1].options.time_limit: matches no anyOf branch',
    ],
    [
      'a HiGHS-reported infeasibility that is a string',
      (j: JsonSchema) => void (j.benchmarks[0].runs[1].highsMaxPrimalInfeasibility = '0'),
      '$.benchmarks[0].runs[1].highsMaxPrimalInfeasibility: matches no anyOf branch',
    ],
    [
      'a gap trace of 257 points',
      (j: JsonSchema) =>
        void (j.benchmarks[0].runs[2].gapTrace = Array.from({ length: 257 }, () => [1, null, null, null])),
      '$.benchmarks[0].runs[2].gapTrace: matches no anyOf branch',
    ],
    [
      'a gap trace point with a negative time',
      (j: JsonSchema) => void (j.benchmarks[0].runs[2].gapTrace[0][0] = -1),
      '$.benchmarks[0].runs[2].gapTrace: matches no anyOf branch',
    ],
  ])('refuses %s (the structural check is not vacuous)', (_name, edit, message) => {
    const exported = JSON.parse(serializeReport(sampleReport()));
    edit(exported);
    expect(structuralErrors(schema, exported)).toContain(message);
  });
});
