import { articleMeta } from '../parse.js';
import type { Article, FullView } from '../types.js';

/** fullView returns the whole article: metadata and every paragraph (with its structure, for web pages). */
export function fullView(article: Article): FullView {
  return {
    view: 'full',
    article: articleMeta(article),
    paragraphs: article.paragraphs,
    ...(article.blocks ? { blocks: article.blocks } : {}),
  };
}
