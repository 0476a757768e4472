import { NewsReadError } from './errors.js';
import { markdownBlocks, parseInline } from './markdown.js';
import { splitSentences } from './sentences.js';
import type { Article, ArticleMeta, Block, Sentence } from './types.js';

/** Options for parseArticle: the slug of a bundled article, if it is one, and whether the text is Markdown. */
export interface ParseOptions {
  slug?: string | null;
  /** True for a `.md` file or a text/markdown page; front matter or a `# Headline` say so too. */
  markdown?: boolean;
}

interface Paragraph {
  text: string;
  /** Offsets of the spaces that replaced line breaks inside the paragraph. */
  breaks: number[];
  /** Its Markdown structure; absent for text articles. */
  block?: Block;
}

type Metadata = Omit<ArticleMeta, 'slug' | 'words' | 'authors'>;

const EMAIL = /^(?:e-?mail:\s*)?<?([\w.+-]+@([\w-]+(?:\.[\w-]+)+))>?$/i;
// "BEIRUT // ", "LONDON — ", "NEW YORK, Oct 14 (Reuters) - ": a capitalised place, then a separator.
const DATELINE =
  /^((?:\p{Lu}[\p{Lu}'’.-]*)(?: \p{Lu}[\p{Lu}'’.-]*){0,3})(?:,[^\n/—–]{1,40}?)?\s*(?:\([^)\n]{1,40}\)\s*)?(?:\/\/|—|–|--|-)\s+/u;
// The same with ASCII capitals. A \p{…} class costs milliseconds to compile on first use, and
// most datelines are ASCII; the Unicode form runs only when the opening holds a non-ASCII letter.
const ASCII_DATELINE =
  /^((?:[A-Z][A-Z'’.-]*)(?: [A-Z][A-Z'’.-]*){0,3})(?:,[^\n/—–]{1,40}?)?\s*(?:\([^)\n]{1,40}\)\s*)?(?:\/\/|—|–|--|-)\s+/;
