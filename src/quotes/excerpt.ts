// The quotes view's lines, decided once here so every renderer shows the same
// thing: a quote that reads as a sentence stands alone; a fragment ("lies") is
// shown in its sentence, cut at a clause boundary; the quotes of one sentence
// are one line with each fragment marked; and a sentence that opens with the
// speaker's name starts after it, since the line ends with that name anyway.
import type { Article, Quote, QuoteEntry, QuoteRun, SpeakerEntry } from '../types.js';
import { isReportingForm } from './verbs.js';

/** A quote shorter than this, or one that does not read as a sentence, is shown in its sentence. */
export const FRAGMENT_WORDS = 6;
/** Words of the sentence kept on each side of a fragment when the sentence is cut. */
export const EXCERPT_WORDS = 9;
/** A cut that would leave out only this many words or fewer keeps them: the subject is worth it. */
export const EXCERPT_SLACK = 4;
/** Words a clause needs to be worth keeping on its own after a cut. */
export const CLAUSE_WORDS = 3;

const ELLIPSIS = '…';
const MARK = /["“”„«»'‘’]/u;
const CLAUSE_BREAK = /[,;:—–]|\s-\s/gu;
const DANGLING = /[\s,;:—–-]+$/u;
const LEADING = /^[\s,;:—–-]+/u;

/** isFragment returns whether the quote needs words around it to read on its own ("lies"). */
export function isFragment(quote: Quote): boolean {
  const words = quote.text.split(/\s+/).filter(Boolean).length;
  return words < FRAGMENT_WORDS || !/^["'“‘(]?[\p{Lu}\d]/u.test(quote.text);
}

/**
 * quoteExcerpt returns one quote as a reader sees it: `“text”` for a full quote, or for a fragment
 * the words around it in its context, cut with "…", as [before, “text”, after].
 */
export function quoteExcerpt(quote: Quote): [string, string, string] {
  const quoted = `“${displayed(quote.text)}”`;
  if (!isFragment(quote)) return ['', quoted, ''];
  const at = quote.context.indexOf(quote.text);
  if (at < 0) return ['', quoted, ''];
  const open = markBefore(quote.context, at);
  const close = markAfter(quote.context, at + quote.text.length);
  const before = cutBefore(quote.context.slice(0, open), quote.speaker, quote.aliases ?? []);
  const after = cutAfter(quote.context.slice(close));
  return [before, `“${quote.text}”`, after];
}

/** One quote placed in its sentence: the offsets of its marks and words in the sentence text. */
interface Placed {
  index: number;
  quote: Quote;
  open: number;
  close: number;
  start: number;
  end: number;
}

/**
 * quoteEntries returns the lines of the quotes view: one per quote, except that the quotes of one
 * sentence with one speaker (a split quote, or several fragments) share a line.
 */
export function quoteEntries(article: Article, quotes: readonly Quote[]): QuoteEntry[] {
  const entries: QuoteEntry[] = [];
  let group: Placed[] = [];
  const flush = () => {
    if (group.length > 0) entries.push(groupEntry(article, group));
    group = [];
  };
  quotes.forEach((quote, index) => {
    const placed = place(article, quote, index);
    const last = group.at(-1);
    if (!placed || !last || !sameLine(last.quote, quote)) flush();
    if (!placed) entries.push(singleEntry(quote, index));
    else group.push(placed);
  });
  flush();
  return entries;
}

/** speakerCast returns the story's cast: each speaker once, in order of first quote, with every form used. */
export function speakerCast(quotes: readonly Quote[], roles: ReadonlyMap<string, string>): SpeakerEntry[] {
  const byName = new Map<string, SpeakerEntry>();
  for (const quote of quotes) {
    if (quote.speaker === null) continue;
    let entry = byName.get(quote.speaker);
    if (!entry) {
      entry = { name: quote.speaker, aliases: [], role: roles.get(quote.speaker) ?? null, quotes: 0 };
      byName.set(quote.speaker, entry);
    }
    entry.quotes += 1;
    for (const alias of quote.aliases ?? []) if (!entry.aliases.includes(alias)) entry.aliases.push(alias);
  }
  return [...byName.values()];
}

// Quotes share a line when they sit in one sentence and one speaker said them (a label or title
// in the same sentence, which has no speaker, joins its neighbour's line).
function sameLine(first: Quote, second: Quote): boolean {
  if (first.paragraph !== second.paragraph || first.sentence !== second.sentence) return false;
  return first.speaker === second.speaker || first.speaker === null || second.speaker === null;
}

// The quote's marks in its sentence; null when the quote runs past its sentence (it is then shown whole).
function place(article: Article, quote: Quote, index: number): Placed | null {
  const sentence = article.sentences[quote.sentence];
  if (!sentence || quote.continues) return null;
  const start = quote.start - sentence.start;
  const end = quote.end - sentence.start;
  if (start < 0 || end > sentence.text.length) return null;
  return {
    index,
    quote,
    open: markBefore(sentence.text, start),
    close: markAfter(sentence.text, end),
    start,
    end,
  };
}

function singleEntry(quote: Quote, index: number): QuoteEntry {
  return { runs: [{ text: displayed(quote.text), quoted: true }], speaker: quote.speaker, quotes: [index] };
}

function groupEntry(article: Article, group: Placed[]): QuoteEntry {
  const first = group[0];
  const last = group.at(-1);
  if (!first || !last) throw new RangeError('an empty group of quotes');
  const speaker = group.find((placed) => placed.quote.speaker !== null)?.quote ?? first.quote;
  const indexes = group.map((placed) => placed.index);
  if (group.length === 1 && !isFragment(first.quote)) return singleEntry(first.quote, first.index);
  const text = article.sentences[first.quote.sentence]?.text ?? '';
  const runs: QuoteRun[] = [];
  const inSentence = group.some((placed) => isFragment(placed.quote));
  if (inSentence)
    runs.push({ text: cutBefore(text.slice(0, first.open), speaker.speaker, speaker.aliases ?? []), quoted: false });
  group.forEach((placed, at) => {
    const next = group[at + 1];
    const words = text.slice(placed.start, placed.end);
    runs.push({ text: next || inSentence ? words : displayed(words), quoted: true });
    if (next) runs.push({ text: text.slice(placed.close, next.open), quoted: false });
  });
  if (inSentence) {
    const rest = text.slice(last.close);
    const after = withoutAttribution(rest, speaker.speaker, speaker.aliases ?? []);
    // With the attribution gone, the comma that led into it would dangle.
    if (after !== rest && runs.at(-1)?.quoted) {
      const end = runs.at(-1);
      if (end) end.text = displayed(end.text);
    }
    runs.push({ text: cutAfter(after), quoted: false });
  }
  return { runs: runs.filter((run) => run.text !== ''), speaker: speaker.speaker, quotes: indexes };
}

// A quote shown alone ends without the comma that tied it to "he said": no dangling comma before the dash.
function displayed(text: string): string {
  return text.replace(/[\s,;:—–-]+$/u, '');
}

function markBefore(text: string, start: number): number {
  let at = start;
  while (at > 0 && /\s/.test(text[at - 1] ?? '')) at--;
  return at > 0 && MARK.test(text[at - 1] ?? '') ? at - 1 : start;
}

function markAfter(text: string, end: number): number {
  let at = end;
  while (at < text.length && /\s/.test(text[at] ?? '')) at++;
  return at < text.length && MARK.test(text[at] ?? '') ? at + 1 : end;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

// The words before the first quote: from after the speaker's name when the sentence names them
// as the subject of its reporting verb, else the last clause, else the last EXCERPT_WORDS words.
// What is left of a bare attribution ("said:") goes: the line ends with the speaker.
function cutBefore(text: string, speaker: string | null, aliases: readonly string[]): string {
  const gap = /\s$/.test(text) ? ' ' : '';
  let words = text.trimEnd();
  let cut = false;
  const named = speakerIn(words, speaker, aliases);
  if (
    named &&
    (named.start === 0 || hasCue(words.slice(named.end)) || wordCount(words.slice(0, named.start)) <= CLAUSE_WORDS)
  ) {
    words = words
      .slice(named.end)
      .replace(LEADING, '')
      .replace(/^\p{Ll}+,\s*/u, '');
    cut = true;
    if (isBareAttribution(words)) return '';
  }
  if (wordCount(words) > EXCERPT_WORDS + EXCERPT_SLACK) {
    let clause = -1;
    for (const match of words.matchAll(CLAUSE_BREAK)) {
      const rest = wordCount(words.slice(match.index + match[0].length));
      if (rest >= CLAUSE_WORDS && rest <= EXCERPT_WORDS + EXCERPT_SLACK) {
        clause = match.index + match[0].length;
        break;
      }
    }
    words = clause >= 0 ? words.slice(clause).trimStart() : words.split(/\s+/).slice(-EXCERPT_WORDS).join(' ');
    cut = true;
  }
  if (words === '') return '';
  return `${cut ? ELLIPSIS : ''}${words}${gap}`;
}

/** Words an attribution clause may hold and still be dropped whole ("the theatre's director, Claire Dubois, said"). */
const ATTRIBUTION_WORDS = 8;

// ", the theatre's founder, said:", "she said,": only who spoke and the verb, nothing the reader needs.
function isBareAttribution(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  const last = (words.at(-1) ?? '').toLowerCase().replace(/[^\p{L}]/gu, '');
  return words.length <= ATTRIBUTION_WORDS && isReportingForm(last) && /[:,]?$/.test(text);
}

function hasCue(text: string): boolean {
  return text.split(/\s+/).some((word) => isReportingForm(word.toLowerCase().replace(/[^\p{L}]/gu, '')));
}

// Where the speaker's name (or a form of it) stands in the text, whole words only: the last place it ends.
function speakerIn(
  text: string,
  speaker: string | null,
  aliases: readonly string[],
): { start: number; end: number } | null {
  if (!speaker) return null;
  let found: { start: number; end: number } | null = null;
  for (const form of [speaker, ...aliases]) {
    if (wordCount(form) === 0 || /^(?:the|a|an)$/i.test(form)) continue;
    const at = text.indexOf(form);
    if (at < 0) continue;
    const before = text[at - 1];
    const after = text[at + form.length];
    if ((before !== undefined && /[\p{L}\p{N}]/u.test(before)) || (after !== undefined && /[\p{L}\p{N}]/u.test(after)))
      continue;
    if (!found || at + form.length > found.end) found = { start: at, end: at + form.length };
  }
  return found;
}

// `“The ovens never cool,” said baker Sam Lee.`, `“We listened,” she said.`: the line ends with the
// speaker, so an attribution right after the quote goes; a longer sentence keeps what follows it.
function withoutAttribution(text: string, speaker: string | null, aliases: readonly string[]): string {
  const words = text.trim();
  const named = speakerIn(words, speaker, aliases) !== null;
  if (wordCount(words) <= ATTRIBUTION_WORDS && hasCue(words) && (named || opensWithCue(words))) return '';
  const clause = words.search(/[,;:—–]\s/u);
  const first = clause < 0 ? words : words.slice(0, clause);
  if (!opensWithCue(first) && !(named && speakerIn(first, speaker, aliases))) return text;
  if (clause < 0) return '';
  const more = words.slice(clause + 1).trim();
  return wordCount(more) <= 2 ? '' : ` ${ELLIPSIS}${more}`;
}

// "said Ms Hale", "she said", "Hale told reporters": a clause that opens as an attribution does.
function opensWithCue(text: string): boolean {
  const [first = '', second = ''] = text
    .replace(LEADING, '')
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}]/gu, ''));
  if (isReportingForm(first.toLowerCase())) return true;
  return isReportingForm(second.toLowerCase()) && /^(?:he|she|they|we|I|it|\p{Lu}\p{L}*)$/u.test(first);
}

// The words after the last quote: to the end of the sentence when short, else to the first clause
// boundary, else EXCERPT_WORDS words; never ending on a comma.
function cutAfter(text: string): string {
  const gap = /^\s/.test(text) ? ' ' : '';
  let words = text.trim();
  if (wordCount(words) > EXCERPT_WORDS + EXCERPT_SLACK) {
    let clause = -1;
    for (const match of words.matchAll(CLAUSE_BREAK)) {
      const kept = wordCount(words.slice(0, match.index));
      if (kept > EXCERPT_WORDS + EXCERPT_SLACK) break;
      if (kept >= CLAUSE_WORDS) {
        clause = match.index;
        break;
      }
    }
    const kept = clause >= 0 ? words.slice(0, clause) : words.split(/\s+/).slice(0, EXCERPT_WORDS).join(' ');
    words = `${kept.replace(DANGLING, '')}${ELLIPSIS}`;
  } else {
    words = words.replace(/[,;:—–-]$/u, '');
  }
  if (words === '') return '';
  return /^[,.;:!?)]/.test(words) ? words : `${gap}${words}`;
}
