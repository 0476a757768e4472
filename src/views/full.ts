import { articleMeta } from '../parse.js';
import { findQuoteSpans } from '../quotes-spans.js';
import type { Article, FullView, QuotedRange } from '../types.js';

/**
 * fullView returns the whole article: metadata, every paragraph, and where its
 * quotations are. Only the spans: who said them is the quotes view's work, and
 * attribution costs far more than finding the marks (1.5 s of 2.7 s at 5 MB).
 */
export function fullView(article: Article): FullView {
  const quoteSpans: QuotedRange[] = [];
  article.paragraphs.forEach((paragraph, index) => {
    for (const span of findQuoteSpans(paragraph)) quoteSpans.push({ paragraph: index, open: span.open, close: span.close });
  });
  return {
    view: 'full',
    article: articleMeta(article),
    paragraphs: article.paragraphs,
    quoteSpans,
    datelineLength: article.datelineLength,
    ...(article.blocks ? { blocks: article.blocks } : {}),
  };
}
