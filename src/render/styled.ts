import type { ChalkInstance } from 'chalk';
import type { ArticleMeta, Block, BlockKind, ListView, QuoteEntry, View } from '../types.js';
import { displayWidth } from '../width.js';
import {
  cleanText,
  linkNumbers,
  metaLines,
  paragraphRuns,
  type Run,
  type RunStyle,
  runsText,
  wrapRuns,
} from './layout.js';
import { bodyOnly, metaParts } from './parts.js';
import { blockSeparator, listDetails } from './plain.js';

/** Options for renderStyled: the Chalk to colour with (its level decides colour) and the width in columns. */
export interface StyledOptions {
  /** false leaves out the headline and meta line (--no-header). */
  header?: boolean;
  chalk: ChalkInstance;
  width: number;
  /** Whether links may be OSC 8 terminal hyperlinks; otherwise they are numbered, as in plain output. */
  hyperlinks?: boolean;
  /**
   * Whether to keep bold, italic, dim and underline when the Chalk has no colour:
   * NO_COLOR asks for no colour, not for no emphasis. Ignored when the Chalk has colour.
   */
  emphasis?: boolean;
}

// The styles of styled output. Each comes from the Chalk passed in; under NO_COLOR the
// attributes that are not colour are written here, since Chalk at level 0 drops them all.
interface Theme {
  bold: (text: string) => string;
  italic: (text: string) => string;
  dim: (text: string) => string;
  underline: (text: string) => string;
  /** Quotations: magenta reads on dark and light backgrounds alike (cyan and yellow fade on white). */
  quotation: (text: string) => string;
  code: (text: string) => string;
}

const identity = (text: string): string => text;
const sgr = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;

function themeOf(options: StyledOptions): Theme {
  const { chalk } = options;
  if (chalk.level > 0) {
    return {
      bold: chalk.bold,
      italic: chalk.italic,
      dim: chalk.dim,
      underline: chalk.underline,
      quotation: chalk.italic.magenta,
      code: chalk.green,
    };
  }
  if (options.emphasis) {
    const italic = sgr(3, 23);
    return { bold: sgr(1, 22), italic, dim: sgr(2, 22), underline: sgr(4, 24), quotation: italic, code: identity };
  }
  return { bold: identity, italic: identity, dim: identity, underline: identity, quotation: identity, code: identity };
}

// What starts the first line of a block of each kind, and the lines after it; the bar of a block quote is dim.
const FIRST_PREFIX: Record<BlockKind, string> = { paragraph: '', heading: '', item: '• ', quote: '│ ', caption: '' };
const NEXT_PREFIX: Record<BlockKind, string> = { paragraph: '', heading: '', item: '  ', quote: '│ ', caption: '' };
const BULLET = '• ';
const BAR = '│ ';
const MIN_TEXT_WIDTH = 10;

/**
 * renderStyled returns the view for a terminal: the headline bold, the meta
 * line dim, then the body laid out from the view's blocks, wrapped exactly at
 * the width by display columns, with quotations, emphasis and links styled.
 */
export function renderStyled(view: View, options: StyledOptions): string {
  let output = '';
  for (const chunk of renderStyledChunks(view, options)) output += chunk;
  return output;
}

/** renderStyledChunks yields renderStyled's output a block at a time. */
export function* renderStyledChunks(view: View, options: StyledOptions): Generator<string> {
  const chunks = layoutStyledChunks(view, options);
  yield* options.header === false && view.view !== 'list' ? bodyOnly(chunks) : chunks;
}

function* layoutStyledChunks(view: View, options: StyledOptions): Generator<string> {
  const theme = themeOf(options);
  const { width } = options;
  if (view.view === 'list') {
    yield listText(view, theme);
    return;
  }
  yield header(view.article, theme, width);
  switch (view.view) {
    case 'full': {
      const hyperlinks = options.hyperlinks ?? false;
      const numbers = linkNumbers(view.blocks);
      for (let index = 0; index < view.paragraphs.length; index++) {
        const runs = paragraphRuns(view.paragraphs[index] ?? '', {
          block: view.blocks?.[index],
          quotations: view.quotations?.[index],
          references: hyperlinks ? undefined : numbers,
        });
        yield `${blockSeparator(view.blocks, index)}${blockText(runs, view.blocks?.[index], theme, width, hyperlinks)}`;
      }
      if (view.article.contact) yield `\n\n${contactText(view.article.contact, theme, width, hyperlinks)}`;
      if (numbers.size > 0 && !hyperlinks) {
        yield `\n\n${theme.dim('Links')}`;
        for (const [href, number] of numbers) yield `\n${theme.dim(`[${number}] ${cleanText(href)}`)}`;
      }
      break;
    }
    case 'summary':
      for (let index = 0; index < view.summary.length; index++) {
        const runs = [{ text: cleanText(view.summary[index]?.text ?? ''), styles: [] }];
        yield `${index === 0 ? '\n\n' : '\n'}${prefixed(runs, theme, width, BULLET, '  ', false)}`;
      }
      break;
    case 'quotes':
      if (view.entries.length === 0) yield `\n\n${theme.dim('No quotations in this article.')}`;
      for (const entry of view.entries) yield `\n\n${entryText(entry, theme, width)}`;
      break;
  }
  yield '\n';
}