// Latin-1 and Latin Extended letters, Greek and Cyrillic: what a non-ASCII place name starts or goes on with.
const NON_ASCII_LETTER = /[\u00c0-\u024f\u0370-\u04ff]/;
const DATELINE_REACH = 80;
const TERMINAL = /[.!?…:]["'”’)\]]*$/;
// Only the opening of an ATX heading: headingTitle trims the closing hashes, which a
// lazy `(.+?)\s*#*$` would do in quadratic time on a long line of spaces or hashes.
const HEADING = /^#{1,6}\s+/;

/**
 * parseArticle turns article text into the Article model. It reads three
 * layouts: wire text (byline and role lines, a `CITY // ` dateline, one
 * paragraph per line, a closing e-mail line), headline first (a headline, a
 * blank line, blank-line separated paragraphs), and Markdown (front matter,
 * `# Headline`). Throws NewsReadError('NO_PARAGRAPHS') when there is no body.
 */
export function parseArticle(input: string, options: ParseOptions = {}): Article {
  const normalized = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const { metadata: frontMatter, body } = splitFrontMatter(normalized);
  const metadata: Metadata = {
    title: null,
    byline: null,
    role: null,
    dateline: null,
    source: null,
    date: null,
    contact: null,
  };

  // trimEnd, not /\s+$/: that regular expression is quadratic in a long run of inner whitespace.
  let lines = body.split('\n').map((line) => line.trimEnd());
  lines = trimBlankLines(lines);

  let markdown = options.markdown === true || normalized.length !== body.length;
  const heading = headingTitle(lines[0] ?? '');
  if (heading !== null) {
    // The headline keeps its words, not its Markdown: "# Strike ends at *4.99 per cent*".
    metadata.title = parseInline(heading).text;
    markdown = true;
    lines = trimBlankLines(lines.slice(1));
  } else if (startsWithHeadline(lines)) {
    metadata.title = (lines[0] ?? '').trim();
    lines = trimBlankLines(lines.slice(1));
  }

  lines = takeHeaderLines(lines, metadata);
  lines = takeContactLine(lines, metadata);

  const paragraphs = formParagraphs(lines, markdown);
  if (paragraphs.length === 0) {
    throw new NewsReadError('NO_PARAGRAPHS', 'the article has no paragraphs to show');
  }

  const { dateline, length: datelineLength } = findDateline(paragraphs[0]?.text ?? '');
  metadata.dateline = dateline;

  Object.assign(metadata, frontMatter);
  metadata.source ??= sourceFromContact(metadata.contact);

  const texts = paragraphs.map((paragraph) => paragraph.text);
  const blocks = structureOf(paragraphs);
  const article: Article = {
    slug: options.slug ?? null,
    ...metadata,
    paragraphs: texts,
    datelineLength,
    sentences: [],
    words: countWords(texts, datelineLength),
    ...(blocks ? { blocks } : {}),
  };
  // Sentences are built on first use: the full and list views never read them, and on 5 MB they cost ~100 ms.
  let sentences: Sentence[] | undefined;
  Object.defineProperty(article, 'sentences', {
    enumerable: true,
    configurable: true,
    get: () =>
      (sentences ??= buildSentences(
        texts,
        datelineLength,
        paragraphs.map((paragraph) => paragraph.breaks),
      )),
    set: (value: Sentence[]) => {
      sentences = value;
    },
  });
  return article;
}

// The blocks of a Markdown article, or none when every block is a plain paragraph (text articles, the seed).
function structureOf(paragraphs: readonly Paragraph[]): Block[] | undefined {
  const structured = paragraphs.some(
    ({ block }) => block && (block.kind !== 'paragraph' || block.links.length > 0 || block.marks),
  );
  return structured ? paragraphs.map(({ block }) => block ?? { kind: 'paragraph', links: [] }) : undefined;
}

/** findDateline returns the place of a "CITY // " or "CITY — " opening and the length of that prefix; null and 0 if there is none. */
export function findDateline(paragraph: string): { dateline: string | null; length: number } {
  const match =
    ASCII_DATELINE.exec(paragraph) ??
    (NON_ASCII_LETTER.test(paragraph.slice(0, DATELINE_REACH)) ? DATELINE.exec(paragraph) : null);
  if (!match || paragraph.length <= match[0].length) return { dateline: null, length: 0 };
  return { dateline: match[1] ?? null, length: match[0].length };
}

/**
 * buildSentences returns the sentences of the paragraphs, numbered over the
 * whole article; the first paragraph's dateline prefix is skipped, and
 * `breaks` (joined line breaks per paragraph) may end sentences.
 */
export function buildSentences(
  paragraphs: readonly string[],
  datelineLength: number,
  breaks: readonly (readonly number[])[] = [],
): Sentence[] {
  const sentences: Sentence[] = [];
  paragraphs.forEach((text, paragraph) => {
    for (const span of splitSentences(text, paragraph === 0 ? datelineLength : 0, breaks[paragraph] ?? [])) {
      sentences.push({ text: text.slice(span.start, span.end), index: sentences.length, paragraph, start: span.start });
    }
  });
  return sentences;
}

/** articleMeta returns the article's metadata as the JSON contract names it. */
export function articleMeta(article: Article): ArticleMeta {
  const { slug, title, byline, role, dateline, source, date, contact, words } = article;
  // Pages read from HTML also say their language and every author; text articles keep the contract's keys alone.
  return {
    slug,
    title,
    byline,
    role,
    dateline,
    source,
    date,
    contact,
    words,
    ...(article.language ? { language: article.language } : {}),
    ...(article.authors?.length ? { authors: article.authors } : {}),
  };
}

/** countWords returns the number of words (whitespace-separated tokens with a letter or digit) in the paragraphs. */
export function countWords(paragraphs: readonly string[], skipFirst = 0): number {
  let words = 0;
  paragraphs.forEach((paragraph, index) => {
    // A loop over char codes: a \p{L} regex over every token costs ~60 ms on 5 MB.
    let counted = false;
    for (let at = index === 0 ? skipFirst : 0; at < paragraph.length; at++) {
      const code = paragraph.charCodeAt(at);
      if (code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0) {
        counted = false;
      } else if (!counted && isWordCharacter(code, paragraph, at)) {
        counted = true;
        words++;
      }
    }
  });
  return words;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isWordCharacter(code: number, text: string, at: number): boolean {
  if (code < 0x80) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  // General Punctuation (curly quotes, dashes, ellipsis): the commonest non-ASCII in news text, never a letter.
  if (code >= 0x2000 && code <= 0x206f) return false;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(at) ?? code));
}

