// Bare HiGHS in a worker: load, then solve files with no callbacks and report wall and HiGHS time.
import loadHighs from '/highs.mjs';

const highsP = loadHighs({ print() {}, printErr() {} });
const cache = new Map();
async function bytes(file) {
  if (!cache.has(file)) cache.set(file, new Uint8Array(await (await fetch(`/models/${file}`)).arrayBuffer()));
  return cache.get(file);
}
onmessage = async (e) => {
  const { id, file, format, options = {} } = e.data;
  const highs = await highsP;
  const data = format === 'lp' ? new TextDecoder().decode(await bytes(file)) : await bytes(file);
  const out = highs.withModel({ format, data }, (m) => {
    m.options.set({ output_flag: false, ...options });
    const t0 = performance.now();
    m.run();
    const wallMs = performance.now() - t0;
    return {
      wallMs,
      highsMs: m.getRunTime() * 1000,
      objective: m.getObjectiveValue(),
      iterations: m.info.get('simplex_iteration_count'),
    };
  });
  postMessage({ id, ...out, memoryBytes: highs.memoryBytes });
};