function header(article: ArticleMeta, theme: Theme, width: number): string {
  const lines: string[] = [];
  if (article.title) {
    for (const line of wrapRuns([{ text: cleanText(article.title), styles: [] }], width)) {
      lines.push(theme.bold(runsText(line)));
    }
  }
  for (const line of metaLines(metaParts(article).map(cleanText), width)) lines.push(theme.dim(line));
  return lines.join('\n');
}

function blockText(runs: Run[], block: Block | undefined, theme: Theme, width: number, hyperlinks: boolean): string {
  const kind = block?.kind ?? 'paragraph';
  if (kind === 'heading') {
    return wrapRuns(runs, width)
      .map((line) => theme.bold(styledLine(line, theme, hyperlinks)))
      .join('\n');
  }
  if (kind === 'caption') {
    return wrapRuns(runs, width)
      .map((line) => theme.dim(styledLine(line, theme, hyperlinks)))
      .join('\n');
  }
  const body = prefixed(runs, theme, width, FIRST_PREFIX[kind], NEXT_PREFIX[kind], hyperlinks);
  if (kind !== 'quote' || !block?.attribution) return body;
  const credit = [{ text: `— ${cleanText(block.attribution)}`, styles: [] }];
  return `${body}\n${prefixed(credit, theme, width, BAR, BAR, false, theme.dim)}`;
}

// Lines of runs after a prefix (a bullet, or a quote's bar, dim); text after it wraps to what is left of the width.
function prefixed(
  runs: Run[],
  theme: Theme,
  width: number,
  first: string,
  next: string,
  hyperlinks: boolean,
  style: (text: string) => string = identity,
): string {
  const textWidth = Math.max(MIN_TEXT_WIDTH, width - displayWidth(first));
  const bar = (prefix: string) => (prefix === BAR ? theme.dim(prefix) : prefix);
  return wrapRuns(runs, textWidth)
    .map((line, index) => bar(index === 0 ? first : next) + style(styledLine(line, theme, hyperlinks)))
    .join('\n');
}

const STYLE_ORDER: readonly RunStyle[] = ['quotation', 'strong', 'emphasis', 'code', 'reference'];

// One line of runs with their styles; a link's text is an OSC 8 hyperlink, opened and closed on each line.
function styledLine(line: readonly Run[], theme: Theme, hyperlinks: boolean): string {
  let output = '';
  for (const run of line) {
    let text = run.text;
    for (const style of STYLE_ORDER) if (run.styles.includes(style)) text = styleOf(style, theme)(text);
    if (run.href && hyperlinks) text = hyperlink(run.href, theme.underline(text));
    output += text;
  }
  return output;
}

function styleOf(style: RunStyle, theme: Theme): (text: string) => string {
  switch (style) {
    case 'quotation':
      return theme.quotation;
    case 'strong':
      return theme.bold;
    case 'emphasis':
      return theme.italic;
    case 'code':
      return theme.code;
    case 'reference':
      return theme.dim;
  }
}

// A target is printable ASCII by construction (html.ts, markdown.ts); the filter keeps a bad one from ending the sequence.
function hyperlink(href: string, text: string): string {
  return `\x1b]8;;${href.replace(/[^\x21-\x7e]/g, '')}\x1b\\${text}\x1b]8;;\x1b\\`;
}

// The contact address: a mailto: link where the terminal shows hyperlinks, else the address as text.
function contactText(contact: string, theme: Theme, width: number, hyperlinks: boolean): string {
  const address = cleanText(contact);
  const runs: Run[] = [{ text: address, styles: [], href: `mailto:${address}` }];
  return wrapRuns(runs, width)
    .map((line) => styledLine(line, theme, hyperlinks))
    .join('\n');
}

// A quotes-view line under a bar: the quoted runs in quotation marks and the quotation style, then who said them.
function entryText(entry: QuoteEntry, theme: Theme, width: number): string {
  const runs: Run[] = entry.runs.map((run) =>
    run.quoted
      ? { text: `“${cleanText(run.text)}”`, styles: ['quotation'] }
      : { text: cleanText(run.text), styles: [] },
  );
  const words = prefixed(runs, theme, width, BAR, BAR, false);
  if (!entry.speaker) return words;
  const speaker = [{ text: `— ${cleanText(entry.speaker)}`, styles: [] }];
  return `${words}\n${prefixed(speaker, theme, width, BAR, BAR, false, theme.bold)}`;
}

function listText(view: ListView, theme: Theme): string {
  if (view.articles.length === 0) return `${theme.dim('No bundled articles.')}\n`;
  let slugWidth = 0;
  for (const entry of view.articles) slugWidth = Math.max(slugWidth, displayWidth(cleanText(entry.slug ?? '')));
  let output = '';
  for (const entry of view.articles) {
    const slug = cleanText(entry.slug ?? '').padEnd(slugWidth);
    output += `${theme.bold(slug)}  ${listDetails(entry)}${entry.default ? theme.dim('  (default)') : ''}\n`;
  }
  return output;
}