const FRONT_MATTER_KEYS: Record<string, keyof Metadata> = {
  title: 'title',
  headline: 'title',
  byline: 'byline',
  author: 'byline',
  by: 'byline',
  role: 'role',
  dateline: 'dateline',
  source: 'source',
  publication: 'source',
  date: 'date',
  published: 'date',
  contact: 'contact',
  email: 'contact',
};

// A leading `---` block of `key: value` lines; nested YAML is not needed for article metadata.
function splitFrontMatter(text: string): { metadata: Partial<Metadata>; body: string } {
  const match = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { metadata: {}, body: text };
  const metadata: Partial<Metadata> = {};
  for (const line of (match[1] ?? '').split('\n')) {
    const pair = /^([A-Za-z_-]+)\s*:\s*(.*)$/.exec(line.trim());
    if (!pair) continue;
    const key = FRONT_MATTER_KEYS[(pair[1] ?? '').toLowerCase()];
    let value = (pair[2] ?? '').trim();
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    if (key && value !== '' && value !== '~' && value !== 'null') metadata[key] = value;
  }
  return { metadata, body: text.slice(match[0].length) };
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && (lines[start] ?? '').trim() === '') start++;
  while (end > start && (lines[end - 1] ?? '').trim() === '') end--;
  return lines.slice(start, end);
}

function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

