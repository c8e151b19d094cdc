// The overall ratio of a per-model ratio chart as Chart.js datasets: a dashed line across every
// category and its 95 % interval as a band (a transparent lower line, the upper one filled down to it).
// Shared by the speedup chart and the comparison chart, so both draw it the same way.

/** The line and band datasets for `n` categories; none without an overall ratio. */
export function overallBand(overall: { ratio: number; ci95: [number, number] } | null, n: number) {
  if (!overall) return [];
  const flat = (v: number) => Array.from({ length: n }, () => v);
  const fmt = (x: number) => x.toPrecision(3);
  return [
    {
      type: 'line' as const,
      label: `overall ${fmt(overall.ratio)}×`,
      data: flat(overall.ratio),
      borderColor: '#1d2430',
      borderDash: [6, 4],
      borderWidth: 2,
      pointRadius: 0,
    },
    {
      type: 'line' as const,
      label: '',
      data: flat(overall.ci95[0]),
      borderColor: 'transparent',
      pointRadius: 0,
    },
    {
      type: 'line' as const,
      label: `95 % interval [${fmt(overall.ci95[0])}, ${fmt(overall.ci95[1])}]`,
      data: flat(overall.ci95[1]),
      borderColor: 'transparent',
      backgroundColor: '#1d243022',
      fill: '-1' as const,
      pointRadius: 0,
    },
  ];
}
