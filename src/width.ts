// Display width and wrapping by terminal columns: wide CJK and emoji take two
// columns, combining marks none, and a grapheme cluster is never split.

// Alternatives, not one class: a class holding combining marks reads to linters as a character plus its mark.
const ZERO_WIDTH = /^(?:\p{Mn}|\p{Me}|\p{Cf}|[\u200b-\u200f]|[\ufe00-\ufe0f])$/u;
const EMOJI = /^\p{Extended_Pictographic}$/u;

/** codePointWidth returns the columns one code point takes: 0, 1 or 2. */
export function codePointWidth(codePoint: number): number {
  if (codePoint < 0x300) return codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0) ? 0 : 1;
  const character = String.fromCodePoint(codePoint);
  if (ZERO_WIDTH.test(character)) return 0;
  if (isWide(codePoint) || (codePoint >= 0x1f000 && EMOJI.test(character))) return 2;
  return 1;
}

function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0x303e) ||
    (codePoint >= 0x3041 && codePoint <= 0x33ff) ||
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0xa000 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1f64f) ||
    (codePoint >= 0x1f900 && codePoint <= 0x1f9ff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}

const PRINTABLE_ASCII_TEXT = /^[\x20-\x7e]*$/;

/** displayWidth returns the number of terminal columns `text` takes (no escape codes expected). */
export function displayWidth(text: string): number {
  // ASCII fast path: one column a character, no code point iteration.
  if (PRINTABLE_ASCII_TEXT.test(text)) return text.length;
  let width = 0;
  let joinNext = false;
  let started = false;
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    // A skin tone, or anything after a zero-width joiner, is drawn inside the emoji before it, as clusters() groups them.
    const attaches = started && (joinNext || (codePoint >= 0x1f3fb && codePoint <= 0x1f3ff));
    if (!attaches) width += codePointWidth(codePoint);
    joinNext = codePoint === 0x200d;
    started = true;
  }
  return width;
}

// Grapheme clusters, approximated without Intl.Segmenter (whose first use costs ~15 ms):
// a base code point with its combining marks, variation selectors, skin tones and ZWJ joins.
function clusters(word: string): string[] {
  const result: string[] = [];
  let joinNext = false;
  for (const character of word) {
    const codePoint = character.codePointAt(0) ?? 0;
    // Below U+0300 only the soft hyphen (Cf) attaches: skip the regular expression for plain text.
    const attaches =
      joinNext ||
      ((codePoint >= 0x300 || codePoint === 0xad) && ZERO_WIDTH.test(character)) ||
      (codePoint >= 0x1f3fb && codePoint <= 0x1f3ff) ||
      (codePoint >= 0x1f1e6 && codePoint <= 0x1f1ff && isOpenFlag(result.at(-1)));
    if (attaches && result.length > 0) result[result.length - 1] += character;
    else result.push(character);
    joinNext = codePoint === 0x200d;
  }
  return result;
}

function isOpenFlag(cluster: string | undefined): boolean {
  if (!cluster) return false;
  const points = [...cluster];
  const codePoint = points.length === 1 ? (points[0]?.codePointAt(0) ?? 0) : 0;
  return codePoint >= 0x1f1e6 && codePoint <= 0x1f1ff;
}

const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;

/** A line of wrapped text as UTF-16 offsets into it: `text.slice(start, end)`. */
export interface LineRange {
  start: number;
  end: number;
}

function isBreakingSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10;
}

/**
 * wrapRanges returns where `text` breaks into lines of at most `width`
 * columns: at spaces (the spaces between two lines belong to neither), and
 * inside a word only when the word alone is wider than a line. A line never
 * ends where the next word would still fit; spaces inside a line count one column each.
 */
export function wrapRanges(text: string, width: number): LineRange[] {
  const lines: LineRange[] = [];
  let line: LineRange | null = null;
  let lineWidth = 0;
  let at = 0;
  while (at < text.length) {
    const gapStart = at;
    while (at < text.length && isBreakingSpace(text.charCodeAt(at))) at++;
    if (at >= text.length) break;
    const wordStart = at;
    // ASCII fast path: a word of printable ASCII is as wide as it is long, with no slice or regex.
    let ascii = true;
    for (; at < text.length; at++) {
      const code = text.charCodeAt(at);
      if (isBreakingSpace(code)) break;
      if (code < 0x20 || code > 0x7e) ascii = false;
    }
    const wordWidth = ascii ? at - wordStart : displayWidth(text.slice(wordStart, at));
    const gap = wordStart - gapStart;
    if (line && lineWidth + gap + wordWidth <= width) {
      line.end = at;
      lineWidth += gap + wordWidth;
      continue;
    }
    if (line) lines.push(line);
    if (wordWidth <= width) {
      line = { start: wordStart, end: at };
      lineWidth = wordWidth;
      continue;
    }
    // Wider than a line: cut between clusters (by length for ASCII: a 2 MB word would be 2 million clusters).
    const word = text.slice(wordStart, at);
    const pieces = PRINTABLE_ASCII.test(word) ? asciiPieces(word, width) : clusterPieces(word, width);
    let start = wordStart;
    for (const piece of pieces.slice(0, -1)) {
      lines.push({ start, end: start + piece.length });
      start += piece.length;
    }
    line = { start, end: at };
    lineWidth = displayWidth(text.slice(start, at));
  }
  lines.push(line ?? { start: 0, end: 0 });
  return lines;
}

function asciiPieces(word: string, width: number): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < word.length; at += width) pieces.push(word.slice(at, at + width));
  return pieces;
}

function clusterPieces(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let pieceWidth = 0;
  for (const cluster of clusters(word)) {
    const clusterWidth = displayWidth(cluster);
    if (pieceWidth + clusterWidth > width && pieceWidth > 0) {
      pieces.push(piece);
      piece = '';
      pieceWidth = 0;
    }
    piece += cluster;
    pieceWidth += clusterWidth;
  }
  pieces.push(piece);
  return pieces;
}

/** wrapText returns `text` folded into lines of at most `width` columns, its runs of whitespace made single spaces (see wrapRanges). */
export function wrapText(text: string, width: number): string[] {
  const single = text
    .split(/[ \t\n]+/)
    .filter(Boolean)
    .join(' ');
  return wrapRanges(single, width).map((range) => single.slice(range.start, range.end));
}
