import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeHtml } from './decode.js';
import { NewsReadError } from './errors.js';
import {
  ELEMENT_NODE,
  elementsOf,
  normalSpace,
  type PageDocument,
  type PageElement,
  type PageNode,
  surveyed,
  surveyPage,
  TEXT_NODE,
} from './html-dom.js';
import {
  chooseTitle,
  dateInLine,
  isBylineLine,
  joinNames,
  parseBylineLine,
  readPageFacts,
  shortDate,
  splitNames,
} from './html-meta.js';
import {
  ATTRIBUTION_ATTRIBUTE,
  CAPTION_ATTRIBUTE,
  judgeStory,
  keepQuoteSources,
  protectCaptions,
  protectEmbeddedPosts,
  removeFurniture,
  stripInertMarkup,
} from './html-rules.js';
import { buildSentences, countWords, findDateline } from './parse.js';
import { stripControls } from './sanitize.js';
import type { Article, Block, BlockKind, Link, Mark } from './types.js';

// HTML pages → Article, in reader mode (docs/reader-mode.md):
// 1. inert markup (scripts, styles, SVG, comments) is cut before the DOM parse;
// 2. linkedom parses the rest (a DOM without a browser: nothing is loaded or run);
// 3. metadata is read from structured data first, and the byline line taken out;
// 4. named rules protect what Readability would drop (embedded posts, quote
//    sources, captions), Readability picks the story, and named rules remove the
//    furniture it keeps (timestamps, tags, share bars, comment notices, link lists);
// 5. if the pick is not a story (too few words, mostly links), the page's text is shown instead;
// 6. the story's elements become blocks: text, kind, links, emphasis, heading level, attribution.

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
  marks: Mark[];
  level?: number;
  attribution?: string | null;
}

type MarkKind = Mark['kind'];

interface Segment {
  text: string;
  href: string | null;
  mark: MarkKind | null;
}

/** Where the walk is: the block kind around it, the link and emphasis it is inside. */
interface WalkState {
  kind: BlockKind;
  href: string | null;
  mark: MarkKind | null;
  level?: number;
  attribution?: string | null;
}

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
// Inline elements that become Block.marks.
const MARK_KINDS: Record<string, MarkKind> = {
  em: 'emphasis',
  i: 'emphasis',
  cite: 'emphasis',
  strong: 'strong',
  b: 'strong',
  code: 'code',
  kbd: 'code',
  samp: 'code',
};
// Page furniture left out when a page is not an article and its whole body is read.
const FURNITURE = new Set(['nav', 'footer']);
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
// Soft hyphens and zero-width spaces only mark where a browser may break a line;
// private-use characters are icon-font glyphs, and the renderers use that range as marks.
const INVISIBLE = /[\u00ad\u200b\ue000-\uf8ff]/g;

/**
 * Readability's options. charThreshold: a story of MIN_STORY_WORDS words is about
 * 250 characters, and Readability's default of 500 makes it retry without its
 * "unlikely candidate" filter on short stories, which then picks a container with
 * the menus in it. The serializer hands back the element itself, not HTML to parse again.
 */
const READABILITY_OPTIONS = {
  charThreshold: 250,
  nbTopCandidates: 5,
  keepClasses: false,
  // The metadata comes from html-meta.ts, with JSON-LD read before the scripts are cut.
  disableJSONLD: true,
  serializer: (node: unknown) => node as PageElement,
};

/** How many leading paragraphs may come before a "CITY — " dateline (a standfirst, a photo caption). */
const DATELINE_SEARCH_BLOCKS = 3;

/**
 * parseHtml returns the article in an HTML page: Readability's pick of the
 * story, cleaned by the named rules, or, when that pick is not a story, all of
 * the page's body text with a warning. Throws NewsReadError('NO_PARAGRAPHS') when there is no text.
 */
