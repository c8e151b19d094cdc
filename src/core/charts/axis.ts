// Log axes that neither clip nor crowd: bounds padded out to the next 1–2–5 value around everything a chart
// draws (Chart.js's own log bounds end exactly at the largest value, so the top box or bar touches the
// frame and its border is cut), and tick labels kept to the 1–2–5 values (Chart.js labels every minor
// tick of a decade and the two ends, which overlap: "70.0" over "100.0").

/** How far past the smallest and largest value a padded log axis reaches, as a factor, before rounding. */
export const LOG_AXIS_PAD = 1.15;

const MANTISSAS = [1, 2, 5];

/** The largest 1–2–5 value (1, 2, 5 × 10^k) ≤ x, for x > 0. */
export function niceBelow(x: number): number {
  const k = Math.floor(Math.log10(x));
  for (let i = MANTISSAS.length - 1; i >= 0; i--) {
    const v = tidy(MANTISSAS[i] * 10 ** k);
    if (v <= x * (1 + 1e-12)) return v;
  }
  return tidy(5 * 10 ** (k - 1));
}

/** The smallest 1–2–5 value ≥ x, for x > 0. */
export function niceAbove(x: number): number {
  const k = Math.floor(Math.log10(x));
  for (const m of MANTISSAS) {
    const v = tidy(m * 10 ** k);
    if (v >= x * (1 - 1e-12)) return v;
  }
  return tidy(10 ** (k + 1));
}

/** 12 significant digits: 0.30000000000000004 → 0.3, so bounds print and compare cleanly. */
function tidy(x: number): number {
  return Number(x.toPrecision(12));
}

/**
 * Bounds of a log axis that show every value with room around it: the positive finite values' range widened by
 * `pad` on each side and rounded out to 1–2–5 values; null when no value is positive and finite.
 */
export function logAxisBounds(
  values: readonly number[],
  pad: number = LOG_AXIS_PAD,
): { min: number; max: number } | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!(v > 0) || !Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (lo === Infinity) return null;
  return { min: niceBelow(lo / pad), max: niceAbove(hi * pad) };
}

/**
 * The label of a log-axis tick, '' for a tick left unlabelled: 1–2–5 values when the axis spans at most three
 * decades, powers of ten when it spans more (so labels never overlap on a chart a few hundred pixels tall).
 */
export function logTickLabel(value: number, min: number, max: number): string {
  if (!(value > 0)) return '';
  const k = Math.floor(Math.log10(value) + 1e-9);
  const mantissa = value / 10 ** k;
  const near = (m: number) => Math.abs(mantissa - m) < 1e-6 * m;
  const decades = max > 0 && min > 0 ? Math.log10(max / min) : 0;
  const shown = decades > 3 ? near(1) || near(10) : MANTISSAS.some(near) || near(10);
  return shown ? String(Number(value.toPrecision(3))) : '';
}
