import { escapeJsonText } from '../sanitize.js';
import type { View } from '../types.js';

/** renderJson returns the view as one JSON object per the contract, and a newline. */
export function renderJson(view: View): string {
  let data: object;
  switch (view.view) {
    case 'full':
      data = {
        view: view.view,
        article: view.article,
        paragraphs: view.paragraphs,
        ...(view.blocks ? { blocks: view.blocks } : {}),
      };
      break;
    case 'summary':
      data = { view: view.view, article: view.article, summary: view.summary };
      break;
    case 'quotes':
      data = { view: view.view, article: view.article, quotes: view.quotes, speakers: view.speakers };
      break;
    case 'list':
      // The list has no "view" key: its contract predates list views.
      data = { articles: view.articles };
      break;
  }
  return `${escapeJsonText(JSON.stringify(data, null, 2))}\n`;
}
