// Finding the quoted spans of a paragraph: which marks open, which close, and
// where an unbalanced quotation stops. One linear pass, from mark to mark.

/** One pair of double quotation marks (or an opening mark left unclosed) in a paragraph. */
export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offsets of the quoted words, whitespace next to the marks trimmed. */
  start: number;
  end: number;
  /** Offset just past the closing mark, or `end` when no mark closed the quote. */
  close: number;
  closed: boolean;
}

// Characters a straight mark may follow when it opens, or precede when it closes.
import { nth } from './nth.js';

const OPEN_SIDE = '([{—–-/:';
const CLOSE_SIDE = ".,;:!?)]}—–-…'’";

type MarkRole = 'open' | 'close' | 'either';

const OPENERS = new Set(['“', '„', '«']);
const CLOSERS = new Set(['”', '»']);
/** Every character that may be a double quotation mark. */
const MARKS = /["“„«”»]/g;

function isSpace(character: string | undefined): boolean {
  if (character === undefined) return true;
  const code = character.charCodeAt(0);
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 160 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x3000
  );
}

// A straight mark opens after a space or bracket and before a word; it closes
// after a word and before a space or punctuation. Anything else is decided by
// whether a quote is open.
function roleOf(text: string, at: number): MarkRole | null {
  const mark = nth(text, at);
  const before = text[at - 1];
  const after = text[at + 1];
  if (OPENERS.has(mark)) return 'open';
  if (CLOSERS.has(mark)) {
    // A ” used as an opening mark ("word ”Quote") is a typing slip worth forgiving.
    return isSpace(before) && !isSpace(after) ? 'either' : 'close';
  }
  if (mark !== '"') return null;
  const openSide = isSpace(before) || (before !== undefined && OPEN_SIDE.includes(before));
  const closeSide = isSpace(after) || (after !== undefined && CLOSE_SIDE.includes(after));
  if (openSide && !closeSide) return 'open';
  if (closeSide && !openSide) return 'close';
  return 'either';
}

function trimmedSpan(text: string, from: number, to: number): [number, number] {
  let start = from;
  let end = to;
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return [start, end];
}

/**
 * findQuoteSpans returns the quoted spans of one paragraph in order. A mark
 * that looks like an opening mark while a quote is open ends the open quote
 * where the new one begins (an unclosed line followed by a reopened one); a
 * quote still open at the paragraph end ends there; a closing mark with no
 * quote open (`he said."`) is ignored. Empty quotes are dropped.
 */
export function findQuoteSpans(text: string, from = 0): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  const finish = (end: number, close: number, closed: boolean) => {
    const [start, stop] = trimmedSpan(text, open + 1, end);
    if (stop > start) spans.push({ open, start, end: stop, close, closed });
    open = -1;
  };
  // Jump from mark to mark: the regex engine skips the text between them far faster than a loop.
  MARKS.lastIndex = Math.max(0, from);
  for (let match = MARKS.exec(text); match !== null; match = MARKS.exec(text)) {
    const at = match.index;
    const role = roleOf(text, at);
    if (role === null) continue;
    if (open < 0) {
      if (role !== 'close') open = at;
    } else if (role === 'open') {
      finish(at, at, false);
      open = at;
    } else {
      finish(at, at + 1, true);
    }
  }
  if (open >= 0) finish(text.length, text.length, false);
  return spans;
}
