import { articleMeta } from '../parse.js';
import { summarize } from '../summarize.js';
import type { Article, SummaryView } from '../types.js';

/** summaryView returns the sentences that carry the story, in article order; `sentences` overrides the default length. */
export function summaryView(article: Article, sentences?: number): SummaryView {
  return { view: 'summary', article: articleMeta(article), summary: summarize(article, sentences) };
}
