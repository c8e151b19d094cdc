// Generates the published JSON Schema of report version 1 from the valibot schema (the one source).
// Node-only, so it lives with the tests: src/core must not import Node or @valibot/to-json-schema.
// Rewrite the committed file with `UPDATE_SCHEMA=1 npx vitest run test/core/report` (or, where vite-node
// is installed, `npx vite-node test/core/report/write-schema.ts`); report-schema-file.test.ts fails
// while the committed file differs from what this generates.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toJsonSchema } from '@valibot/to-json-schema';
import * as prettier from 'prettier';
import { ReportFileV1Schema } from '../../../src/core/report/schema-v1';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where the published schema is committed. */
export const SCHEMA_FILE = resolve(ROOT, 'schema/report-v1.schema.json');

/** The JSON Schema (draft-07) of report version 1, generated from the valibot schema. */
export function generateReportJsonSchema(): Record<string, unknown> {
  const { $schema, title, description, ...rest } = toJsonSchema(ReportFileV1Schema, {
    target: 'draft-07',
    errorMode: 'throw',
    // `finite` has no JSON Schema keyword and needs none: a JSON number is always finite (1e999 is
    // refused by the reader's walk, not by the schema).
    overrideAction: ({ valibotAction, jsonSchema }) => (valibotAction.type === 'finite' ? jsonSchema : undefined),
  });
  // The header first, for a reader of the file.
  return { $schema, title, description, ...rest };
}

/** The schema as the committed file holds it: formatted by the project's Prettier config. */
export async function reportJsonSchemaText(): Promise<string> {
  const config = (await prettier.resolveConfig(SCHEMA_FILE)) ?? {};
  return prettier.format(JSON.stringify(generateReportJsonSchema(), null, 2), { ...config, parser: 'json' });
}

/** The committed file's text, or null when there is none. */
export function committedSchemaText(): string | null {
  try {
    return readFileSync(SCHEMA_FILE, 'utf8');
  } catch {
    return null;
  }
}

/** Writes the generated schema to the committed file. */
export async function writeReportJsonSchema(): Promise<void> {
  mkdirSync(dirname(SCHEMA_FILE), { recursive: true });
  writeFileSync(SCHEMA_FILE, await reportJsonSchemaText());
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeReportJsonSchema();
  console.log(`wrote ${SCHEMA_FILE}`);
}
