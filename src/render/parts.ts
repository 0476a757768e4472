import type { ArticleMeta } from '../types.js';

// Pieces of text that the plain and styled renderers share.

const WORDS_PER_MINUTE = 230;

/** metaParts returns the meta line's parts: byline, role, dateline, source and reading time. */
export function metaParts(article: ArticleMeta): string[] {
  const minutes = Math.max(1, Math.round(article.words / WORDS_PER_MINUTE));
  const parts = [article.byline, article.role, article.dateline, article.source, article.date];
  return [...parts.filter((part): part is string => part !== null && part !== ''), `${minutes} min read`];
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
