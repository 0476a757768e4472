import type { Block, Link, Mark } from './types.js';

// The Markdown an article body uses, read into the article model: paragraphs,
// `#` subheadings, `-`/`*`/`1.` list items (each its own block), `>` block
// quotes with an optional `> — Name` attribution line, and inline emphasis,
// strong emphasis, code spans and links. Tables, HTML and nesting are not
// article prose and stay text. Every scan is linear: a delimiter with no
// closer is remembered, so a line of unclosed `*` is not searched again and again.

/** A paragraph of a Markdown body: its plain text and its structure. */
export interface MarkdownBlock {
  text: string;
  block: Block;
}

const HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const ITEM = /^(?:[-*+]|\d{1,9}[.)])\s+/;
const QUOTE = /^>\s?/;
// "— Name", "-- Name", "~ Name": the line that credits a block quote.
const ATTRIBUTION = /^(?:—|–|--|-|~)\s*(\S.*)$/;
const LINK = /\[([^\][]*)\]\(\s*<?([^()\s<>]*)>?(?:\s+"[^"]*")?\s*\)/y;
const IMAGE_START = '!';
// The characters inline Markdown starts with.
const SPECIAL = /[\\[!*_`]/;
const LINK_PROTOCOL = /^(?:https?:\/\/|mailto:)/i;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
// Delimiters in the order they are tried at one position: the longer first.
const DELIMITERS = [
  { marker: '**', kind: 'strong' },
  { marker: '__', kind: 'strong' },
  { marker: '*', kind: 'emphasis' },
  { marker: '_', kind: 'emphasis' },
  { marker: '`', kind: 'code' },
] as const;

type LineKind = 'heading' | 'item' | 'quote' | 'text';

function lineKind(line: string): LineKind {
  const first = line.charCodeAt(0);
  // ASCII fast path: most lines start with a letter and are plain text.
  if (first === 35 /* # */ && HEADING.test(line)) return 'heading';
  if ((first === 45 || first === 42 || first === 43 || (first >= 48 && first <= 57)) && ITEM.test(line)) return 'item';
  if (first === 62 /* > */) return 'quote';
  return 'text';
}

/**
 * markdownBlocks returns the blocks of a group of lines (one blank-line
 * separated group of a Markdown body): a heading or list item per marked line,
 * a block quote per run of `>` lines, and paragraphs of the lines between.
 */
export function markdownBlocks(lines: readonly string[]): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let pending: { kind: 'item' | 'quote' | 'text'; lines: string[] } | null = null;
  const flush = () => {
    if (pending)
      blocks.push(pending.kind === 'quote' ? quoteBlock(pending.lines) : textBlock(pending.lines, pending.kind));
    pending = null;
  };
  for (const raw of lines) {
    const line = raw.trim();
    const kind = lineKind(line);
    if (kind === 'heading') {
      flush();
      const match = HEADING.exec(line);
      const inline = parseInline(match?.[2] ?? line);
      blocks.push({
        text: inline.text,
        block: withInline({ kind: 'heading', links: [], level: match?.[1]?.length ?? 2 }, inline),
      });
    } else if (kind === 'item') {
      flush();
      pending = { kind: 'item', lines: [line.replace(ITEM, '')] };
    } else if (kind === 'quote') {
      if (pending?.kind !== 'quote') flush();
      pending ??= { kind: 'quote', lines: [] };
      pending.lines.push(line.replace(QUOTE, ''));
    } else if (pending && pending.kind !== 'quote') {
      // A line under an item or a paragraph goes on with it (a "lazy" continuation line).
      pending.lines.push(line);
    } else {
      flush();
      pending = { kind: 'text', lines: [line] };
    }
  }
  flush();
  return blocks.filter((entry) => entry.text !== '');
}

function textBlock(lines: readonly string[], kind: 'item' | 'text'): MarkdownBlock {
  const inline = parseInline(lines.join(' '));
  return { text: inline.text, block: withInline({ kind: kind === 'item' ? 'item' : 'paragraph', links: [] }, inline) };
}

// The last line of a block quote names who said it when it starts with a dash: `> — Name`.
function quoteBlock(lines: readonly string[]): MarkdownBlock {
  const content = lines.map((line) => line.trim()).filter((line) => line !== '');
  const credit = content.length > 1 ? ATTRIBUTION.exec(content.at(-1) ?? '') : null;
  if (credit) content.pop();
  const inline = parseInline(content.join(' '));
  const attribution = credit?.[1] ? parseInline(credit[1]).text : null;
  return { text: inline.text, block: withInline({ kind: 'quote', links: [], attribution }, inline) };
}

function withInline(block: Block, inline: InlineText): Block {
  if (inline.links.length > 0) block.links = inline.links;
  if (inline.marks.length > 0) block.marks = inline.marks;
  return block;
}

/** Text with its inline Markdown read: the plain text, its marks and its links. */
export interface InlineText {
  text: string;
  marks: Mark[];
  links: Link[];
}

/**
 * parseInline returns `source` without its inline Markdown: `*em*`, `**strong**`,
 * `` `code` `` and `[text](url)` become marks and links on the plain text, and
 * backslash escapes their character. Marks do not nest: what is inside one is text.
 */
export function parseInline(source: string): InlineText {
  const marks: Mark[] = [];
  const links: Link[] = [];
  // Most lines hold no Markdown at all: one scan, and the line is its own text.
  if (!SPECIAL.test(source)) return { text: source, marks, links };
  const unclosed = new Set<string>();
  let text = '';
  let at = 0;
  // Text is appended a stretch at a time (up to the next special character): a string
  // built a character at a time costs more in garbage collection than the parse itself.
  const special = new RegExp(SPECIAL.source, 'g');
  while (at < source.length) {
    special.lastIndex = at;
    const next = special.exec(source)?.index ?? source.length;
    if (next > at) {
      text += source.slice(at, next);
      at = next;
      continue;
    }
    const character = source[at] ?? '';
    if (character === '\\' && ASCII_PUNCTUATION.test(source[at + 1] ?? '')) {
      text += source[at + 1];
      at += 2;
      continue;
    }
    if (character === '[' || (character === IMAGE_START && source[at + 1] === '[')) {
      const image = character === IMAGE_START;
      LINK.lastIndex = at + (image ? 1 : 0);
      const link = LINK.exec(source);
      if (link) {
        const label = unescapeMarkdown(link[1] ?? '');
        const href = link[2] ?? '';
        // Images have no place in a terminal; their alt text is kept only as plain text.
        if (!image && label !== '' && LINK_PROTOCOL.test(href) && /^[\x21-\x7e]+$/.test(href)) {
          links.push({ text: label, href, start: text.length });
        }
        text += label;
        at = LINK.lastIndex;
        continue;
      }
    }
    const span = delimitedSpan(source, at, unclosed);
    if (span) {
      const inner = span.kind === 'code' ? span.inner : unescapeMarkdown(span.inner);
      marks.push({ kind: span.kind, start: text.length, end: text.length + inner.length });
      text += inner;
      at = span.next;
      continue;
    }
    text += character;
    at++;
  }
  return { text, marks, links };
}

// The emphasis, strong or code span that opens at `at`, if it closes in `source`.
function delimitedSpan(
  source: string,
  at: number,
  unclosed: Set<string>,
): { kind: Mark['kind']; inner: string; next: number } | null {
  const character = source[at];
  if (character !== '*' && character !== '_' && character !== '`') return null;
  for (const { marker, kind } of DELIMITERS) {
    if (!source.startsWith(marker, at) || unclosed.has(marker)) continue;
    const after = source[at + marker.length] ?? ' ';
    if (after === ' ' || after === marker[0]) continue;
    // Intraword underscores (snake_case) are text, as CommonMark reads them.
    if (marker[0] === '_' && /[\p{L}\p{N}]/u.test(source[at - 1] ?? '')) continue;
    const close = closingDelimiter(source, at + marker.length, marker);
    if (close < 0) {
      unclosed.add(marker);
      continue;
    }
    return { kind, inner: source.slice(at + marker.length, close), next: close + marker.length };
  }
  return null;
}

// The offset of the marker that closes a span opened before `from`: not after a space, and for
// single markers not part of a double one; -1 when none follows.
function closingDelimiter(source: string, from: number, marker: string): number {
  for (let at = source.indexOf(marker, from + 1); at >= 0; at = source.indexOf(marker, at + 1)) {
    if (marker === '`') return at;
    if (source[at - 1] === ' ' || source[at - 1] === '\\') continue;
    if (marker.length === 1 && source[at + 1] === marker) {
      at++;
      continue;
    }
    if (marker[0] === '_' && /[\p{L}\p{N}]/u.test(source[at + marker.length] ?? '')) continue;
    return at;
  }
  return -1;
}

function unescapeMarkdown(text: string): string {
  return text.includes('\\') ? text.replace(/\\([!-/:-@[-`{-~])/g, '$1') : text;
}
