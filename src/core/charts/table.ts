// The numbers behind a chart as a table, and as CSV text: every chart shows (or offers for download)
// exactly the numbers it draws, built here so the table, the download and the chart cannot disagree.

/** One cell: text (rendered as text, never as HTML), a finite number, or empty. */
export type Cell = string | number | null;

/** A chart's numbers: column names and one row per drawn value (or point). */
export interface ChartTable {
  columns: string[];
  rows: Cell[][];
}

// Spreadsheets run a cell that starts with = + - @ (or a tab / carriage return before one) as a formula
// ("CSV injection"); a model name is user data, so such text gets a leading apostrophe (OWASP's advice).
// Numbers are written as numbers (a negative number is not text and is not touched).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: RFC 4180 quoting (fields with a quote, comma or line break are quoted, quotes doubled). */
export function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A chart table as CSV text (RFC 4180: header row, CRLF line ends, quoted where needed). */
export function toCsv(table: ChartTable): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** The file name of a chart's CSV download: a slug of the chart and benchmark names. */
export function csvFileName(chart: string, benchmarkName: string): string {
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60);
  const parts = [slug(benchmarkName), slug(chart)].filter((p) => p.length > 0);
  return `${parts.join('-') || 'chart'}.csv`;
}

// Evenly spaced indices keep the first and the last item and the shape of a sorted list (its quantiles).
/** Indices 0..n−1 thinned to at most k, evenly spaced, first and last included (all of them when n ≤ k). */
export function evenlySpacedIndices(n: number, k: number): number[] {
  if (n <= k) return Array.from({ length: n }, (_, i) => i);
  if (k <= 0) return [];
  if (k === 1) return [0];
  return Array.from({ length: k }, (_, i) => Math.round((i * (n - 1)) / (k - 1)));
}
