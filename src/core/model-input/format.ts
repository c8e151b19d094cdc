// Which of HiGHS's two text formats a file is, and whether there is a model in it at all
// (HiGHS's LP reader takes random text for an empty model).

import { stripGzSuffix } from './bytes';

/** The two text formats HiGHS reads; chooses the parser. */
export type ModelFormat = 'lp' | 'mps';

const MPS_SNIFF_RE = /^(?:name|rows)(?:[ \t\r]|$)/im;

/** Picks HiGHS's parser for a file: by extension (.lp / .mps, also under .gz, any case), else MPS if a line starts with NAME or ROWS, else LP. */
export function detectFormat(name: string, text: string): ModelFormat {
  const base = stripGzSuffix(name).toLowerCase();
  if (base.endsWith('.lp')) return 'lp';
  if (base.endsWith('.mps')) return 'mps';
  return MPS_SNIFF_RE.test(text) ? 'mps' : 'lp';
}

// A section keyword as the first word of a line, followed by a blank, a comment or the line end.
const LP_SECTION_RE =
  /^[ \t]*(?:minimi[sz]e|minimum|min|maximi[sz]e|maximum|max|subject[ \t]+to|such[ \t]+that|st|s\.t\.|bounds?|generals?|gen|integers?|binary|binaries|bin|semi-continuous|semis?|sos|end)(?=[ \t\r\\]|$)/im;
const MPS_ROWS_RE = /^[ \t]*rows[ \t\r]*$/im;

/** Heuristic "is this an LP/MPS model?": HiGHS's LP reader accepts random text as an empty model, so the caller rejects text without a section keyword. */
export function looksLikeModel(text: string, format: ModelFormat): boolean {
  return (format === 'lp' ? LP_SECTION_RE : MPS_ROWS_RE).test(text);
}

/** True if every line is blank or a comment (LP "\", MPS "*"), so an empty file gets its own message. */
export function isBlankModel(text: string, format: ModelFormat): boolean {
  const comment = format === 'lp' ? '\\' : '*';
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    if (line !== '' && !line.startsWith(comment)) return false;
    start = end + 1;
  }
  return true;
}
