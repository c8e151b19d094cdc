// The Chart.js options of a "gap and bounds over time" chart of one or more MIP runs (the gap overlay of two
// benchmark runs, the run view's profile with its pinned reference): one time axis, the gap on the left and,
// when shown, the objective bounds on the right.
import type { ChartConfiguration } from 'chart.js';

/** Line-chart options over ms since the solve started; `gapMax` caps the gap axis (undefined: Chart.js decides). */
export function gapOverTimeOptions(showBounds: boolean, gapMax: number | undefined): ChartConfiguration['options'] {
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    parsing: false,
    scales: {
      x: { type: 'linear', min: 0, title: { display: true, text: 'time since the solve started (ms)' } },
      gap: { type: 'linear', position: 'left', min: 0, max: gapMax, title: { display: true, text: 'gap %' } },
      ...(showBounds
        ? {
            bound: {
              type: 'linear',
              position: 'right',
              title: { display: true, text: 'objective bound' },
              grid: { drawOnChartArea: false },
            },
          }
        : {}),
    },
    plugins: { legend: { position: 'bottom' } },
  };
}
