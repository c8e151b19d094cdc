// `npm run bench -- NAME` runs bench/NAME.bench.mjs. Benchmarks print `figure-name: value` lines
// (ratios measured side by side in one run); they never run in `npm test`.
import { readdirSync } from 'node:fs';

const name = process.argv[2];
const available = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.bench.mjs'))
  .map((f) => f.replace('.bench.mjs', ''));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- NAME   (NAME: ${available.join(', ')})`);
  process.exit(2);
}
const mod = await import(`./${name}.bench.mjs`);
await mod.default(process.argv.slice(3));
