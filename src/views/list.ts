import { articleMeta } from '../parse.js';
import type { Article, ListView } from '../types.js';

/** listView returns the bundled articles' metadata in order; the first is the default. */
export function listView(articles: readonly Article[]): ListView {
  return {
    view: 'list',
    articles: articles.map((article, index) => ({ ...articleMeta(article), default: index === 0 })),
  };
}
