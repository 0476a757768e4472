import { stripControls } from '../sanitize.js';
import type { ArticleMeta, View } from '../types.js';
import { wrapText } from '../width.js';
import { linkNumbers, plainBlock, plainReferences } from './links.js';
import { entryText, metaParts } from './parts.js';

/** Options for renderPlain: wrap to `width` columns, or not at all when null. */
export interface PlainOptions {
  width: number | null;
}

/**
 * renderPlain returns the view as plain text for pipes and files: no escape
 * codes, no Markdown. The header lines come first, then a blank line; paragraphs
 * are one per line with blank lines between, summary sentences and quotes one per line.
 */
export function renderPlain(view: View, options: PlainOptions): string {
  const fold = (text: string) => {
    const clean = stripControls(text);
    return options.width === null ? clean : wrapText(clean, options.width).join('\n');
  };
  const blocks = [header(view.article).map(fold).join('\n')];
  switch (view.view) {
    case 'full': {
      const numbers = linkNumbers(view.blocks);
      blocks.push(
        ...view.paragraphs.map((paragraph, index) =>
          plainBlock(paragraph, view.blocks?.[index], numbers, options.width),
        ),
      );
      if (view.article.contact) blocks.push(fold(view.article.contact));
      blocks.push(plainReferences(numbers));
      return `${blocks.filter(Boolean).join('\n\n')}\n`;
    }
    case 'summary':
      blocks.push(view.summary.map((sentence) => fold(sentence.text)).join('\n'));
      break;
    case 'quotes':
      blocks.push(
        view.entries
          .map((entry) => fold(entryText(entry.runs) + (entry.speaker ? ` — ${entry.speaker}` : '')))
          .join('\n'),
      );
      break;
  }
  return `${blocks.filter(Boolean).join('\n\n')}\n`;
}

function header(article: ArticleMeta): string[] {
  return [...(article.title ? [article.title] : []), metaParts(article).join(' · ')];
}
