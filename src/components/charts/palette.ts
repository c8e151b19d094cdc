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