export function parseHtml(html: string, options: HtmlOptions): HtmlArticle {
  const page = stripInertMarkup(html);
  const document = parseDocument(page.html);
  const warnings: string[] = [];
  const survey = surveyPage(document);
  const base = baseUrl(surveyed(survey, 'base').find((element) => element.hasAttribute('href')) ?? null, options.url);
  const language = cleanText(document.documentElement?.getAttribute('lang') ?? '') || null;
  const facts = readPageFacts(survey, page.jsonLd);
  normaliseTitleElement(surveyed(survey, 'title')[0] ?? null);
  protectEmbeddedPosts(document, survey);
  keepQuoteSources(survey);
  protectCaptions(document, survey);
  const result = runReadability(document);

  const content = result?.content ?? null;
  const removals = content ? removeFurniture(content) : [];
  const verdict = judgeStory(content);
  let collected: Collected[];
  if (content && verdict.usable) {
    collected = dropTrailingHeadings(dropRepeatedCaptions(collectBlocks(content, base, false)));
  } else {
    warnings.push(`${options.name}: this page does not read as an article; showing all the text found on it`);
    // Readability has taken the story's elements out of the document: read the page again.
    const whole = parseDocument(page.html);
    collected = whole.body ? collectBlocks(whole.body, base, true) : [];
  }

  const title = chooseTitle(result?.title ?? document.title, facts.headlines);
  const fromLine = facts.bylineLine ? parseBylineLine(facts.bylineLine) : { authors: [], role: null };
  const fromReadability = result?.byline ? parseBylineLine(result.byline) : { authors: [], role: null };
  const authors = facts.structuredAuthors.length
    ? facts.structuredAuthors
    : fromLine.authors.length
      ? fromLine.authors
      : fromReadability.authors.length
        ? fromReadability.authors
        : splitNames(result?.byline ?? '');
  const byline = joinNames(authors.map(cleanText).filter(Boolean));
  collected = dropRepeatedHeader(collected, title, authors);
  if (collected.length === 0)
    throw new NewsReadError('NO_PARAGRAPHS', `${options.name}: found no text to show on the page`);

  const source = cleanText(result?.siteName ?? '') || cleanText(facts.publisher ?? '') || hostName(options.url);
  const date =
    shortDate(facts.date) ??
    shortDate(result?.publishedTime ?? null) ??
    dateInLine(facts.bylineLine ?? result?.byline ?? null) ??
    // Last, the text of a timestamp line that the furniture rules took out of the story.
    dateInLine(removals.find((removal) => removal.rule === 'timestamp')?.text ?? null);
  const role = fromLine.role ?? fromReadability.role;
  const article = buildArticle(collected, {
    title: title ? cleanText(title) : null,
    byline,
    role: role ? cleanText(role) : null,
    source,
    date: date ? cleanText(date) : null,
    language: language ?? (cleanText(result?.lang ?? '') || null),
  });
  if (authors.length > 0) article.authors = authors.map(cleanText).filter(Boolean);
  return { article, warnings };
}

function parseDocument(html: string): PageDocument {
  return (parseHTML(html) as unknown as { document: PageDocument }).document;
}

// Readability splits "Headline | Site" on the separator with a regular expression
// that stops at a line break: a <title> written over two lines kept its site suffix.
function normaliseTitleElement(element: PageElement | null): void {
  if (element) element.textContent = normalSpace(element.textContent ?? '');
}

/** The parts of Readability's result that the reader uses; content is the element itself (see READABILITY_OPTIONS). */
interface ReadabilityResult {
  title?: string | null;
  byline?: string | null;
  content?: PageElement | null;
  siteName?: string | null;
  publishedTime?: string | null;
  lang?: string | null;
}

/**
 * runReadability runs Readability with one method replaced: it finds elements by
 * tag with querySelectorAll, which linkedom answers by running a CSS selector
 * engine over the whole subtree; a plain walk gives the same elements in the
 * same (document) order several times faster. test/html.test.ts checks that the
 * result is the same with and without it.
 */
export function runReadability(document: PageDocument, fastTagSearch = true): ReadabilityResult | null {
  const reader = new Readability(document as never, READABILITY_OPTIONS as never) as unknown as {
    _getAllNodesWithTag?: unknown;
    parse(): ReadabilityResult | null;
  };
  if (fastTagSearch && typeof reader._getAllNodesWithTag === 'function') reader._getAllNodesWithTag = elementsWithTags;
  return reader.parse();
}

// Readability passes tag names in upper or lower case; the walk compares local names.
// One tag is linkedom's getElementsByTagName, a single loop over the node list.
function elementsWithTags(node: PageElement, tagNames: readonly string[]): PageElement[] {
  const [only] = tagNames;
  if (tagNames.length === 1 && only !== undefined) return elementsOf(node.getElementsByTagName(only.toLowerCase()));
  const wanted = new Set(tagNames.map((name) => name.toLowerCase()));
  const found: PageElement[] = [];
  const visit = (element: PageElement) => {
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
      if (wanted.has(child.localName)) found.push(child);
      visit(child);
    }
  };
  visit(node);
  return found;
}

