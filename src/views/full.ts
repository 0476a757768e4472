import { articleMeta } from '../parse.js';
import { extractQuotes } from '../quotes.js';
import type { Article, FullView } from '../types.js';

/** fullView returns the whole article: metadata, every paragraph, and its quotations for styling. */
export function fullView(article: Article): FullView {
  return {
    view: 'full',
    article: articleMeta(article),
    paragraphs: article.paragraphs,
    quotes: extractQuotes(article),
    datelineLength: article.datelineLength,
    ...(article.blocks ? { blocks: article.blocks } : {}),
  };
}
