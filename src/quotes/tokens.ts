// The tokenizer: a paragraph's words and punctuation as tokens, each quotation
// as one token of its own, so every reader after it moves over one flat list.
import type { Article, Quote, Sentence } from '../types.js';
import { nth } from './nth.js';
import type { QuoteSpan } from './spans.js';

/** A word, a punctuation mark, or a whole quotation, outside the quotes' own words. */
export interface Token {
  kind: 'word' | 'punct' | 'quote';
  text: string;
  /** Offset in the paragraph. */
  start: number;
  /** Global sentence index. */
  sentence: number;
  /** Index into the quote list, for quote tokens. */
  quote: number;
  /** Global sentence index of the closing mark, for quote tokens; `sentence` otherwise. */
  last: number;
  /** True for the first token of its sentence, whose capital says nothing about being a name. */
  opens?: boolean;
}

/** One quote being attributed: where it sits and what is known of it so far. */
export interface Draft {
  /** Position in the article's quote list. */
  index: number;
  span: QuoteSpan;
  paragraph: number;
  sentence: number;
  /** Index of the quote's token in the article's token list. */
  token: number;
  quote: Quote;
  fragment: boolean;
  /** Offset of the quote's context in its paragraph. */
  contextStart: number;
  /** True when the opening mark starts a sentence. */
  opensSentence: boolean;
}

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}’'.-]*[\p{L}\p{N}])?[’']?|&|[,;:!?.()[\]—–-]/gu;
const PUNCTUATION = ',;:!?.()[]—–-';

/** The article read for attribution: its words and quotes as one token list, and a draft for each quote. */
export interface Tokenized {
  tokens: Token[];
  drafts: Draft[];
}

/** tokenize splits the article's body into word, punctuation and quote tokens, one pass over each paragraph. */
export function tokenize(article: Article, findSpans: (text: string, from: number) => QuoteSpan[]): Tokenized {
  const drafts: Draft[] = [];
  const tokens: Token[] = [];
  const byParagraph: Sentence[][] = article.paragraphs.map(() => []);
  for (const sentence of article.sentences) byParagraph[sentence.paragraph]?.push(sentence);
  article.paragraphs.forEach((text, paragraph) => {
    const sentences = nth(byParagraph, paragraph);
    if (sentences.length === 0) return;
    const from = paragraph === 0 ? article.datelineLength : 0;
    const spans = findSpans(text, from);
    let sentenceCursor = 0;
    const sentenceAt = (offset: number) => {
      while (sentenceCursor + 1 < sentences.length && nth(sentences, sentenceCursor + 1).start <= offset)
        sentenceCursor++;
      return nth(sentences, sentenceCursor);
    };
    let offset = from;
    const addWords = (end: number) => {
      WORD.lastIndex = offset;
      for (let match = WORD.exec(text); match && match.index < end; match = WORD.exec(text)) {
        if (match.index + match[0].length > end) break;
        const start = match.index;
        const kind = match[0].length === 1 && PUNCTUATION.includes(match[0]) ? 'punct' : 'word';
        const sentence = sentenceAt(start);
        if (match[0] === '.' && isAbbreviationDot(text, start, sentence)) {
          // "U.S." keeps its last dot, as written; "Gov." is read as the title "Gov".
          const word = tokens.at(-1);
          if (word && word.start + word.text.length === start && word.text.includes('.')) word.text += '.';
          continue;
        }
        const index = sentence.index;
        const opens = tokens.length === 0 || nth(tokens, tokens.length - 1).last < index;
        tokens.push({ kind, text: match[0], start, sentence: index, quote: -1, last: index, opens });
      }
    };
    for (const span of spans) {
      addWords(span.open);
      const sentence = sentenceAt(span.open);
      const quoteText = text.slice(span.start, span.end);
      const quote: Quote = {
        text: quoteText,
        speaker: null,
        context: sentence.text,
        kind: 'speech',
        cue: null,
        sentence: sentence.index,
        paragraph,
        start: span.start,
        end: span.end,
      };
      // The sentences the quote covers are skipped, so words after it find their own sentence.
      const last = sentenceAt(Math.max(span.close - 1, span.open)).index;
      tokens.push({
        kind: 'quote',
        text: quoteText,
        start: span.open,
        sentence: sentence.index,
        quote: drafts.length,
        last,
      });
      drafts.push({
        index: drafts.length,
        span,
        paragraph,
        sentence: sentence.index,
        token: tokens.length - 1,
        quote,
        fragment: isFragment(text, span),
        contextStart: sentence.start,
        opensSentence: sentence.start === span.open,
      });
      offset = span.close;
    }
    addWords(text.length);
  });
  return { tokens, drafts };
}

// A fragment is a phrase set in a sentence ("accused X of “lies”") rather than a
// quoted sentence; fragments need a cue of their own and are never carried over.
function isFragment(text: string, span: QuoteSpan): boolean {
  const words = text.slice(span.start, span.end);
  if (/[.!?…]["'”’]?$/.test(words) && /^[\p{Lu}\d'‘]/u.test(words)) return false;
  if (/^[\p{Lu}\d'‘]/u.test(words) && /[,;:]$/.test(words)) return false;
  let before = span.open - 1;
  while (before >= 0 && /\s/.test(nth(text, before))) before--;
  const leadsSentence = before < 0 || /[:.!?"”]/.test(nth(text, before));
  const wordCount = words.split(/\s+/).length;
  return !(leadsSentence && /^[\p{Lu}\d'‘]/u.test(words) && wordCount >= 3);
}

// "Gov. Ann Berg said", "U.S. Attorney Paul Dane": a period set on a word that the sentence
// splitter did not end the sentence at belongs to an abbreviation, and is no boundary for
// the readers after this. An ellipsis is not one.
function isAbbreviationDot(text: string, offset: number, sentence: Sentence): boolean {
  const sentenceEnd = sentence.start + sentence.text.length;
  return (
    offset + 1 < sentenceEnd &&
    /[\p{L}]/u.test(text[offset - 1] ?? '') &&
    /\s/.test(text[offset + 1] ?? '') &&
    text[offset - 1] !== '.'
  );
}
