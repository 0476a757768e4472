// Display width and wrapping by terminal columns: wide CJK and emoji take two
// columns, combining marks none, and a grapheme cluster is never split.

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\u200b-\u200f\ufe00-\ufe0f]$/u;
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

/** displayWidth returns the number of terminal columns `text` takes (no escape codes expected). */
export function displayWidth(text: string): number {
  let width = 0;
  let joinNext = false;
  let started = false;
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
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
    const codePoint = character.codePointAt(0)!;
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
  return points.length === 1 && points[0]!.codePointAt(0)! >= 0x1f1e6 && points[0]!.codePointAt(0)! <= 0x1f1ff;
}

const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;

/** wrapText returns `text` folded into lines of at most `width` columns, breaking at spaces and, for over-long words, between grapheme clusters. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of text.split(/[ \t\n]+/)) {
    if (word === '') continue;
    const wordWidth = displayWidth(word);
    if (lineWidth > 0 && lineWidth + 1 + wordWidth <= width) {
      line += ` ${word}`;
      lineWidth += 1 + wordWidth;
      continue;
    }
    if (lineWidth > 0) lines.push(line);
    line = '';
    lineWidth = 0;
    if (wordWidth <= width) {
      line = word;
      lineWidth = wordWidth;
      continue;
    }
    if (PRINTABLE_ASCII.test(word)) {
      // One column per character: cut by length (a 2 MB word would otherwise be 2 million clusters).
      for (let at = 0; at < word.length; at += width) {
        if (lineWidth > 0) lines.push(line);
        line = word.slice(at, at + width);
        lineWidth = line.length;
      }
      continue;
    }
    for (const cluster of clusters(word)) {
      const clusterWidth = displayWidth(cluster);
      if (lineWidth + clusterWidth > width && lineWidth > 0) {
        lines.push(line);
        line = '';
        lineWidth = 0;
      }
      line += cluster;
      lineWidth += clusterWidth;
    }
  }
  if (lineWidth > 0 || lines.length === 0) lines.push(line);
  return lines;
}
