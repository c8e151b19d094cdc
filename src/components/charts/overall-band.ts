// The overall ratio of a per-model ratio chart: a dashed line and its 95 % interval as a band, both across
// the whole width of the chart. Shared by the speedup chart and the comparison chart, so both draw it the
// same way.
//
// Chart.js puts a line dataset's points at the centres of a bar chart's categories, so a line (or a filled
// band) over n bars runs from the middle of the first bar to the middle of the last one and leaves half a
// column bare at each end (https://github.com/chartjs/Chart.js/issues/9852). So the datasets below carry
// the values (for the value axis's range, the legend and the tooltip) but draw nothing themselves, and
// overallBandPlugin (registered once, in ChartCanvas) draws the band under the bars and the line over them,
// edge to edge of the chart area.
// link: https://github.com/chartjs/Chart.js/issues/9852
import type { Chart, Plugin } from 'chart.js';

/** Which part of the overall figure a dataset stands for (read by overallBandPlugin). */
type Part = 'line' | 'low' | 'high';

const LINE = '#1d2430';
const BAND = '#1d243022';

/** The line and band datasets for `n` categories; none without an overall ratio. */
export function overallBand(overall: { ratio: number; ci95: [number, number] } | null, n: number) {
  if (!overall) return [];
  const flat = (v: number) => Array.from({ length: Math.max(1, n) }, () => v);
  const fmt = (x: number) => x.toPrecision(3);
  return [
    {
      type: 'line' as const,
      label: `overall ${fmt(overall.ratio)}×`,
      data: flat(overall.ratio),
      borderColor: LINE,
      borderDash: [6, 4],
      borderWidth: 2,
      pointRadius: 0,
      showLine: false,
      overallBand: 'line' as Part,
    },
    {
      type: 'line' as const,
      label: '',
      data: flat(overall.ci95[0]),
      borderColor: 'transparent',
      pointRadius: 0,
      showLine: false,
      overallBand: 'low' as Part,
    },
    {
      type: 'line' as const,
      label: `95 % interval [${fmt(overall.ci95[0])}, ${fmt(overall.ci95[1])}]`,
      data: flat(overall.ci95[1]),
      borderColor: 'transparent',
      backgroundColor: BAND,
      pointRadius: 0,
      showLine: false,
      overallBand: 'high' as Part,
    },
  ];
}

/** The value and y pixel of the visible dataset standing for `part`, or null. */
function partOf(chart: Chart, part: Part): { value: number; y: number } | null {
  const i = chart.data.datasets.findIndex((d) => (d as { overallBand?: Part }).overallBand === part);
  if (i < 0 || !chart.isDatasetVisible(i)) return null;
  const value = chart.data.datasets[i].data[0];
  if (typeof value !== 'number') return null;
  const scale = chart.scales[chart.getDatasetMeta(i).yAxisID ?? 'y'];
  if (!scale) return null;
  return { value, y: scale.getPixelForValue(value) };
}

/** Draws with the chart area as the clip. */
function clipped(chart: Chart, draw: (ctx: CanvasRenderingContext2D, left: number, right: number) => void): void {
  const { ctx, chartArea } = chart;
  ctx.save();
  ctx.beginPath();
  ctx.rect(chartArea.left, chartArea.top, chartArea.right - chartArea.left, chartArea.bottom - chartArea.top);
  ctx.clip();
  draw(ctx, chartArea.left, chartArea.right);
  ctx.restore();
}

/** Draws overallBand's band (under the datasets) and line (over them) across the whole chart area. */
export const overallBandPlugin: Plugin = {
  id: 'overallBandAcross',
  beforeDatasetsDraw(chart) {
    const low = partOf(chart, 'low');
    const high = partOf(chart, 'high');
    if (!low || !high) return;
    clipped(chart, (ctx, left, right) => {
      ctx.fillStyle = BAND;
      ctx.fillRect(left, Math.min(low.y, high.y), right - left, Math.abs(low.y - high.y));
    });
  },
  afterDatasetsDraw(chart) {
    const line = partOf(chart, 'line');
    if (!line) return;
    clipped(chart, (ctx, left, right) => {
      ctx.strokeStyle = LINE;
      ctx.lineWidth = 2;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(left, line.y);
      ctx.lineTo(right, line.y);
      ctx.stroke();
    });
  },
};
