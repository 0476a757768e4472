import { MONTH_ABBREVIATIONS } from './calendar.js';

// A small sentence splitter tuned for news text. Intl.Segmenter would do, but
// its first use costs ~15 ms of ICU start-up and it slows down super-linearly
// on long strings in Node 20; this scanner is one linear pass.

/** A sentence as UTF-16 offsets into the text it was split from. */
export interface SentenceSpan {
  start: number;
  end: number;
}

// Titles before a name: a period after these never ends a sentence.
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'mx',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'mt',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'cmdr',
  'adm',
  'sgt',
  'cpl',
  'pte',
  'rep',
  'reps',
  'sen',
  'gov',
  'pres',
  'rev',
  'revd',
  'hon',
  'fr',
  'supt',
  'insp',
  'det',
  'messrs',
  'mme',
  'mlle',
  'vs',
  'v',
  'cf',
  'ca',
  'approx',
  'fig',
  'figs',
  'vol',
  'ed',
  'eds',
  'ft',
  'esp',
  'dept',
  'univ',
  'assn',
  'bros',
  'ave',
  'blvd',
  'rd',
]);

// Abbreviations that also end sentences: they end one only when a capital follows.
const WEAK = new Set(['inc', 'ltd', 'co', 'corp', 'plc', 'llc', 'etc', 'al', 'jnr', 'snr']);

// Months, days and number words: abbreviations only before a number ("Jan. 5", "No. 10").
const BEFORE_NUMBER = new Set<string>([
  ...MONTH_ABBREVIATIONS,
  'no',
  'nos',
  'nr',
  'pp',
  'p',
  'art',
  'sec',
  'ch',
  'para',
  'op',
  'tel',
]);

// Words that open a new sentence after a dotted abbreviation ("in the U.S. The president").
const OPENERS = new Set([
  'a',
  'an',
  'the',
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'you',
  'this',
  'that',
  'these',
  'those',
  'but',
  'and',
  'or',
  'so',
  'yet',
  'in',
  'on',
  'at',
  'for',
  'if',
  'when',
  'while',
  'after',
  'before',
  'there',
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'some',
  'many',
  'most',
  'as',
  'however',
  'meanwhile',
  'still',
  'now',
  'then',
  'last',
  'earlier',
  'later',
  'one',
  'no',
  'both',
]);

// A run of terminal punctuation and closing quotes, taken whole (the lookahead-and-
// backreference pairs act as atomic groups) and only from the start of the run: a
// backtracking `[.!?]+` made a line of 100 000 dots take minutes.
const CANDIDATE = /(?<![.!?\u2026])(?=([.!?\u2026]+))\1(?=(["'\u201d\u2019\u00bb)\]]*))\2(?=\s|$)/g;
const LOWER_START = /^\p{Ll}/u;
const UPPER_START = /^[\p{Lu}\p{Lt}]/u;

/**
 * splitSentences returns the sentences of one paragraph as offsets, in order,
 * trimmed and never empty. `from` skips a prefix (a dateline); `breaks` are
 * offsets of joined line breaks, which end a sentence when the line ended in
 * terminal punctuation (one-sentence-per-line text).
 */
export function splitSentences(text: string, from = 0, breaks: readonly number[] = []): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = from;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  const breakSet = new Set(breaks);
  CANDIDATE.lastIndex = from;
  for (let match = CANDIDATE.exec(text); match; match = CANDIDATE.exec(text)) {
    const end = match.index + match[0].length;
    if (end >= text.length) break;
    let next = end;
    while (next < text.length && isSpace(text.charCodeAt(next))) next++;
    if (next >= text.length) break;
    const hardBreak = hasBreak(breakSet, end, next);
    if (
      hardBreak ? endsWithAbbreviation(text, match.index, match[0]) : !isBoundary(text, match.index, match[0], next)
    ) {
      continue;
    }
    push(end);
    start = next;
  }
  push(text.length);
  return spans;
}

function hasBreak(breaks: Set<number>, from: number, to: number): boolean {
  if (breaks.size === 0) return false;
  for (let offset = from; offset < to; offset++) if (breaks.has(offset)) return true;
  return false;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 160 || code === 0x2009 || code === 0x202f;
}

// The word that ends just before the terminal punctuation, leading quotes and brackets removed.
function wordBefore(text: string, at: number): string {
  let begin = at;
  while (begin > 0 && !isSpace(text.charCodeAt(begin - 1))) begin--;
  return text.slice(begin, at).replace(/^["'\u201c\u2018([]+/, '');
}

function endsWithAbbreviation(text: string, at: number, punctuation: string): boolean {
  if (punctuation !== '.') return false;
  const word = wordBefore(text, at).toLowerCase();
  return TITLES.has(word) || /^\p{L}$/u.test(word);
}

function isBoundary(text: string, at: number, punctuation: string, next: number): boolean {
  const following = text.slice(next, next + 40);
  if (LOWER_START.test(following)) return false;
  // Only a bare period can belong to an abbreviation; "?", "!" and closing quotes end sentences.
  if (punctuation !== '.') return true;
  const word = wordBefore(text, at);
  const lower = word.toLowerCase();
  const digitNext = /^\d/.test(following);
  if (TITLES.has(lower)) return false;
  if (BEFORE_NUMBER.has(lower) && digitNext) return false;
  if (WEAK.has(lower)) return UPPER_START.test(following) && startsWithOpener(following);
  // A single capital is an initial ("J. K. Rowling"), as is a run of them ("U.S.", "e.g.").
  if (/^\p{Lu}$/u.test(word)) return false;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) {
    if (lower === 'e.g' || lower === 'i.e') return false;
    return startsWithOpener(following);
  }
  return true;
}

function startsWithOpener(text: string): boolean {
  const word = /^["\u201c'\u2018]?([\p{L}]+)/u.exec(text)?.[1];
  return word !== undefined && OPENERS.has(word.toLowerCase());
}