interface PageMeta {
  title: string | null;
  byline: string | null;
  role: string | null;
  source: string | null;
  date: string | null;
  language: string | null;
}

function buildArticle(input: Collected[], meta: PageMeta): Article {
  const collected = [...input];
  // A "CITY — " opening is found the way it is for text articles; after a standfirst
  // it is taken out of its paragraph, since only the first paragraph can hold a dateline prefix.
  let dateline: string | null = null;
  let datelineLength = 0;
  const found = findDatelineBlock(collected);
  if (found) {
    dateline = found.dateline;
    if (found.index === 0) datelineLength = found.length;
    else collected[found.index] = dropPrefix(found.block, found.length);
  }
  const paragraphs = collected.map((block) => block.text);
  const blocks: Block[] = collected.map(toBlock);
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

function toBlock({ kind, links, marks, level, attribution }: Collected): Block {
  const block: Block = { kind, links };
  if (marks.length > 0) block.marks = marks;
  if (level !== undefined) block.level = level;
  if (attribution) block.attribution = attribution;
  return block;
}

// The first of the leading paragraphs that opens with "CITY — ", before any subheading.
function findDatelineBlock(
  collected: readonly Collected[],
): { index: number; block: Collected; dateline: string; length: number } | null {
  for (let index = 0; index < Math.min(DATELINE_SEARCH_BLOCKS, collected.length); index++) {
    const block = collected[index];
    if (!block || block.kind === 'heading') return null;
    if (block.kind !== 'paragraph') continue;
    const { dateline, length } = findDateline(block.text);
    if (dateline) return { index, block, dateline, length };
  }
  return null;
}

// The block without its first `length` characters, links and marks moved to match.
function dropPrefix(block: Collected, length: number): Collected {
  return {
    ...block,
    text: block.text.slice(length),
    links: block.links.filter((link) => link.start >= length).map((link) => ({ ...link, start: link.start - length })),
    marks: block.marks
      .filter((mark) => mark.start >= length)
      .map((mark) => ({ ...mark, start: mark.start - length, end: mark.end - length })),
  };
}

/**
 * collectBlocks returns the text blocks under `root` in reading order: each
 * block element's own text with whitespace collapsed, its kind (the innermost
 * heading, list item, block quote or caption around it), its links and emphasis,
 * a heading's level and a block quote's attribution.
 */
function collectBlocks(root: PageElement, base: URL | null, skipFurniture: boolean): Collected[] {
  const blocks: Collected[] = [];
  let segments: Segment[] = [];
  const flush = (state: WalkState) => {
    const block = joinSegments(segments, state);
    segments = [];
    if (block) blocks.push(block);
  };
  const visit = (node: PageNode, state: WalkState) => {
    for (const child of elementsOf(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        segments.push({ text: child.textContent ?? '', href: state.href, mark: state.mark });
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
        segments.push({ text: ' ', href: state.href, mark: null });
      } else if (name === 'a') {
        visit(element, { ...state, href: state.href ?? linkTarget(element, base) });
      } else if (name === 'td' || name === 'th') {
        if (segments.some((segment) => segment.text.trim() !== ''))
          segments.push({ text: ' | ', href: null, mark: null });
        visit(element, state);
      } else if (BLOCKS.has(name)) {
        flush(state);
        const inner = blockState(element, state);
        visit(element, inner);
        flush(inner);
      } else {
        const mark = MARK_KINDS[name];
        // Emphasis inside emphasis stays one mark: marks do not overlap.
        visit(element, mark && !state.mark ? { ...state, mark } : state);
      }
    }
  };
  visit(root, { kind: 'paragraph', href: null, mark: null });
  flush({ kind: 'paragraph', href: null, mark: null });
  return blocks;
}

// The kind, level and attribution that a block element gives the text inside it.
function blockState(element: PageElement, outer: WalkState): WalkState {
  const name = element.localName;
  const base = { href: outer.href, mark: null };
  if (HEADINGS.has(name)) return { ...base, kind: 'heading', level: Number(name.slice(1)) };
  if (element.hasAttribute(CAPTION_ATTRIBUTE) || name === 'figcaption') return { ...base, kind: 'caption' };
  if (name === 'li' || name === 'dd')
    return { ...base, kind: outer.kind === 'quote' ? 'quote' : 'item', attribution: outer.attribution };
  if (name === 'blockquote')
    return {
      ...base,
      kind: 'quote',
      attribution: cleanText(element.getAttribute(ATTRIBUTION_ATTRIBUTE) ?? '') || null,
    };
  return { ...base, kind: outer.kind, level: outer.level, attribution: outer.attribution };
}

// Joins a block's text pieces, collapsing white space, and records where each link's and mark's text lands.
function joinSegments(segments: readonly Segment[], state: WalkState): Collected | null {
  let text = '';
  let space = false;
  const links: Link[] = [];
  const marks: Mark[] = [];
  let open = null as { href: string; start: number; end: number } | null;
  let mark = null as { kind: MarkKind; start: number; end: number } | null;
  const close = () => {
    if (open && open.end > open.start)
      links.push({ text: text.slice(open.start, open.end), href: open.href, start: open.start });
    open = null;
  };
  const closeMark = () => {
    if (mark && mark.end > mark.start) marks.push({ kind: mark.kind, start: mark.start, end: mark.end });
    mark = null;
  };
  for (const segment of segments) {
    if (segment.href !== (open?.href ?? null)) {
      close();
      if (segment.href) open = { href: segment.href, start: -1, end: -1 };
    }
    if (segment.mark !== (mark?.kind ?? null)) {
      closeMark();
      if (segment.mark) mark = { kind: segment.mark, start: -1, end: -1 };
    }
    // Whole pieces, not character by character: this loop sees every character of the story.
    let piece = cleanPiece(segment.text).replace(WHITESPACE_RUN, ' ');
    if (piece.startsWith(' ')) {
      space = text !== '';
      piece = piece.slice(1);
    }
    if (piece === '') continue;
    const trailingSpace = piece.endsWith(' ');
    if (trailingSpace) piece = piece.slice(0, -1);
    if (space) text += ' ';
    if (open && open.start < 0) open.start = text.length;
    if (mark && mark.start < 0) mark.start = text.length;
    text += piece;
    if (open) open.end = text.length;
    if (mark) mark.end = text.length;
    space = trailingSpace;
  }
  close();
  closeMark();
  if (text === '') return null;
  const block: Collected = { text, kind: state.kind, links, marks };
  if (state.kind === 'heading' && state.level !== undefined) block.level = state.level;
  if (state.kind === 'quote' && state.attribution) block.attribution = state.attribution;
  return block;
}

const WHITESPACE_RUN = /\s+/g;

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
function baseUrl(baseElement: PageElement | null, url: string | null): URL | null {
  const page = url ? safeUrl(url, undefined) : null;
  const declared = baseElement?.getAttribute('href');
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

// A caption that a gallery or a lightbox repeats is kept the first time only.
function dropRepeatedCaptions(blocks: readonly Collected[]): Collected[] {
  const seen = new Set<string>();
  return blocks.filter((block) => {
    if (block.kind !== 'caption') return true;
    const key = block.text.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// A subheading with nothing after it introduced a box that the furniture rules removed ("More from us").
function dropTrailingHeadings(blocks: Collected[]): Collected[] {
  let end = blocks.length;
  while (end > 1 && blocks[end - 1]?.kind === 'heading') end--;
  return blocks.slice(0, end);
}

const MAX_BYLINE_WORDS = 12;
const HEADER_BLOCKS = 3;

// Readability may keep the headline and a "By …" line at the top of the story; the header shows them already.
function dropRepeatedHeader(blocks: Collected[], title: string | null, authors: readonly string[]): Collected[] {
  let start = 0;
  while (start < blocks.length - 1 && start < HEADER_BLOCKS) {
    const text = blocks[start]?.text ?? '';
    const isTitle = title !== null && text.toLowerCase() === title.toLowerCase();
    const isByline =
      /^by\s/i.test(text) &&
      text.split(/\s+/).length <= MAX_BYLINE_WORDS &&
      (authors.length === 0 ? isBylineLine(text) : authors.some((author) => text.includes(author)));
    if (!isTitle && !isByline) break;
    start++;
  }
  return blocks.slice(start);
}

function hostName(url: string | null): string | null {
  const parsed = url ? safeUrl(url, undefined) : null;
  return parsed?.hostname.replace(/^www\./, '') || null;
}

/** readHtml returns the article in a page read from a file or standard input (no address, so relative links are dropped). */
export function readHtml(bytes: Uint8Array, name: string): HtmlArticle {
  const page = decodeHtml(bytes, null, name);
  const result = parseHtml(page.text, { url: null, name });
  return { article: result.article, warnings: [...page.warnings, ...result.warnings] };
}
