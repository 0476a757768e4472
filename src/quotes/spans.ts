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

/** Every character that may be a single quotation mark (or an apostrophe). */
const SINGLE_MARKS = /['‘’]/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LOWERCASE = /\p{Ll}/u;

interface SingleMark {
  at: number;
  role: MarkRole;
  /** `players’ rights`: a mark after an s and before a lowercase word may be a plural possessive. */
  possessive: boolean;
}

// A single mark between two letters is an apostrophe ("don’t"); one that follows a space and
// precedes a word opens; one that follows a word and precedes a space or punctuation closes.
function singleRole(text: string, at: number): MarkRole | null {
  const mark = text[at];
  const before = text[at - 1];
  const after = text[at + 1];
  const letterBefore = before !== undefined && LETTER_OR_DIGIT.test(before);
  const letterAfter = after !== undefined && LETTER_OR_DIGIT.test(after);
  if (letterBefore && letterAfter) return null;
  const openSide = isSpace(before) || (before !== undefined && OPEN_SIDE.includes(before)) || before === '"';
  const closeSide = isSpace(after) || (after !== undefined && CLOSE_SIDE.includes(after)) || after === '"';
  if (mark === '‘') return openSide || !closeSide ? 'open' : 'either';
  if (openSide && !closeSide) return 'open';
  if (closeSide && !openSide) return 'close';
  return null;
}

/**
 * findSingleQuoteSpans returns the spans set in single marks (‘…’ or '…'), for articles whose body
 * uses single marks for speech. Apostrophes are told apart by the letters around them; a quote
 * left open is kept only when it opens its paragraph (the newspaper convention for a quote that runs
 * on); any other unclosed mark was an apostrophe ("the ’90s"). One pass over the marks.
 */
export function findSingleQuoteSpans(text: string, from = 0): QuoteSpan[] {
  const marks: SingleMark[] = [];
  let firstVisible = Math.max(0, from);
  while (firstVisible < text.length && isSpace(text[firstVisible])) firstVisible++;
  SINGLE_MARKS.lastIndex = Math.max(0, from);
  for (let match = SINGLE_MARKS.exec(text); match !== null; match = SINGLE_MARKS.exec(text)) {
    const role = singleRole(text, match.index);
    if (role === null) continue;
    const after = text.slice(match.index + 1, match.index + 3);
    const possessive =
      text[match.index - 1] === 's' && after.length === 2 && isSpace(after[0]) && LOWERCASE.test(after[1] ?? '');
    marks.push({ at: match.index, role, possessive });
  }
  const spans: QuoteSpan[] = [];
  const push = (open: number, end: number, close: number, closed: boolean) => {
    const [start, stop] = trimmedSpan(text, open + 1, end);
    if (stop > start) spans.push({ open, start, end: stop, close, closed });
  };
  let index = 0;
  while (index < marks.length) {
    const opener = marks[index];
    if (opener === undefined) break;
    if (opener.role === 'close') {
      index++;
      continue;
    }
    let closer = -1;
    let next = index + 1;
    for (; next < marks.length; next++) {
      const mark = marks[next];
      if (mark === undefined || mark.role === 'open') break;
      // "the players’ rights" inside a quote: a later closing mark before the next opener is the real one.
      const later = marks[next + 1];
      if (mark.possessive && later !== undefined && later.role !== 'open') continue;
      closer = next;
      break;
    }
    const close = closer >= 0 ? marks[closer] : undefined;
    if (close) {
      push(opener.at, close.at, close.at + 1, true);
      index = closer + 1;
    } else if (opener.at === firstVisible) {
      const end = marks[next]?.at ?? text.length;
      push(opener.at, end, end, false);
      index = next;
    } else {
      index = Math.max(next, index + 1);
    }
  }
  return spans;
}

/** QuoteMarks tells which marks an article's body uses for speech. */
export type QuoteMarks = 'double' | 'single';

/** Words a single-quoted span needs to read as a quoted sentence rather than a label ('forced'). */
const SPEECH_WORDS = 4;

function readsAsSpeech(words: string): boolean {
  return /^\p{Lu}/u.test(words) && words.split(/\s+/).length >= SPEECH_WORDS;
}

/**
 * quoteMarksOf returns the marks the body uses for speech: 'single' when more of its spans that read
 * as quoted sentences are set in single marks than in double marks (British house style: ‘We will
 * win,’ she said, with "double" marks only for a quote inside a quote), else 'double'. Where the
 * body uses double marks, or single marks only for a label ('forced'), single-quoted spans are not
 * quotations.
 */
export function quoteMarksOf(paragraphs: readonly string[], from = 0): QuoteMarks {
  let double = 0;
  let single = 0;
  for (const [index, text] of paragraphs.entries()) {
    const start = index === 0 ? from : 0;
    double += countSpeech(text, findQuoteSpans(text, start));
    single += countSpeech(text, findSingleQuoteSpans(text, start));
  }
  return single > double ? 'single' : 'double';
}

function countSpeech(text: string, spans: readonly QuoteSpan[]): number {
  let count = 0;
  for (const span of spans) if (readsAsSpeech(text.slice(span.start, span.end))) count++;
  return count;
}
