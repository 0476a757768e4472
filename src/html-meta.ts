import { normalSpace, type PageElement, type PageSurvey, surveyed } from './html-dom.js';
import { isTimestampLine, spacedText } from './html-rules.js';

// A page's metadata, each field from the most trustworthy source that has it:
// structured data (JSON-LD, <meta>) before the page's visible text, and a role
// only from text that says a role. docs/reader-mode.md lists the sources in order.

/** What the page says about itself before Readability takes its elements away. */
export interface PageFacts {
  /** Headline candidates with their spacing intact: JSON-LD headline, og:title, the first <h1>. */
  headlines: string[];
  /** Authors from structured data: JSON-LD author, then <meta name="author">. */
  structuredAuthors: string[];
  /** The visible byline line ("By Karen Whitfield, Transport Correspondent"), if the page has one. */
  bylineLine: string | null;
  /** Published date from structured data, then <time datetime>. */
  date: string | null;
  publisher: string | null;
}

interface JsonLdArticle {
  headline: string | null;
  authors: string[];
  datePublished: string | null;
  publisher: string | null;
}

// schema.org types whose datePublished and author are the story's (Readability's list, shortened).
const ARTICLE_TYPE = /(?:Article|Posting|Report|BlogPosting)$/;

/** readJsonLd returns the first article object in the page's JSON-LD blocks; unreadable blocks are skipped. */
export function readJsonLd(blocks: readonly string[]): JsonLdArticle | null {
  for (const block of blocks) {
    let data: unknown;
    try {
      data = JSON.parse(block.trim().replace(/^<!\[CDATA\[|\]\]>$/g, ''));
    } catch {
      continue;
    }
    const article = findArticleObject(data, 0);
    if (article) {
      return {
        headline: stringField(article.headline) ?? stringField(article.name),
        authors: personNames(article.author),
        datePublished: stringField(article.datePublished) ?? stringField(article.dateCreated),
        publisher: personNames(article.publisher)[0] ?? null,
      };
    }
  }
  return null;
}

const MAX_JSON_DEPTH = 6;

