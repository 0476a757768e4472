// Attribution: the sentence-by-sentence walk that gives each quote its speaker.
// Spans come from spans.ts, tokens from tokens.ts; each quote is tried against the
// strategies (strategies.ts) and, failing those, takes the current speaker the
// discourse (discourse.ts) keeps. Every look-around is bounded, so the work stays linear.

import type { Article, Block, Quote } from '../types.js';
import { isCue } from './chunker.js';
import { Attributor, type Speaker } from './discourse.js';
import { nth } from './nth.js';
import { findQuoteSpans, findSingleQuoteSpans, quoteMarksOf } from './spans.js';
import { explicitAttribution, labelKind, nextOpensSoon, verbLikeQuote } from './strategies.js';
import { type Draft, type Token, tokenize } from './tokens.js';
import { reportsSpeech } from './verbs.js';
import { CARRY_SENTENCES, MAIN_CLAUSE_WINDOW, QUOTE_WINDOW, SPLIT_QUOTE_WINDOW } from './windows.js';

/** The article's quotes and, for each speaker who has one, the role the article gives them. */
export interface QuoteReading {
  quotes: Quote[];
  /** Speaker name → role as written ("Russia's foreign minister"). */
  roles: Map<string, string>;
}

/** extractQuotes returns every quoted span of the article, in article order, with its speaker. */
export function extractQuotes(article: Article): Quote[] {
  return readQuotes(article).quotes;
}

/** readQuotes returns the article's quotes with their speakers, and the speakers' roles. */
export function readQuotes(article: Article): QuoteReading {
  const roles = new Map<string, string>();
  const marks = quoteMarksOf(article.paragraphs, article.datelineLength);
  const { tokens, drafts } = tokenize(article, marks === 'single' ? findSingleQuoteSpans : findQuoteSpans);
  if (drafts.length === 0) return { quotes: creditBlockQuotes(article, [], roles), roles };
  markContinuations(article, drafts);
  attribute(tokens, drafts, roles);
  shareContinuationSpeakers(drafts);
  clipSplitQuotes(article, tokens, drafts);
  return {
    quotes: creditBlockQuotes(
      article,
      drafts.map((draft) => draft.quote),
      roles,
    ),
    roles,
  };
}

/**
 * creditBlockQuotes gives each block quote that names its source (a page's <footer> or <cite>, a
 * Markdown `> — Name` line) to that source: quotation marks inside it take the source as speaker,
 * and a block quote with no marks is itself one quote. The source's name is what comes before a
 * comma or a bracket ("Arne Vik, chairman of the association" → "Arne Vik", role "chairman of the
 * association"; "Harbour Authority (@harbour)" → "Harbour Authority"). Quotes stay in article order.
 */
export function creditBlockQuotes(article: Article, quotes: Quote[], roles: Map<string, string>): Quote[] {
  const blocks = article.blocks;
  if (!blocks?.some((block) => block.kind === 'quote' && block.attribution)) return quotes;
  const credited: Quote[] = [];
  let next = 0;
  for (let paragraph = 0; paragraph < article.paragraphs.length; paragraph++) {
    const inParagraph: Quote[] = [];
    for (; next < quotes.length && nth(quotes, next).paragraph === paragraph; next++)
      inParagraph.push(nth(quotes, next));
    const source = blockQuoteSource(blocks[paragraph]);
    if (source) {
      if (source.role) roles.set(source.name, source.role);
      for (const quote of inParagraph) {
        quote.speaker = source.name;
        delete quote.aliases;
      }
      if (inParagraph.length === 0) inParagraph.push(wholeBlockQuote(article, paragraph, source.name));
    }
    for (const quote of inParagraph) credited.push(quote);
  }
  return credited;
}

