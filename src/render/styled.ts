import type { ChalkInstance } from 'chalk';
import { Marked } from 'marked';
import { markedTerminal } from 'marked-terminal';
import { findQuoteSpans, type QuoteSpan } from '../quotes/spans.js';
import { stripControls } from '../sanitize.js';
import type { BlockKind, QuoteEntry, View } from '../types.js';
import { displayWidth, wrapText } from '../width.js';
import { finishLinks, linkNumbers, markLinks } from './links.js';
import { metaParts } from './parts.js';

/** Options for renderStyled: the Chalk to style with (its level decides colour) and the width in columns. */
export interface StyledOptions {
  chalk: ChalkInstance;
  width: number;
  /** Whether links may be OSC 8 terminal hyperlinks; otherwise they are numbered, as in plain output. */
  hyperlinks?: boolean;
}

// Where marked-terminal indents: lists by `tab` plus the "* " bullet, block quotes by `tab`.
const TAB = 2;
const LIST_INDENT = TAB + 2;

// Private-use marks for where emphasis opens and closes; they survive wrapping
// (zero width) and become Markdown `*` once the text is escaped.
const OPEN = '\uE000';
const CLOSE = '\uE001';
// Private-use marks for a summary item's bullet, and for a block that goes on
// from the one before: marked's block rules (lists above all) slow down
// super-linearly on long blocks, so long text reaches marked in short pieces.
const BULLET = '\uE002';
const GOES_ON = '\uE003';
const LINES_PER_PIECE = 32;

/**
 * renderStyled returns the view for a terminal: the headline bold, the meta
 * line dim, then the body as Markdown rendered by marked-terminal. Lines are
 * wrapped here, by display width, before Markdown sees them (marked-terminal's
 * own reflow counts UTF-16 units and can split a surrogate pair).
 */
export function renderStyled(view: View, options: StyledOptions): string {
  const { chalk, width } = options;
  const heading: string[] = [];
  if (view.article.title)
    heading.push(
      wrapText(clean(view.article.title), width)
        .map((line) => chalk.bold(line))
        .join('\n'),
    );
  heading.push(
    metaLines(metaParts(view.article).map(clean), width)
      .map((line) => chalk.dim(line))
      .join('\n'),
  );

  const markdown = bodyMarkdown(view, width);
  const marked = new Marked({ gfm: false, breaks: false, async: false });
  marked.use(
    markedTerminal({
      blockquote: chalk.italic,
      paragraph: identity,
      listitem: identity,
      em: chalk.italic.cyan,
      strong: chalk.bold,
      code: identity,
      codespan: identity,
      heading: chalk.bold,
      firstHeading: chalk.bold,
      hr: chalk.dim,
      html: identity,
      del: chalk.dim,
      link: identity,
      href: identity,
      table: identity,
      text: identity,
      emoji: false,
      unescape: true,
      width,
      showSectionPrefix: false,
      reflowText: false,
      tab: TAB,
    }),
  );
  const rendered = joinPieces(marked.parse(markdown) as string);
  const body = (view.view === 'summary' ? bulletItems(rendered) : rendered)
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .trimEnd();
  return `${heading.join('\n')}\n\n${finishLinks(body, view, { chalk, hyperlinks: options.hyperlinks ?? false })}\n`;
}

// The meta line breaks between its parts, never after a dangling " · ".
function metaLines(parts: readonly string[], width: number): string[] {
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines.at(-1);
    if (last !== undefined && displayWidth(`${last} · ${part}`) <= width) lines[lines.length - 1] = `${last} · ${part}`;
    else lines.push(...wrapText(part, width));
  }
  return lines;
}

function identity(text: string): string {
  return text;
}

// The whole private-use area goes, not only the marks used here: render/links.ts marks
// links with U+E0FF and U+E101–U+F8FF, and article text must not open or close one.
function clean(text: string): string {
  return stripControls(text)
    .replace(/[\uE000-\uF8FF]/g, '')
    .replace(/\t/g, ' ');
}

// A piece that goes on from the block before joins it again: the blank line between them goes.
function joinPieces(rendered: string): string {
  return rendered.includes(GOES_ON)
    ? rendered.replace(
        /\n(?:[ \t]*\n)*([ \t]*(?:\x1b\[[\d;]*m)*[ \t]*)(\* )?\uE003 ?/g,
        (_whole: string, indent: string, bullet?: string) => `\n${indent}${bullet ? '  ' : ''}`,
      )
    : rendered;
}

// Summary items reach marked as paragraphs that start with BULLET; they become
// what marked-terminal makes of a loose list: "  * " and an indent of four, no blank lines between.
function bulletItems(rendered: string): string {
  return rendered
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) =>
      line.startsWith(BULLET) ? `${' '.repeat(TAB)}* ${line.slice(1)}` : `${' '.repeat(LIST_INDENT)}${line}`,
    )
    .join('\n');
}