function findArticleObject(data: unknown, depth: number): Record<string, unknown> | null {
  if (depth > MAX_JSON_DEPTH || data === null || typeof data !== 'object') return null;
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findArticleObject(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const record = data as Record<string, unknown>;
  const types = ([] as unknown[]).concat(record['@type'] ?? []).filter((type) => typeof type === 'string');
  if (types.some((type) => ARTICLE_TYPE.test(type as string))) return record;
  return findArticleObject(record['@graph'], depth + 1) ?? findArticleObject(record.mainEntity, depth + 1);
}

function stringField(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

// author: "Name" | {name} | [..] → names, each normalised.
function personNames(value: unknown): string[] {
  const names: string[] = [];
  for (const item of ([] as unknown[]).concat(value ?? [])) {
    const name = typeof item === 'string' ? item : stringField((item as { name?: unknown } | null)?.name);
    if (name) names.push(...splitNames(name));
  }
  return names;
}

const MAX_BYLINE_CHARS = 120;
const BYLINE_START = /^(?:by|words by|written by|story by|reporting by)\s+\S/i;
const BYLINE_TAGS = new Set(['p', 'div', 'span', 'address', 'li', 'section', 'header']);
/** How many of the first paragraphs may be a "By …" line with no class to say so. */
const BYLINE_PARAGRAPHS = 12;

/**
 * readPageFacts reads what Readability would take or overwrite, and removes the
 * byline line from the page (the header shows it; Readability keeps it when the
 * page also has <meta name="author">).
 */
export function readPageFacts(survey: PageSurvey, jsonLdBlocks: readonly string[]): PageFacts {
  const jsonLd = readJsonLd(jsonLdBlocks);
  const metas = surveyed(survey, 'meta');
  const headline = surveyed(survey, 'h1')[0];
  const headlines = [
    jsonLd?.headline ?? '',
    metaContent(metas, ['property=og:title', 'name=twitter:title']) ?? '',
    headline ? spacedText(headline) : '',
  ]
    .map(normalSpace)
    .filter(Boolean);
  const metaAuthors = metas
    .filter((meta) => meta.getAttribute('name') === 'author' || meta.getAttribute('property') === 'article:author')
    .map((meta) => meta.getAttribute('content') ?? '')
    .filter((content) => content !== '' && !/^https?:/i.test(content.trim()))
    .flatMap(splitNames);
  const bylineElement = findBylineElement(survey);
  const bylineLine = bylineElement ? normalSpace(spacedText(bylineElement)) : null;
  if (bylineElement && !surveyed(survey, 'h1').some((h1) => bylineElement.contains(h1))) bylineElement.remove();
  return {
    headlines,
    structuredAuthors: unique(jsonLd?.authors.length ? jsonLd.authors : metaAuthors),
    bylineLine,
    date: jsonLd?.datePublished ?? structuredDate(survey, metas),
    publisher: jsonLd?.publisher ?? null,
  };
}

/**
 * Where a byline may be, most telling first: a class naming a byline, rel="author",
 * itemprop="author", a class naming an author, an <address>; then a short "By …" paragraph.
 */
const BYLINE_MARKS: readonly ((element: PageElement) => boolean)[] = [
  (element) => /byline/i.test(element.getAttribute('class') ?? ''),
  (element) => element.getAttribute('rel') === 'author',
  (element) => (element.getAttribute('itemprop') ?? '').split(/\s+/).includes('author'),
  (element) => /author/i.test(element.getAttribute('class') ?? ''),
  (element) => element.localName === 'address',
];

// The line that names the authors: an element marked as byline or author, or a short "By …" paragraph.
function findBylineElement(survey: PageSurvey): PageElement | null {
  const candidates = [...survey.classed, ...survey.marked, ...surveyed(survey, 'address')];
  for (const isMarked of BYLINE_MARKS) {
    for (const candidate of candidates) {
      if (!isMarked(candidate) || candidate.localName === 'meta' || candidate.localName === 'body') continue;
      const line = bylineLineOf(candidate);
      if (line) return line;
    }
  }
  for (const paragraph of surveyed(survey, 'p').slice(0, BYLINE_PARAGRAPHS)) {
    const text = normalSpace(paragraph.textContent ?? '');
    if (isBylineLine(text)) return paragraph;
  }
  return null;
}

/**
 * isBylineLine: a short "By Name…" line that names someone and is not a sentence
 * ("By Tuesday, the harbour had reopened." is story, not a byline).
 */
export function isBylineLine(text: string): boolean {
  return (
    BYLINE_START.test(text) &&
    /^\S+(?:\s+by)?\s+\p{Lu}/u.test(text) &&
    text.length <= MAX_BYLINE_CHARS &&
    !SENTENCE_END.test(text) &&
    parseBylineLine(text).authors.length > 0 &&
    !/\s\p{Ll}{3,}\s+\p{Ll}{3,}/u.test(text.replace(/\b(?:and|by)\b/g, ''))
  );
}

const SENTENCE_END = /[.!?]["'”’)]*$/;

// The element itself, or the short "By …" line around it ("By <a rel=author>Name</a>, Role").
function bylineLineOf(candidate: PageElement): PageElement | null {
  const text = normalSpace(candidate.textContent ?? '');
  if (text === '' || text.length > MAX_BYLINE_CHARS) return null;
  let line = candidate;
  let lineText = text;
  for (
    let parent = candidate.parentElement;
    parent && BYLINE_TAGS.has(parent.localName);
    parent = parent.parentElement
  ) {
    if (BYLINE_START.test(lineText)) break;
    const around = normalSpace(parent.textContent ?? '');
    // Only a line that says "By …" around the name, not the whole "Posted on … by …" box.
    if (around.length > MAX_BYLINE_CHARS || !BYLINE_START.test(around)) break;
    line = parent;
    lineText = around;
  }
  return line;
}

// <meta> attribute=value pairs that give the published time, most common first.
const DATE_META = [
  'property=article:published_time',
  'name=article:published_time',
  'itemprop=datePublished',
  'name=date',
  'name=pubdate',
  'name=publishdate',
  'name=dc.date',
  'name=DC.date.issued',
  'name=parsely-pub-date',
];

function structuredDate(survey: PageSurvey, metas: readonly PageElement[]): string | null {
  const meta = metaContent(metas, DATE_META);
  if (meta) return meta;
  const marked = survey.marked.find((element) => element.getAttribute('itemprop') === 'datePublished');
  const value = marked?.getAttribute('datetime') ?? marked?.getAttribute('content');
  if (value) return value;
  const time = surveyed(survey, 'time').find((element) => element.hasAttribute('datetime'));
  return time?.getAttribute('datetime') ?? null;
}

// The content of the first <meta> matching one of the "attribute=value" keys, tried in order.
function metaContent(metas: readonly PageElement[], keys: readonly string[]): string | null {
  for (const key of keys) {
    const [attribute = '', value = ''] = key.split('=');
    const content = metas
      .find((meta) => meta.getAttribute(attribute) === value)
      ?.getAttribute('content')
      ?.trim();
    if (content) return content;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Bylines: names and roles.

/** Words that make a byline piece a role ("Transport Correspondent", "Staff Writer"). */
export const ROLE_WORDS = [
  'correspondent',
  'editor',
  'reporter',
  'writer',
  'columnist',
  'journalist',
  'contributor',
  'producer',
  'analyst',
  'critic',
  'photographer',
  'staff',
  'chief',
  'bureau',
  'desk',
  'commentator',
  'economist',
  'presenter',
  'host',
  'fellow',
  'intern',
  'researcher',
  'professor',
  'author',
  'blogger',
  'director',
  'manager',
];
const ROLE_WORD_SET = new Set(ROLE_WORDS);
const NAME_PARTICLES = [
  'de',
  'da',
  'del',
  'della',
  'der',
  'den',
  'van',
  'von',
  'du',
  'la',
  'le',
  'bin',
  'al',
  'el',
  'ter',
  'ten',
  'y',
];
const PARTICLE_SET = new Set(NAME_PARTICLES);
const NAME_WORD = /^[\p{Lu}][\p{L}'’.-]*$/u;
const MAX_NAME_WORDS = 5;
const BYLINE_PREFIX = /^(?:by|words by|written by|story by|reporting by|text by|von|par|por|door)\s+/i;
const SEPARATOR = /\s+[|·•]\s+|\s+[—–]\s+/;
const INNER_BY = /\bby\s+\p{Lu}/u;
const LIST_SEPARATOR = /\s*(?:,|;|\band\b|&)\s*/;

/** isRole: a byline piece that says a role, by one of ROLE_WORDS. */
export function isRole(piece: string): boolean {
  return piece
    .toLowerCase()
    .split(/[\s,/-]+/)
    .some((word) => ROLE_WORD_SET.has(word.replace(/s$/, '')));
}

/** looksLikeName: one to five capitalised words, name particles ("de", "van") allowed after the first. */
export function looksLikeName(piece: string): boolean {
  const words = piece.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_NAME_WORDS || /\d/.test(piece)) return false;
  return words.every((word, index) => NAME_WORD.test(word) || (index > 0 && PARTICLE_SET.has(word.toLowerCase())));
}

// "Jong, Michiel de" → "Michiel de Jong": a catalogue-style name, surname first, that a comma must not split.
const SURNAME_FIRST = /^([\p{Lu}][\p{L}'’-]+),\s*([\p{Lu}][\p{L}.'’-]*(?:\s+[\p{L}.'’-]+){0,3})$/u;

function surnameFirst(text: string): string | null {
  const match = SURNAME_FIRST.exec(text);
  if (!match?.[1] || !match[2] || isRole(match[2]) || !looksLikeName(match[2])) return null;
  return `${match[2]} ${match[1]}`;
}

/** splitNames returns the person names in an author field: "A and B", "A, B", or one surname-first "Jong, Michiel de". */
export function splitNames(value: string): string[] {
  const text = normalSpace(value).replace(BYLINE_PREFIX, '');
  const reordered = surnameFirst(text);
  if (reordered) return [reordered];
  return text
    .split(LIST_SEPARATOR)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '' && !isRole(piece) && !isDatePiece(piece));
}

/** The authors and the role in a visible byline line. */
export interface BylineParts {
  authors: string[];
  role: string | null;
}

/**
 * parseBylineLine reads "By Karen Whitfield, Transport Correspondent",
 * "By Anna Berg and Tomas Lind", "By Jane Doe, March 25, 2015": names are
 * name-shaped pieces, the role is the first piece that says a role, and dates
 * and anything else are left out.
 */
export function parseBylineLine(line: string): BylineParts {
  const authors: string[] = [];
  let role: string | null = null;
  // "Posted on October 12, 2026 by Sam Ilsley": the names follow the last "by".
  const whole = normalSpace(line);
  const by = whole.search(INNER_BY);
  for (const part of (by > 0 ? whole.slice(by) : whole).replace(BYLINE_PREFIX, '').split(SEPARATOR)) {
    const text = part.replace(BYLINE_PREFIX, '').trim();
    if (text === '' || isTimestampLine(text)) continue;
    const reordered = surnameFirst(text);
    if (reordered) {
      authors.push(reordered);
      continue;
    }
    for (const piece of text.split(LIST_SEPARATOR)) {
      const trimmed = piece.trim().replace(/[.:]$/, '');
      if (trimmed === '' || isDatePiece(trimmed)) continue;
      if (isRole(trimmed)) role ??= trimmed;
      else if (looksLikeName(trimmed)) authors.push(trimmed);
    }
  }
  return { authors: unique(authors), role };
}

// "March 25", "2015", "Updated 14:02": pieces of a date, never names or roles.
function isDatePiece(piece: string): boolean {
  return isTimestampLine(piece) || /^\d+$/.test(piece);
}

function unique(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** joinNames returns the names as one byline string: "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string | null {
  if (names.length === 0) return null;
  if (names.length === 1) return names[0] ?? null;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * chooseTitle returns Readability's title, spelled with the page's own spacing when
 * a headline candidate has the same letters: `<h1>Harbour<br>reopens</h1>` is
 * "Harbour reopens", not "Harbourreopens". With no title, the first candidate.
 */
export function chooseTitle(readabilityTitle: string | null, headlines: readonly string[]): string | null {
  const title = normalSpace(readabilityTitle ?? '');
  const letters = (text: string) => text.replace(/\s+/g, '').toLowerCase();
  if (title === '') return headlines[0] ?? null;
  const spaced = headlines.find((candidate) => letters(candidate) === letters(title));
  if (spaced) return spaced;
  // "Headline – Site": Readability splits a site name off after "|", "-", "/" or "»", not after a dash.
  const suffixed = headlines.find(
    (candidate) => title.startsWith(candidate) && SITE_SUFFIX.test(title.slice(candidate.length)),
  );
  return suffixed ?? title;
}

const SITE_SUFFIX = /^\s+[|–—:·•»/-]\s+\S/;

const MONTH_NUMBERS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const ISO_DAY = /^(\d{4}-\d{2}-\d{2})(?:[T ]|$)/;
const MONTH_DAY_YEAR = /\b([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/;
const DAY_MONTH_YEAR = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})\b/;

/** shortDate returns "2026-03-14" for an ISO instant or a written date ("March 25, 2015"); other text as it is, cut. */
export function shortDate(value: string | null): string | null {
  const text = normalSpace(value ?? '');
  if (text === '') return null;
  const iso = ISO_DAY.exec(text);
  if (iso?.[1]) return iso[1];
  const written = MONTH_DAY_YEAR.exec(text);
  if (written) return isoDay(written[3], written[1], written[2]) ?? text.slice(0, 60);
  const european = DAY_MONTH_YEAR.exec(text);
  if (european) return isoDay(european[3], european[2], european[1]) ?? text.slice(0, 60);
  return text.slice(0, 60);
}

function isoDay(year = '', month = '', day = ''): string | null {
  const number = MONTH_NUMBERS[month.toLowerCase()];
  if (!number) return null;
  return `${year}-${String(number).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** dateInLine returns a written date in a byline line ("By Jane Doe, March 25, 2015"), the last source for the date. */
export function dateInLine(line: string | null): string | null {
  if (!line) return null;
  const found = MONTH_DAY_YEAR.exec(line) ?? DAY_MONTH_YEAR.exec(line);
  return found ? shortDate(found[0]) : null;
}
