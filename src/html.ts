import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeHtml } from './decode.js';
import { NewsReadError } from './errors.js';
import { buildSentences, countWords, findDateline } from './parse.js';
import { stripControls } from './sanitize.js';
import type { Article, Block, BlockKind, Link } from './types.js';

// HTML pages → Article: Mozilla's Readability finds the story in a linkedom
// document (a DOM without a browser: it never loads or runs the page's scripts),
// then the story's elements become paragraphs with their kind and links.

/** Options for parseHtml. */
export interface HtmlOptions {
  /** The page's address, to resolve relative links and name the source; null for files and stdin. */
  url: string | null;
  /** What to call the input in messages: a path, a URL or "standard input". */
  name: string;
}

/** An article read from a page, with the warnings met on the way. */
export interface HtmlArticle {
  article: Article;
  warnings: string[];
}

interface Collected {
  text: string;
  kind: BlockKind;
  links: Link[];
}

interface Segment {
  text: string;
  href: string | null;
}

// Minimal shapes of the linkedom nodes walked here (the project builds without the DOM lib).
interface PageNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<PageNode>;
}
interface PageElement extends PageNode {
  localName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
}
interface PageDocument {
  title: string;
  documentElement: PageElement | null;
  body: PageElement | null;
  querySelector(selector: string): PageElement | null;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
  ...HEADINGS,
]);
// Never text for a reader: code, styles, embedded media and form controls.
const SKIPPED = new Set([
  'audio',
  'button',
  'canvas',
  'embed',
  'head',
  'iframe',
  'img',
  'input',
  'link',
  'math',
  'meta',
  'noscript',
  'object',
  'option',
  'picture',
  'script',
  'select',
  'source',
  'style',
  'svg',
  'template',
  'textarea',
  'video',
]);
// Page furniture left out when a page is not an article and its whole body is read.
const FURNITURE = new Set(['nav', 'footer']);
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
// Soft hyphens and zero-width spaces only mark where a browser may break a line;
// private-use characters are icon-font glyphs, and the renderers use that range as marks.
const INVISIBLE = /[\u00ad\u200b\ue000-\uf8ff]/g;

/**
 * parseHtml returns the article in an HTML page: Readability's pick of the
 * story, or, when the page does not read as an article, all of its body text
 * with a warning. Throws NewsReadError('NO_PARAGRAPHS') when there is no text.
 */
export function parseHtml(html: string, options: HtmlOptions): HtmlArticle {
  const { document } = parseHTML(html) as unknown as { document: PageDocument };
  const warnings: string[] = [];
  const base = baseUrl(document, options.url);
  // Readability takes the elements it keeps out of the document, so read what it may lose first.
  const time = document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  const language = cleanText(document.documentElement?.getAttribute('lang') ?? '') || null;
  const readerable = isProbablyReaderable(document as never);
  // Readability's pick from a page that is not a story is one arbitrary part of it: such a page shows its whole body.
  const wholeBody = readerable ? null : bodyBlocks(document, base);
  const result = new Readability<PageElement>(document as never, {
    serializer: (node) => node as unknown as PageElement,
  }).parse();

  let collected = readerable && result?.content ? collectBlocks(result.content, base, false) : [];
  if (collected.length === 0) {
    warnings.push(`${options.name}: this page does not read as an article; showing all the text found on it`);
    collected = wholeBody ?? bodyBlocks((parseHTML(html) as unknown as { document: PageDocument }).document, base);
  }

  const title = cleanText(result?.title || document.title) || null;
  let byline = cleanText(result?.byline ?? '') || null;
  collected = dropRepeatedHeader(collected, title, byline);
  if (collected.length === 0)
    throw new NewsReadError('NO_PARAGRAPHS', `${options.name}: found no text to show on the page`);

  let role: string | null = null;
  if (byline) ({ byline, role } = splitByline(byline));
  const source = cleanText(result?.siteName ?? '') || hostName(options.url);
  const date = shortDate(result?.publishedTime ?? time);
  return {
    article: buildArticle(collected, {
      title,
      byline,
      role,
      source,
      date,
      language: cleanText(result?.lang ?? '') || language,
    }),
    warnings,
  };
}

