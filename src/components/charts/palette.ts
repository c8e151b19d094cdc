// Colours of the option sets, in listed order, shared by every benchmark chart so a set keeps its colour.
const COLOURS = ['#1f6feb', '#cf222e', '#1a7f37', '#8250df', '#9a6700', '#0a7ea4', '#bf3989', '#57606a'];

/** The colour of the i-th option set. */
export const colourOf = (i: number): string => COLOURS[i % COLOURS.length];

/** The colour with an alpha channel (hex #rrggbbaa), for fills. */
export const translucent = (colour: string, alpha: number): string =>
  colour +
  Math.round(Math.min(1, Math.max(0, alpha)) * 255)
    .toString(16)
    .padStart(2, '0');

// Undetermined bars (the one rule could not decide) are hatched: light diagonal stripes on white, so they read
// as "no verdict", not as a lighter shade of noise. Without a 2D context (never in a browser) a light fill.
/** A hatched fill in `colour` (a canvas pattern), for bars whose difference is undetermined. */
export function hatch(colour: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const g = tile.getContext('2d');
  if (!g) return '#d0d7de';
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, 8, 8);
  g.strokeStyle = colour;
  g.lineWidth = 1.5;
  g.beginPath();
  g.moveTo(-2, 2);
  g.lineTo(2, -2);
  g.moveTo(0, 8);
  g.lineTo(8, 0);
  g.moveTo(6, 10);
  g.lineTo(10, 6);
  g.stroke();
  return g.createPattern(tile, 'repeat') ?? '#d0d7de';
}
