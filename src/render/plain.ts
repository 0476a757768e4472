import type { ArticleMeta, Block, BlockKind, ListView, QuoteEntry, View } from '../types.js';
import { cleanText, linkNumbers, metaLines, paragraphRuns, type Run, runsText, wrapRuns } from './layout.js';
import { bodyOnly, metaParts } from './parts.js';

/** Options for renderPlain: wrap to `width` columns, or not at all when null. */
export interface PlainOptions {
  /** false leaves out the headline and meta line (--no-header). */
  header?: boolean;
  width: number | null;
}

// What starts the first line of a block of each kind, and the lines after it.
const FIRST_PREFIX: Record<BlockKind, string> = { paragraph: '', heading: '', item: '• ', quote: '    ', caption: '' };
const NEXT_PREFIX: Record<BlockKind, string> = { paragraph: '', heading: '', item: '  ', quote: '    ', caption: '' };
// Narrower than this, a prefixed block is wrapped at this width anyway (--width is at least 10).
const MIN_TEXT_WIDTH = 10;

/**
 * renderPlain returns the view as plain text for pipes and files: no escape
 * codes, no Markdown. The header lines come first, then a blank line;
 * paragraphs are one per line with blank lines between, summary sentences and
 * quotes one per line.
 */
export function renderPlain(view: View, options: PlainOptions): string {
  let output = '';
  for (const chunk of renderPlainChunks(view, options)) output += chunk;
  return output;
}

/** renderPlainChunks yields renderPlain's output a block at a time, so a long article is written as it is laid out. */
export function* renderPlainChunks(view: View, options: PlainOptions): Generator<string> {
  const chunks = layoutPlainChunks(view, options);
  yield* options.header === false && view.view !== 'list' ? bodyOnly(chunks) : chunks;
}

function* layoutPlainChunks(view: View, options: PlainOptions): Generator<string> {
  if (view.view === 'list') {
    yield listText(view);
    return;
  }
  yield header(view.article, options.width);
  switch (view.view) {
    case 'full': {
      const numbers = linkNumbers(view.blocks);
      for (let index = 0; index < view.paragraphs.length; index++) {
        const block = view.blocks?.[index];
        yield `${blockSeparator(view.blocks, index)}${blockText(view.paragraphs[index] ?? '', block, numbers, options.width)}`;
      }
      if (view.article.contact) yield `\n\n${fold(view.article.contact, options.width)}`;
      if (numbers.size > 0) {
        yield '\n\nLinks';
        for (const [href, number] of numbers) yield `\n[${number}] ${cleanText(href)}`;
      }
      break;
    }
    case 'summary':
      for (let index = 0; index < view.summary.length; index++) {
        yield `${index === 0 ? '\n\n' : '\n'}${fold(view.summary[index]?.text ?? '', options.width)}`;
      }
      break;
    case 'quotes':
      for (let index = 0; index < view.entries.length; index++) {
        const entry = view.entries[index];
        if (entry) yield `${index === 0 ? '\n\n' : '\n'}${fold(entryText(entry), options.width)}`;
      }
      break;
  }
  yield '\n';
}

/** blockSeparator returns what goes before block `index`: a line break between items of one list, else a blank line. */
export function blockSeparator(blocks: readonly Block[] | undefined, index: number): string {
  return blocks?.[index]?.kind === 'item' && blocks[index - 1]?.kind === 'item' ? '\n' : '\n\n';
}

function header(article: ArticleMeta, width: number | null): string {
  const lines = article.title ? [fold(article.title, width)] : [];
  for (const line of metaLines(metaParts(article).map(cleanText), width)) lines.push(line);
  return lines.join('\n');
}

function fold(text: string, width: number | null): string {
  return lines(wrapRuns([{ text: cleanText(text), styles: [] }], width));
}

function lines(wrapped: readonly (readonly Run[])[], first = '', next = first): string {
  return wrapped.map((line, index) => (index === 0 ? first : next) + runsText(line)).join('\n');
}

// A paragraph with `[n]` after each link's text, list items with a bullet, block quotes indented.
function blockText(
  paragraph: string,
  block: Block | undefined,
  numbers: ReadonlyMap<string, number>,
  width: number | null,
): string {
  // The common case, an unwrapped paragraph with no structure, is its clean text.
  if (!block && width === null) return cleanText(paragraph);
  const kind = block?.kind ?? 'paragraph';
  const first = FIRST_PREFIX[kind];
  const textWidth = width === null ? null : Math.max(MIN_TEXT_WIDTH, width - first.length);
  const body = lines(
    wrapRuns(paragraphRuns(paragraph, { block, references: numbers }), textWidth),
    first,
    NEXT_PREFIX[kind],
  );
  if (kind !== 'quote' || !block?.attribution) return body;
  return `${body}\n${lines(wrapRuns([{ text: `— ${cleanText(block.attribution)}`, styles: [] }], textWidth), first)}`;
}

/** entryText returns a quotes-view line: its runs, the quoted ones in quotation marks, and who said them. */
export function entryText(entry: QuoteEntry): string {
  let text = '';
  for (const run of entry.runs) text += run.quoted ? `“${cleanText(run.text)}”` : cleanText(run.text);
  return entry.speaker ? `${text} — ${cleanText(entry.speaker)}` : text;
}

function listText(view: ListView): string {
  if (view.articles.length === 0) return 'No bundled articles.\n';
  let slugWidth = 0;
  for (const entry of view.articles) slugWidth = Math.max(slugWidth, cleanText(entry.slug ?? '').length);
  let output = '';
  for (const entry of view.articles) {
    output += `${cleanText(entry.slug ?? '').padEnd(slugWidth)}  ${listDetails(entry)}${entry.default ? '  (default)' : ''}\n`;
  }
  return output;
}

/** listDetails returns a list line's text after the slug: headline, byline and length. */
export function listDetails(entry: ArticleMeta): string {
  return [entry.title ?? '(no headline)', entry.byline, `${entry.words} words`]
    .filter((part): part is string => Boolean(part))
    .map(cleanText)
    .join(' · ');
}