function bodyMarkdown(view: View, width: number): string {
  switch (view.view) {
    case 'full': {
      const numbers = linkNumbers(view.blocks);
      const blocks = view.paragraphs.map((paragraph, index) => {
        // Only the spans, found here: who said them is the quotes view's work, and plain output needs neither.
        const spans = findQuoteSpans(paragraph);
        const block = view.blocks?.[index];
        const text = markLinks(markQuotes(paragraph, spans), paragraph, block?.links ?? [], numbers);
        return blockMarkdown(text, block?.kind ?? 'paragraph', width);
      });
      if (view.article.contact) blocks.push(`*${escapeMarkdown(clean(view.article.contact))}*`);
      return blocks.join('\n\n');
    }
    case 'summary':
      // A loose list (blank lines between items): marked-terminal renders a tight item's raw text, escapes and all.
      return view.summary
        .map((sentence) => `${BULLET}${toMarkdown(clean(sentence.text), width - LIST_INDENT)}`)
        .join('\n\n');
    case 'quotes':
      if (view.quotes.length === 0) return escapeMarkdown('No quotations in this article.');
      return view.entries.map((entry) => quoteMarkdown(entry, width - TAB)).join('\n\n');
  }
}

// Paragraphs from web pages keep their kind: subheadings, list items (a loose list, as for the summary) and block quotes.
function blockMarkdown(text: string, kind: BlockKind, width: number): string {
  switch (kind) {
    case 'heading':
      return `## ${emphasis(escapeMarkdown(text.replace(/\s+/g, ' ')))}`;
    case 'item':
      return `* ${toMarkdown(text, width - LIST_INDENT, '  ')}`;
    case 'quote':
      return `> ${toMarkdown(text, width - TAB, '> ')}`;
    case 'paragraph':
    case 'caption':
      return toMarkdown(text, width);
  }
}

function quoteMarkdown(entry: QuoteEntry, width: number): string {
  const text = entry.runs
    .map((run) => (run.quoted ? `${OPEN}${clean(`“${run.text}”`)}${CLOSE}` : clean(run.text)))
    .join('');
  const words = `> ${toMarkdown(text, width, '> ')}`;
  if (!entry.speaker) return words;
  // The speaker sits on the line right under the words, in bold, as a byline would.
  return `${words}\\\n> **${toMarkdown(`— ${clean(entry.speaker)}`, width, '> ')}**`;
}

// Puts emphasis marks around each quotation (its quote marks included) in a paragraph.
function markQuotes(paragraph: string, spans: readonly QuoteSpan[]): string {
  let text = '';
  let at = 0;
  for (const { open: start, close: end } of spans) {
    if (start < at || end <= start) continue;
    text += clean(paragraph.slice(at, start)) + OPEN + clean(paragraph.slice(start, end)) + CLOSE;
    at = end;
  }
  return text + clean(paragraph.slice(at));
}

// Wraps plain text to `width`, escapes it for Markdown and joins the lines with
// hard breaks. Emphasis is closed at each line end and reopened on the next line.
function toMarkdown(text: string, width: number, continuation = ''): string {
  let inside = false;
  const wrapped = wrapText(text, Math.max(10, width)).map((line) => {
    let marked = (inside ? OPEN : '') + line;
    inside = marked.lastIndexOf(OPEN) > marked.lastIndexOf(CLOSE);
    if (inside) marked += CLOSE;
    return emphasis(escapeMarkdown(marked));
  });
  // A line that held only emphasis marks is empty now; as the last line it would leave a stray "\\".
  const kept = wrapped.filter((line) => line !== '');
  const lines = kept.length > 0 ? kept : [''];
  // Every LINES_PER_PIECE lines a new block of the same kind starts, marked as going on from the one
  // before; the space after the mark keeps an opening `*` at the line start read as emphasis.
  const opener = continuation === '  ' ? '* ' : continuation;
  return lines
    .map((line, index) =>
      index === 0
        ? line
        : index % LINES_PER_PIECE === 0
          ? `\n\n${opener}${GOES_ON} ${line}`
          : `\\\n${continuation}${line}`,
    )
    .join('');
}

// Backslash-escape every ASCII punctuation mark that Markdown could read as syntax.
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#+\-!|~&=]/g, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2');
}

// Emphasis marks become `*`, unless Markdown would not read that pair as emphasis
// (an opening mark after a letter and before punctuation, or the reverse).
function emphasis(line: string): string {
  return line
    .replace(
      /(.?)\uE000([^\uE000\uE001]*)\uE001(.?)/gsu,
      (_whole: string, before: string, inner: string, after: string) => {
        const opens = inner.trim() !== '' && !(/[\p{L}\p{N}]/u.test(before) && /^\p{P}/u.test(inner));
        const closes = !(/\p{P}$/u.test(inner) && /[\p{L}\p{N}]/u.test(after));
        return opens && closes ? `${before}*${inner}*${after}` : `${before}${inner}${after}`;
      },
    )
    .replace(/[\uE000\uE001]/g, '');
}