// Where a block quote's credit line ends its name: a comma, a bracket or a dash.
const SOURCE_NAME_END = /\s*(?:[,([]|\s[—–-]\s)/;

function blockQuoteSource(block: Block | undefined): { name: string; role: string | null } | null {
  if (block?.kind !== 'quote' || !block.attribution) return null;
  const credit = block.attribution.replace(/^[\s—–-]+/, '').trim();
  const end = SOURCE_NAME_END.exec(credit);
  const name = (end ? credit.slice(0, end.index) : credit).trim();
  if (name === '') return null;
  const rest =
    end && credit[end.index + end[0].length - 1] === ',' ? credit.slice(end.index + end[0].length).trim() : '';
  return { name, role: rest || null };
}

function wholeBlockQuote(article: Article, paragraph: number, speaker: string): Quote {
  const text = nth(article.paragraphs, paragraph).trim();
  const start = nth(article.paragraphs, paragraph).indexOf(text);
  const first = article.sentences.find((sentence) => sentence.paragraph === paragraph);
  return {
    text,
    speaker,
    context: text,
    kind: 'speech',
    cue: null,
    sentence: first?.index ?? 0,
    paragraph,
    start,
    end: start + text.length,
  };
}

// `“We will keep measuring,” she said, “for as long as it lasts.”` is one sentence
// holding two quotes split by their attribution. Each part's context stops at the
// other part's marks, so a view that shows a short quote in its sentence does not
// print the other part a second time.
function clipSplitQuotes(article: Article, tokens: Token[], drafts: Draft[]) {
  for (let index = 0; index + 1 < drafts.length; index++) {
    const first = nth(drafts, index);
    const second = nth(drafts, index + 1);
    if (
      first.paragraph !== second.paragraph ||
      first.sentence !== second.sentence ||
      second.token - first.token > SPLIT_QUOTE_WINDOW
    )
      continue;
    let split = false;
    for (let at = first.token + 1; at < second.token; at++) {
      if (/^[.!?;]$/.test(nth(tokens, at).text)) {
        split = false;
        break;
      }
      if (isCue(tokens, at)) split = true;
    }
    if (!split) continue;
    const paragraph = nth(article.paragraphs, first.paragraph);
    // Never into the quotes themselves: an unclosed first part ends where the second opens.
    let end = second.span.open;
    while (end > Math.max(first.span.close, first.span.end) && SPLIT_PUNCTUATION.test(nth(paragraph, end - 1))) end--;
    first.quote.context = paragraph.slice(first.contextStart, end);
    let start = first.span.close;
    while (start < second.span.open && SPLIT_PUNCTUATION.test(nth(paragraph, start))) start++;
    second.quote.context = paragraph.slice(start, second.contextStart + second.quote.context.length);
    second.contextStart = start;
  }
}

const SPLIT_PUNCTUATION = /[\s,;:—–-]/u;

// Newspaper convention: a quote that runs over paragraphs leaves each paragraph
// open and reopens the next one. One-sentence-per-line text does the same per line.
function markContinuations(article: Article, drafts: Draft[]) {
  for (let index = 0; index + 1 < drafts.length; index++) {
    const draft = nth(drafts, index);
    const next = nth(drafts, index + 1);
    if (draft.span.closed || !next.opensSentence) continue;
    const atParagraphEnd =
      draft.span.close === nth(article.paragraphs, draft.paragraph).length && next.paragraph === draft.paragraph + 1;
    const reopened = next.paragraph === draft.paragraph && draft.span.close === next.span.open;
    if (atParagraphEnd || reopened) draft.quote.continues = true;
  }
}

// One quote over several paragraphs has one speaker: the one its attributed part names.
function shareContinuationSpeakers(drafts: Draft[]) {
  let first = 0;
  while (first < drafts.length) {
    let last = first;
    while (nth(drafts, last).quote.continues && last + 1 < drafts.length) last++;
    const chain = drafts.slice(first, last + 1);
    const named = chain.find((draft) => draft.quote.cue !== null && draft.quote.speaker !== null && !draft.fragment);
    if (named && chain.length > 1) {
      for (const draft of chain) {
        if (draft.quote.cue !== null || draft.quote.kind !== 'speech') continue;
        draft.quote.speaker = named.quote.speaker;
        if (named.quote.aliases) draft.quote.aliases = named.quote.aliases;
      }
    }
    first = last + 1;
  }
}

function attribute(tokens: Token[], drafts: Draft[], roles: Map<string, string>) {
  const attributor = new Attributor(tokens);
  // Quotes with no attribution of their own, waiting for one named after them.
  let pending: { draft: Draft; fallback: Speaker | null }[] = [];
  let quoteIndex = 0;
  let sentenceStart = 0;

  const assign = (draft: Draft, speaker: Speaker | null) => {
    draft.quote.speaker = speaker?.name ?? null;
    const role = speaker?.person?.role;
    if (speaker && role && !roles.has(speaker.name)) roles.set(speaker.name, role);
    if (speaker) draft.quote.aliases = [...new Set(speaker.aliases.filter((alias) => alias && alias !== speaker.name))];
    else delete draft.quote.aliases;
  };
  const settlePending = () => {
    for (const waiting of pending) {
      assign(waiting.draft, waiting.fallback);
      if (waiting.fallback) attributor.record(waiting.fallback, waiting.draft.sentence, waiting.draft.token);
    }
    pending = [];
  };

  // Sentence by sentence (a quote's sentence runs to the one holding its closing
  // mark), so narrative cues ("She said ministers would…") keep track of who is talking.
  while (sentenceStart < tokens.length) {
    let sentenceEnd = sentenceStart;
    let lastSentence = nth(tokens, sentenceStart).last;
    while (sentenceEnd + 1 < tokens.length && nth(tokens, sentenceEnd + 1).sentence <= lastSentence) {
      sentenceEnd++;
      lastSentence = Math.max(lastSentence, nth(tokens, sentenceEnd).last);
    }
    const quotesHere: Draft[] = [];
    while (quoteIndex < drafts.length && nth(drafts, quoteIndex).token <= sentenceEnd)
      quotesHere.push(nth(drafts, quoteIndex++));
    const firstQuote = quotesHere[0]?.token ?? sentenceEnd + 1;

    // The main clause's speaker: the first reporting verb before any quote.
    let main: { speaker: Speaker; position: number } | null = null;
    for (let at = sentenceStart; at < firstQuote && at < sentenceStart + MAIN_CLAUSE_WINDOW; at++) {
      if (!isCue(tokens, at) || !isTalker(tokens, at)) continue;
      const attribution = attributor.fromCue(at, sentenceStart, Math.min(sentenceEnd, at + QUOTE_WINDOW));
      if (attribution) {
        main = { speaker: attribution.speaker, position: at };
        break;
      }
    }
    if (main) {
      if (pending.length > 0 && quotesHere.length === 0) settlePending();
      attributor.record(main.speaker, nth(tokens, main.position).sentence, main.position);
    }

    for (const draft of quotesHere) {
      const floor = Math.max(sentenceStart, draft.token - QUOTE_WINDOW);
      const ceiling = Math.min(sentenceEnd, draft.token + QUOTE_WINDOW);
      const label = labelKind(tokens, draft);
      if (label) {
        draft.quote.kind = label;
        continue;
      }
      const found = explicitAttribution({ tokens, attributor, draft, floor, ceiling });
      if (found) {
        draft.quote.cue = found.cue;
        assign(draft, found.speaker);
        // Quotes waiting for a speaker named after them ("…," said Greene, lines later).
        const lastWaiting = pending.at(-1);
        if (
          lastWaiting &&
          !draft.fragment &&
          found.cue !== 'according to' &&
          draft.sentence - nth(tokens, lastWaiting.draft.token).last <= 1
        ) {
          for (const waiting of pending) assign(waiting.draft, found.speaker);
          pending = [];
        }
        settlePending();
        attributor.record(found.speaker, draft.sentence, draft.token);
        continue;
      }
      if (draft.fragment) {
        const subject = verbLikeQuote(tokens, attributor, draft);
        if (subject) {
          assign(draft, subject);
          attributor.record(subject, draft.sentence, draft.token);
        } else {
          draft.quote.kind = 'scare';
        }
        continue;
      }
      const lastWaiting = pending.at(-1);
      if (lastWaiting && draft.sentence - nth(tokens, lastWaiting.draft.token).last > 1) settlePending();
      const carried = pending.length > 0 ? null : attributor.recentSpeaker(draft.sentence, CARRY_SENTENCES);
      const continued = !draft.span.closed && nextOpensSoon(drafts, draft);
      if (carried && !continued) {
        assign(draft, carried);
        attributor.record(carried, draft.sentence, draft.token);
      } else {
        const fallback =
          carried ??
          pending.at(-1)?.fallback ??
          attributor.recentPerson(draft.token, CARRY_SENTENCES) ??
          attributor.lastSpeaker();
        assign(draft, fallback);
        pending.push({ draft, fallback });
      }
    }
    // "Gillian Shepherd remembered how a colleague called women “Betty”": the next
    // unattributed quote is still the main speaker's.
    const lead = main;
    if (
      lead &&
      quotesHere.length > 0 &&
      lead.speaker.named &&
      quotesHere.every((draft) => draft.token > lead.position)
    ) {
      attributor.record(lead.speaker, nth(tokens, lead.position).sentence, lead.position);
    }
    sentenceStart = sentenceEnd + 1;
  }
  settlePending();
}

// A narrative cue tells who is talking only when it is a verb of saying, not "calls for a shift".
function isTalker(tokens: Token[], verb: number): boolean {
  return reportsSpeech(nth(tokens, verb).text.toLowerCase(), tokens[verb + 1]?.text ?? '');
}

/** matchesSpeaker returns true when `name` is the quote's speaker by full name or by a form the article uses for them. */
export function matchesSpeaker(quote: Quote, name: string): boolean {
  const wanted = normalizeName(name);
  if (wanted === '' || quote.speaker === null) return false;
  return [quote.speaker, ...(quote.aliases ?? [])].some((form) => normalizeName(form) === wanted);
}

function normalizeName(name: string): string {
  let text = name.normalize('NFKC').replace(/[’‘]/g, "'").toLowerCase().replace(/\s+/g, ' ').trim();
  text = text.replace(/^the /, '').replace(/'s?$/, '');
  const honorific = /^(?:mr|mrs|ms|miss|dr|sir|lord|lady|prof|professor|dame|rev|revd)\.? /.exec(text);
  if (honorific) text = text.slice(honorific[0].length);
  return text;
}
