import type { ArticleMeta, QuoteRun } from '../types.js';

// Pieces of text that the plain and styled renderers share.

const WORDS_PER_MINUTE = 230;

/** metaParts returns the meta line's parts: byline, role, dateline, source and reading time. */
export function metaParts(article: ArticleMeta): string[] {
  const minutes = Math.max(1, Math.round(article.words / WORDS_PER_MINUTE));
  const parts = [article.byline, article.role, article.dateline, article.source, article.date];
  return [...parts.filter((part): part is string => part !== null && part !== ''), `${minutes} min read`];
}

/** entryText returns a quotes-view line's runs as text, each quoted run inside curly quotation marks. */
export function entryText(runs: readonly QuoteRun[]): string {
  return runs.map((run) => (run.quoted ? `“${run.text}”` : run.text)).join('');
}
