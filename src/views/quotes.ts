import { articleMeta } from '../parse.js';
import { extractQuotes, matchesSpeaker } from '../quotes.js';
import type { Article, QuotesView } from '../types.js';

/** quotesView returns every quotation in article order, or only those of `speaker` when given. */
export function quotesView(article: Article, speaker?: string): QuotesView {
  let quotes = extractQuotes(article);
  if (speaker !== undefined) quotes = quotes.filter((quote) => matchesSpeaker(quote, speaker));
  return { view: 'quotes', article: articleMeta(article), quotes };
}
