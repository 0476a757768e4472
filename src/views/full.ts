import { articleMeta } from '../parse.js';
import { findQuoteSpans } from '../quotes/spans.js';
import type { Article, FullView, QuotationSpan } from '../types.js';

/** Options for fullView: whether to find each paragraph's quotations (styled output shows them). */
export interface FullViewOptions {
  quotations?: boolean;
}

/** fullView returns the whole article: metadata, every paragraph, its structure when it has one, and its quotations when asked. */
export function fullView(article: Article, options: FullViewOptions = {}): FullView {
  return {
    view: 'full',
    article: articleMeta(article),
    paragraphs: article.paragraphs,
    ...(article.blocks ? { blocks: article.blocks } : {}),
    ...(options.quotations ? { quotations: article.paragraphs.map(paragraphQuotations) } : {}),
  };
}

// The quotations of a paragraph, marks included; a quote left open runs to where findQuoteSpans ends it.
function paragraphQuotations(paragraph: string): QuotationSpan[] {
  return findQuoteSpans(paragraph).map((span) => ({ start: span.open, end: span.close }));
}