function bodyBlocks(document: PageDocument, base: URL | null): Collected[] {
  return document.body ? collectBlocks(document.body, base, true) : [];
}

interface PageMeta {
  title: string | null;
  byline: string | null;
  role: string | null;
  source: string | null;
  date: string | null;
  language: string | null;
}

function buildArticle(collected: Collected[], meta: PageMeta): Article {
  const paragraphs = collected.map((block) => block.text);
  const blocks: Block[] = collected.map(({ kind, links }) => ({ kind, links }));
  // A "CITY — " opening is found the way it is for text articles.
  const { dateline, length: datelineLength } =
    collected[0]!.kind === 'paragraph' ? findDateline(paragraphs[0]!) : { dateline: null, length: 0 };
  const sentences = buildSentences(paragraphs, datelineLength);
  return {
    slug: null,
    title: meta.title,
    byline: meta.byline,
    role: meta.role,
    dateline,
    source: meta.source,
    date: meta.date,
    contact: null,
    paragraphs,
    datelineLength,
    sentences,
    words: countWords(paragraphs, datelineLength),
    blocks,
    language: meta.language,
  };
}

/**
 * collectBlocks returns the text blocks under `root` in reading order: each
 * block element's own text with whitespace collapsed, its kind (the innermost
 * heading, list item or block quote around it), and its links.
 */
function collectBlocks(root: PageElement, base: URL | null, skipFurniture: boolean): Collected[] {
  const blocks: Collected[] = [];
  let segments: Segment[] = [];
  const flush = (kind: BlockKind) => {
    const block = joinSegments(segments, kind);
    segments = [];
    if (block) blocks.push(block);
  };
  const visit = (node: PageNode, kind: BlockKind, href: string | null) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        segments.push({ text: child.textContent ?? '', href });
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const element = child as PageElement;
      const name = element.localName;
      if (
        SKIPPED.has(name) ||
        isHidden(element) ||
        (skipFurniture && (FURNITURE.has(name) || element.getAttribute('role') === 'navigation'))
      )
        continue;
      if (name === 'br') {
        segments.push({ text: ' ', href });
      } else if (name === 'a') {
        visit(element, kind, href ?? linkTarget(element, base));
      } else if (name === 'td' || name === 'th') {
        if (segments.some((segment) => segment.text.trim() !== '')) segments.push({ text: ' | ', href: null });
        visit(element, kind, href);
      } else if (BLOCKS.has(name)) {
        flush(kind);
        const inner: BlockKind = HEADINGS.has(name)
          ? 'heading'
          : name === 'li' || name === 'dd'
            ? 'item'
            : name === 'blockquote'
              ? 'quote'
              : kind;
        visit(element, inner, href);
        flush(inner);
      } else {
        visit(element, kind, href);
      }
    }
  };
  visit(root, 'paragraph', null);
  flush('paragraph');
  return blocks;
}

// Joins a block's text pieces, collapsing white space, and records where each link's text lands.
function joinSegments(segments: readonly Segment[], kind: BlockKind): Collected | null {
  let text = '';
  let space = false;
  const links: Link[] = [];
  let open = null as { href: string; start: number; end: number } | null;
  const close = () => {
    if (open && open.end > open.start)
      links.push({ text: text.slice(open.start, open.end), href: open.href, start: open.start });
    open = null;
  };
  for (const segment of segments) {
    if (segment.href !== (open?.href ?? null)) {
      close();
      if (segment.href) open = { href: segment.href, start: -1, end: -1 };
    }
    for (const character of cleanPiece(segment.text)) {
      if (/\s/.test(character)) {
        space = text !== '';
        continue;
      }
      if (space) text += ' ';
      space = false;
      if (open && open.start < 0) open.start = text.length;
      text += character;
      if (open) open.end = text.length;
    }
  }
  close();
  return text === '' ? null : { text, kind, links };
}

