import type { ArticleMeta, Quote } from '../types.js';

// Pieces of text that the plain and styled renderers share.

const WORDS_PER_MINUTE = 230;

/** metaParts returns the meta line's parts: byline, role, dateline, source and reading time. */
export function metaParts(article: ArticleMeta): string[] {
  const minutes = Math.max(1, Math.round(article.words / WORDS_PER_MINUTE));
  const parts = [article.byline, article.role, article.dateline, article.source, article.date];
  return [...parts.filter((part): part is string => part !== null && part !== ''), `${minutes} min read`];
}

// A quote shorter than this, or one that does not read as a sentence, is shown in its sentence.
const FRAGMENT_WORDS = 6;
const EXCERPT_WORDS = 9;
// A cut that would leave out only a few words keeps them: the sentence's subject is worth it.
const EXCERPT_SLACK = 4;

/** isFragment returns whether the quote needs words around it to read on its own ("lies"). */
export function isFragment(quote: Quote): boolean {
  const words = quote.text.split(/\s+/).filter(Boolean).length;
  return words < FRAGMENT_WORDS || !/^["'“‘(]?[\p{Lu}\d]/u.test(quote.text);
}

/**
 * quoteExcerpt returns the quote as a reader sees it: `“text”` for a full
 * quote, or for a fragment the words around it in its sentence, cut with "…",
 * as [before, “text”, after].
 */
export function quoteExcerpt(quote: Quote): [string, string, string] {
  const quoted = `“${quote.text}”`;
  if (!isFragment(quote)) return ['', quoted, ''];
  const at = quote.context.indexOf(quote.text);
  if (at < 0) return ['', quoted, ''];
  // Take the marks that surround the quote in the sentence, whatever their style.
  const open = /["“”']$/.test(quote.context.slice(0, at)) ? at - 1 : at;
  const closeAt = at + quote.text.length;
  const close = /^["“”']/.test(quote.context.slice(closeAt)) ? closeAt + 1 : closeAt;
  const beforeWords = quote.context.slice(0, open).split(/\s+/).filter(Boolean);
  const afterWords = quote.context
    .slice(close)
    .split(/(?<=\S)\s+/)
    .filter(Boolean);
  const cutBefore = beforeWords.length > EXCERPT_WORDS + EXCERPT_SLACK;
  const cutAfter = afterWords.length > EXCERPT_WORDS + EXCERPT_SLACK;
  let before = (cutBefore ? beforeWords.slice(-EXCERPT_WORDS) : beforeWords).join(' ');
  if (cutBefore) before = `…${before}`;
  let after = (cutAfter ? afterWords.slice(0, EXCERPT_WORDS) : afterWords).join(' ');
  if (cutAfter) after = `${after.replace(/[,;:]$/, '')}…`;
  const gapBefore = before && /\s$/.test(quote.context.slice(0, open)) ? ' ' : '';
  const gapAfter = after && /^[^\s,.;:!?)]/.test(after) && /^\s/.test(quote.context.slice(close)) ? ' ' : '';
  return [before + gapBefore, quoted, gapAfter + after];
}

/**
 * bodyOnly yields a renderer's chunks without the first one (the headline and
 * meta line), and the chunk after it without the line breaks that set it apart.
 */
export function* bodyOnly(chunks: Iterator<string>): Generator<string> {
  chunks.next();
  let first = true;
  for (let next = chunks.next(); !next.done; next = chunks.next()) {
    yield first ? next.value.replace(/^\n+/, '') : next.value;
    first = false;
  }
}
