// Number formatting shared by views: durations, bytes, objectives.

/** Milliseconds as a short human duration. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const m = Math.floor(ms / 60_000);
  return `${m} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** Bytes in binary units. */
export function formatBytes(b: number): string {
  if (!Number.isFinite(b)) return '–';
  if (b < 1024) return `${b} B`;
  if (b < 2 ** 20) return `${(b / 1024).toFixed(1)} KiB`;
  if (b < 2 ** 30) return `${(b / 2 ** 20).toFixed(1)} MiB`;
  return `${(b / 2 ** 30).toFixed(2)} GiB`;
}

/** An objective or solution value: full precision for the data, compact for display. */
export function formatNumber(v: number | null | undefined, digits = 10): string {
  if (v === null || v === undefined) return '–';
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-4 && a < 1e12) return String(Number(v.toPrecision(digits)));
  return v.toExponential(Math.min(digits, 6));
}

/** A gap fraction as a percentage. */
export function formatGap(g: number | null | undefined): string {
  if (g === null || g === undefined || !Number.isFinite(g)) return '–';
  return `${(g * 100).toFixed(g < 0.001 ? 4 : 2)} %`;
}