function cleanPiece(text: string): string {
  return stripControls(text).replace(INVISIBLE, '');
}

function cleanText(text: string): string {
  return cleanPiece(text).replace(/\s+/g, ' ').trim();
}

function isHidden(element: PageElement): boolean {
  return (
    element.hasAttribute('hidden') ||
    element.getAttribute('aria-hidden') === 'true' ||
    /display\s*:\s*none|visibility\s*:\s*hidden/i.test(element.getAttribute('style') ?? '')
  );
}

// The page's own <base href>, resolved against its address; null when links cannot be made absolute.
function baseUrl(document: PageDocument, url: string | null): URL | null {
  const page = url ? safeUrl(url, undefined) : null;
  const declared = document.querySelector('base[href]')?.getAttribute('href');
  return (declared ? safeUrl(declared.trim(), page ?? undefined) : null) ?? page;
}

function safeUrl(href: string, base: URL | undefined): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

/**
 * linkTarget returns the anchor's absolute target if a reader can follow it
 * from a terminal: http, https or mailto, printable ASCII (the URL parser
 * percent-encodes control characters), and not a jump within the same page.
 */
function linkTarget(anchor: PageElement, base: URL | null): string | null {
  const raw = anchor.getAttribute('href')?.trim();
  if (!raw || raw.startsWith('#')) return null;
  const url = safeUrl(raw, base ?? undefined);
  if (!url || !LINK_PROTOCOLS.has(url.protocol)) return null;
  if (base && url.hash && url.href.split('#')[0] === base.href.split('#')[0]) return null;
  return /^[\x21-\x7e]+$/.test(url.href) ? url.href : null;
}

// Readability may keep the headline and a "By …" line at the top of the story; the header shows them already.
function dropRepeatedHeader(blocks: Collected[], title: string | null, byline: string | null): Collected[] {
  let start = 0;
  while (start < blocks.length - 1 && start < 3) {
    const text = blocks[start]!.text;
    const isTitle = title !== null && text.toLowerCase() === title.toLowerCase();
    const isByline =
      /^by\s/i.test(text) &&
      text.split(/\s+/).length <= 8 &&
      (byline === null || text.includes(byline.replace(/^by\s+/i, '')));
    if (!isTitle && !isByline) break;
    start++;
  }
  return blocks.slice(start);
}

// "By Jonas Ferrand, Science Correspondent" → byline "Jonas Ferrand", role "Science Correspondent".
function splitByline(text: string): { byline: string; role: string | null } {
  const match = /^(?:by\s+)?([^,]+?)(?:,\s*([^,]{1,60}))?$/i.exec(text);
  if (!match) return { byline: text, role: null };
  return { byline: match[1]!, role: match[2] ?? null };
}

// "2026-03-14T08:30:00Z" → "2026-03-14": the meta line shows a day, not an instant.
function shortDate(value: string | null): string | null {
  const text = cleanText(value ?? '');
  if (text === '') return null;
  return /^\d{4}-\d{2}-\d{2}(?:[T ]|$)/.test(text) ? text.slice(0, 10) : text.slice(0, 60);
}

function hostName(url: string | null): string | null {
  const parsed = url ? safeUrl(url, undefined) : null;
  return parsed?.hostname.replace(/^www\./, '') || null;
}

// The one decode step lives in decode.ts; html.ts keeps its name for its callers.
export { decodeHtml };

/** readHtml returns the article in a page read from a file or standard input (no address, so relative links are dropped). */
export function readHtml(bytes: Uint8Array, name: string): HtmlArticle {
  const page = decodeHtml(bytes, null, name);
  const result = parseHtml(page.text, { url: null, name });
  return { article: result.article, warnings: [...page.warnings, ...result.warnings] };
}