// A headline is a short first line with no closing punctuation, set apart by a blank line.
function startsWithHeadline(lines: string[]): boolean {
  const first = lines[0]?.trim() ?? '';
  if (first === '' || lines.length < 3 || (lines[1] ?? '').trim() !== '') return false;
  if (/^by\s/i.test(first) || EMAIL.test(first)) return false;
  return wordCount(first) <= 25 && !/[.,;:]["'”’]?$/.test(first);
}

// A byline looks like a name: two to five words, each capitalised or a name particle.
function looksLikeName(line: string): boolean {
  const words = line.split(/\s+/);
  if (words.length < 2 || words.length > 5 || /\d/.test(line)) return false;
  return words.every(
    (word) =>
      // ASCII first: the Unicode classes compile slowly and most names need none.
      /^[A-Z][A-Za-z'’.-]*$/.test(word) ||
      (/[^\x00-\x7f’]/.test(word) && /^[\p{Lu}][\p{L}'’.-]*$/u.test(word)) ||
      /^(?:de|da|del|van|von|der|al|bin|el|la|le)$/.test(word),
  );
}

function looksLikeHeaderLine(line: string, maxWords: number): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && wordCount(trimmed) <= maxWords && !TERMINAL.test(trimmed) && !/[“”"]/.test(trimmed);
}

// Byline, role and date lines at the top of the body; each only while a body follows.
function takeHeaderLines(lines: string[], metadata: Metadata): string[] {
  let rest = lines;
  const next = () => rest[0]?.trim() ?? '';
  const hasBodyAfter = () => rest.slice(1).some((line) => line.trim() !== '');

  const by = /^by\s+(.+?)(?:,\s*(.+))?$/i.exec(next());
  if (by && looksLikeHeaderLine(next(), 12) && hasBodyAfter()) {
    metadata.byline = by[1] ?? null;
    if (by[2]) metadata.role = by[2];
    rest = rest.slice(1);
  } else if (looksLikeName(next()) && hasBodyAfter() && looksLikeHeaderLine(rest[1] ?? '', 8)) {
    // A bare name line counts as a byline only when another header line (a role) follows.
    metadata.byline = next();
    rest = rest.slice(1);
  }
  if (metadata.byline && !metadata.role && looksLikeHeaderLine(next(), 6) && !isDate(next()) && hasBodyAfter()) {
    metadata.role = next();
    rest = rest.slice(1);
  }
  if (isDate(next()) && hasBodyAfter()) {
    metadata.date = next();
    rest = rest.slice(1);
  }
  return trimBlankLines(rest);
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const DATE_LINE = new RegExp(
  `^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+)?(?:\\d{4}-\\d{2}-\\d{2}(?:[t ][\\d:.z+-]+)?|\\d{1,2}\\s+${MONTH},?\\s+\\d{4}|${MONTH}\\s+\\d{1,2},?\\s+\\d{4})$`,
  'i',
);

// A date line starts with a digit or a day or month name; the long pattern runs only then.
const DATE_START = /^\s*(?:\d|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

function isDate(line: string): boolean {
  return DATE_START.test(line) && DATE_LINE.test(line.trim());
}

function takeContactLine(lines: string[], metadata: Metadata): string[] {
  const last = lines.at(-1)?.trim() ?? '';
  const email = EMAIL.exec(last);
  if (!email || lines.length < 2) return lines;
  metadata.contact = email[1] ?? null;
  return trimBlankLines(lines.slice(0, -1));
}

// "jwood@thenational.ae" → "The National"; "bbc.co.uk" → "BBC".
function sourceFromContact(contact: string | null): string | null {
  if (!contact) return null;
  const labels = (contact.split('@')[1] ?? '').toLowerCase().split('.');
  const generic = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'news', 'mail']);
  for (
    let last = labels.at(-1) ?? '';
    labels.length > 1 && (generic.has(last) || last.length <= 3);
    last = labels.at(-1) ?? ''
  ) {
    labels.pop();
  }
  const name = labels.at(-1);
  if (!name || ['gmail', 'yahoo', 'hotmail', 'outlook', 'icloud', 'proton', 'protonmail'].includes(name)) {
    return null;
  }
  if (name.length <= 4) return name.toUpperCase();
  const parts = name.startsWith('the') && name.length > 5 ? ['the', name.slice(3)] : [name];
  return parts.map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join(' ');
}

// Blank-line separated blocks are paragraphs with their lines joined. Text with no
// blank lines is one paragraph per line, unless it reads as hard-wrapped prose.
function formParagraphs(lines: string[], markdown: boolean): Paragraph[] {
  const blocks: string[][] = [];
  let block: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (block.length > 0) blocks.push(block);
      block = [];
    } else {
      block.push(line.trim());
    }
  }
  if (block.length > 0) blocks.push(block);

  const only = blocks.length === 1 ? blocks[0] : undefined;
  const linePerParagraph = only !== undefined && only.length > 1 && !isHardWrapped(only);
  if (!markdown) {
    return linePerParagraph && only ? only.map((line) => ({ text: line, breaks: [] })) : blocks.map(joinLines);
  }
  const groups = linePerParagraph && only ? only.map((line) => [line]) : blocks;
  const paragraphs: Paragraph[] = [];
  for (const group of groups) {
    for (const { text, block } of markdownBlocks(group)) paragraphs.push({ text, breaks: [], block });
  }
  return paragraphs;
}

function isHardWrapped(lines: string[]): boolean {
  const ending = lines.filter((line) => TERMINAL.test(line)).length;
  return ending / lines.length < 0.5;
}

function joinLines(lines: string[]): Paragraph {
  let text = '';
  const breaks: number[] = [];
  for (const line of lines) {
    if (text !== '') {
      breaks.push(text.length);
      text += ' ';
    }
    text += line;
  }
  return { text, breaks };
}

// `# Title ##` → "Title": the text after the opening hashes, less any closing hashes and the space before them.
function headingTitle(line: string): string | null {
  const opening = HEADING.exec(line);
  if (!opening) return null;
  const rest = line.slice(opening[0].length);
  let end = rest.length;
  while (end > 0 && rest[end - 1] === '#') end--;
  return rest.slice(0, Math.max(1, rest.slice(0, end).trimEnd().length));
}
