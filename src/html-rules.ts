import { MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_ABBREVIATIONS, WEEKDAY_NAMES } from './calendar.js';
import {
  classAndId,
  countTextWords,
  ELEMENT_NODE,
  elementsOf,
  hasClass,
  linkDensity,
  normalSpace,
  type PageDocument,
  type PageElement,
  type PageSurvey,
  surveyed,
  TEXT_NODE,
} from './html-dom.js';

// The named rules of reader mode, as data: what Readability alone gets wrong on
// news pages, each rule with the reason it exists. docs/reader-mode.md has the table;
// test/html.test.ts has a page for each. Rules that run before Readability protect
// what it would drop (embedded posts, quote sources, captions); rules that run
// after it remove the page furniture it keeps (metadata lines, link lists).

/** Data attributes that carry what the rules found through Readability, which keeps attributes but not classes. */
export const ATTRIBUTION_ATTRIBUTE = 'data-news-read-attribution';
export const EMBED_ATTRIBUTE = 'data-news-read-embed';
export const CAPTION_ATTRIBUTE = 'data-news-read-caption';

// ---------------------------------------------------------------------------
// Before the DOM parse: markup that no reader shows.

/** Elements whose content is never text for a reader; cut from the markup before parsing, which is most of the parse on a script-heavy page. */
const INERT_ELEMENTS = ['script', 'style', 'svg', 'template', 'noscript', 'math'];
const INERT_OPENING = new RegExp(`<!--|<(${INERT_ELEMENTS.join('|')})\\b[^>]*>`, 'gi');

/** What stripInertMarkup found: the markup without inert elements, and the JSON-LD blocks it cut. */
export interface StrippedPage {
  html: string;
  jsonLd: string[];
}

/**
 * stripInertMarkup returns the page without comments and script, style, SVG,
 * template, noscript and MathML elements, and the text of its JSON-LD scripts
 * (structured metadata). One pass with indexOf: linear in the page, however
 * the tags nest or fail to close (an unclosed one runs to the end, as in a browser).
 */
export function stripInertMarkup(html: string): StrippedPage {
  const lower = html.toLowerCase();
  const pieces: string[] = [];
  const jsonLd: string[] = [];
  let kept = 0;
  INERT_OPENING.lastIndex = 0;
  for (let match = INERT_OPENING.exec(html); match; match = INERT_OPENING.exec(html)) {
    const start = match.index;
    const contentStart = start + match[0].length;
    const name = match[1]?.toLowerCase();
    const closing = name ? `</${name}` : '-->';
    const closeAt = lower.indexOf(closing, contentStart);
    const end = closeAt < 0 ? html.length : name ? lower.indexOf('>', closeAt) + 1 || html.length : closeAt + 3;
    if (name === 'script' && /application\/ld\+json/i.test(match[0]))
      jsonLd.push(html.slice(contentStart, closeAt < 0 ? html.length : closeAt));
    pieces.push(html.slice(kept, start));
    kept = end;
    INERT_OPENING.lastIndex = end;
  }
  pieces.push(html.slice(kept));
  return { html: pieces.join(''), jsonLd };
}

// ---------------------------------------------------------------------------
// Before Readability: protect what it would drop.

/** An embedded post (a tweet and its kin): the publisher's markup is a block quote that its script would turn into a card. */
export interface EmbedRule {
  name: string;
  /** The class of the <blockquote> that the network's embed code writes. */
  classes: readonly string[];
}

/**
 * EMBED_RULES: the block quotes that social networks ask publishers to paste.
 * Readability drops them (their wrappers are named "social" or "embed", or they are
 * link-dense); the rule replaces the outermost wrapper that holds nothing else with
 * a plain block quote carrying the post's author.
 */
export const EMBED_RULES: readonly EmbedRule[] = [
  { name: 'x-post', classes: ['twitter-tweet', 'twitter-video'] },
  { name: 'bluesky-post', classes: ['bluesky-embed'] },
  { name: 'mastodon-post', classes: ['mastodon-embed'] },
  { name: 'instagram-post', classes: ['instagram-media'] },
  { name: 'tiktok-post', classes: ['tiktok-embed'] },
  { name: 'threads-post', classes: ['text-post-media'] },
];

// Wrappers an embedded post may sit in; climbing stops at the story's own containers.
const EMBED_WRAPPERS = new Set(['div', 'figure', 'aside', 'section', 'span', 'p']);
const DASHES = /^[\s—–―-]+/;
const HANDLE = /^(.*?\(@[\w.-]+(?:@[\w.-]+)?\))/;
const SHARED_BY = /^a post shared by\s+/i;

/** protectEmbeddedPosts turns each embedded post into a block quote with its author, out of wrappers Readability would remove. */
export function protectEmbeddedPosts(document: PageDocument, survey: PageSurvey): void {
  for (const post of surveyed(survey, 'blockquote')) {
    const rule = embedRuleOf(post);
    if (!rule) continue;
    const { paragraphs, author } = readEmbeddedPost(post);
    if (paragraphs.length === 0) continue;
    const quote = document.createElement('blockquote');
    quote.setAttribute(EMBED_ATTRIBUTE, rule.name);
    if (author) quote.setAttribute(ATTRIBUTION_ATTRIBUTE, author);
    for (const text of paragraphs) {
      const paragraph = document.createElement('p');
      paragraph.textContent = text;
      quote.appendChild(paragraph);
    }
    outermostWrapper(post).replaceWith(quote);
  }
}

function embedRuleOf(quote: PageElement): EmbedRule | undefined {
  return EMBED_RULES.find((rule) => rule.classes.some((name) => hasClass(quote, name)));
}

// A post's own paragraphs are its text; the line after them ("— Name (@handle) date") names its author.
function readEmbeddedPost(post: PageElement): { paragraphs: string[]; author: string | null } {
  const paragraphs: string[] = [];
  let authorLine = '';
  let lastLink = '';
  for (const child of elementsOf(post.childNodes)) {
    const text = normalSpace(child.textContent ?? '');
    if (text === '') continue;
    const element = child.nodeType === ELEMENT_NODE ? (child as PageElement) : null;
    if (element && (element.localName === 'p' || element.localName === 'div') && !SHARED_BY.test(text)) {
      paragraphs.push(text);
    } else {
      // Joined as written: "(<a>@handle</a>)" must stay "(@handle)".
      authorLine += child.textContent ?? '';
      if (element?.localName === 'a') lastLink = text;
    }
  }
  if (SHARED_BY.test(authorLine.trim()) || paragraphs.length === 0) {
    // Instagram's markup puts "A post shared by Name (@handle)" in a paragraph of its own.
    const shared = elementsOf(post.querySelectorAll('p')).find((p) => SHARED_BY.test(normalSpace(p.textContent ?? '')));
    if (shared) authorLine = normalSpace(shared.textContent ?? '').replace(SHARED_BY, '');
  }
  return { paragraphs, author: postAuthor(authorLine, lastLink) };
}

// "— Harbour Authority (@harbourauth) March 3, 2026" → "Harbour Authority (@harbourauth)".
function postAuthor(line: string, lastLink: string): string | null {
  let author = normalSpace(line).replace(DASHES, '');
  const handle = HANDLE.exec(author);
  if (handle?.[1]) return handle[1].trim();
  if (lastLink && author.endsWith(lastLink) && author.length > lastLink.length)
    author = author.slice(0, -lastLink.length).trim();
  return author === '' ? null : author;
}

// The highest ancestor that holds nothing but this element's text, below the story's containers.
function outermostWrapper(element: PageElement): PageElement {
  const text = normalSpace(element.textContent ?? '');
  let wrapper = element;
  for (
    let parent = element.parentElement;
    parent && EMBED_WRAPPERS.has(parent.localName);
    parent = parent.parentElement
  ) {
    if (normalSpace(parent.textContent ?? '') !== text) break;
    wrapper = parent;
  }
  return wrapper;
}

const ATTRIBUTION_WORDS = 12;

/**
 * keepQuoteSources moves a block quote's source (a <footer>, a <cite>, a closing
 * "— Name" line, or the caption of the figure it sits in) into an attribute:
 * Readability removes every <footer>, and the source is not part of the quotation.
 */
export function keepQuoteSources(survey: PageSurvey): void {
  for (const quote of surveyed(survey, 'blockquote')) {
    if (quote.hasAttribute(EMBED_ATTRIBUTE) || embedRuleOf(quote)) continue;
    const source = quoteSourceElement(quote);
    if (!source) continue;
    const text = normalSpace(source.textContent ?? '').replace(DASHES, '');
    if (text !== '') quote.setAttribute(ATTRIBUTION_ATTRIBUTE, text);
    source.remove();
  }
}

function quoteSourceElement(quote: PageElement): PageElement | null {
  const children = elementsOf(quote.children);
  const footer = children.find((child) => child.localName === 'footer' || child.localName === 'cite');
  if (footer) return footer;
  const last = children.at(-1);
  if (last && children.length > 1) {
    const text = normalSpace(last.textContent ?? '');
    const onlyCite = last.children.length === 1 && last.children[0]?.localName === 'cite';
    if ((DASHES.test(text) && /^[—–―]/.test(text)) || onlyCite)
      if (countTextWords(text) <= ATTRIBUTION_WORDS) return last;
  }
  const figure = quote.parentElement;
  if (figure?.localName === 'figure') {
    const caption = elementsOf(figure.children).find((child) => child.localName === 'figcaption');
    if (caption && countTextWords(caption.textContent ?? '') <= ATTRIBUTION_WORDS) return caption;
  }
  return null;
}

// Class names that say "caption" on elements that are not <figcaption>.
const CAPTION_CLASS = /(?:^|[\s_-])(?:wp-caption-text|caption|image-caption|photo-caption)(?:$|[\s_-])/i;
// A figure whose content besides its caption holds one of these has more to read than a picture.
const TEXT_FIGURE_CONTENT = new Set(['blockquote', 'table', 'pre', 'p', 'ul', 'ol']);

function holdsText(figure: PageElement): boolean {
  for (let child = figure.firstElementChild; child; child = child.nextElementSibling) {
    if (TEXT_FIGURE_CONTENT.has(child.localName) || (child.localName !== 'figcaption' && holdsText(child))) return true;
  }
  return false;
}

/**
 * protectCaptions keeps each picture's caption as a paragraph marked as a caption.
 * Readability drops a figure that sits in a gallery (more images than paragraphs)
 * or in a wrapper named "media", and never joins a picture block beside the story
 * to it; a paragraph of caption text it keeps like any paragraph. Pictures are not
 * shown in a terminal, so the figure is replaced by its caption. Repeats (a
 * gallery or lightbox showing the same caption again) go after extraction.
 */
export function protectCaptions(document: PageDocument, survey: PageSurvey): void {
  for (const caption of surveyed(survey, 'figcaption')) {
    const figure = caption.parentElement;
    const text = normalSpace(caption.textContent ?? '');
    if (figure?.localName !== 'figure' || text === '' || holdsText(figure)) {
      caption.setAttribute(CAPTION_ATTRIBUTE, '');
      continue;
    }
    const paragraph = document.createElement('p');
    paragraph.setAttribute(CAPTION_ATTRIBUTE, '');
    paragraph.textContent = text;
    figure.replaceWith(paragraph);
  }
  for (const element of survey.classed) {
    if (CAPTION_CLASS.test(element.getAttribute('class') ?? '')) element.setAttribute(CAPTION_ATTRIBUTE, '');
  }
}

// ---------------------------------------------------------------------------
// After Readability: remove the furniture it keeps inside the story.

/** A rule that removes an element of the story container that is not part of the story. */
export interface FurnitureRule {
  name: string;
  /** Why the element is not story, for the docs and the test names. */
  why: string;
  /** Only elements with at most this many words are tested (links lists are tested at any length). */
  maxWords: number;
  matches(element: PageElement, text: string): boolean;
}

const MONTHS = [...MONTH_NAMES, ...MONTH_ABBREVIATIONS];
const WEEKDAYS = [...WEEKDAY_NAMES, ...WEEKDAY_ABBREVIATIONS];
// Words that a timestamp line may hold besides the date and time themselves.
const TIMESTAMP_WORDS = [
  'published',
  'updated',
  'posted',
  'modified',
  'last',
  'first',
  'on',
  'at',
  'am',
  'pm',
  'a.m.',
  'p.m.',
  'gmt',
  'bst',
  'utc',
  'cet',
  'cest',
  'est',
  'edt',
  'pst',
  'pdt',
  'ago',
  'hour',
  'hours',
  'minute',
  'minutes',
  'min',
  'mins',
  'day',
  'days',
  'today',
  'yesterday',
  'read',
  'time',
];
const TIMESTAMP_VOCABULARY = new Set([...MONTHS, ...WEEKDAYS, ...TIMESTAMP_WORDS]);

/** isTimestampLine: every word is a date or time piece, a number, or a word like "Updated" or "GMT"; with a digit in it. */
export function isTimestampLine(text: string): boolean {
  if (!/\d/.test(text)) return false;
  const words = text
    .toLowerCase()
    .split(/[\s,|·•/]+/)
    .map((word) => word.replace(/^[([]+|[)\].:;]+$/g, ''))
    .filter((word) => word !== '' && word !== '-' && word !== '—' && word !== '–');
  return words.every((word) => TIMESTAMP_VOCABULARY.has(word) || /^[\d:.+-]+(?:st|nd|rd|th|h|am|pm|z)?$/.test(word));
}

const SHARE_WORDS = new Set([
  'share',
  'shares',
  'this',
  'article',
  'story',
  'page',
  'on',
  'via',
  'facebook',
  'twitter',
  'x',
  'email',
  'e-mail',
  'mail',
  'whatsapp',
  'linkedin',
  'reddit',
  'pinterest',
  'print',
  'copy',
  'link',
  'messenger',
  'telegram',
  'bluesky',
  'threads',
  'mastodon',
  'tweet',
  'save',
  'flipboard',
  'and',
  'or',
]);
const SHARE_NAME = /(?:^|[\s_-])(?:share|sharing|social|share-?bar|share-?tools)(?:$|[\s_-])/i;

/** isShareBar: a line of nothing but share words ("Share this article: Facebook Twitter Email"). */
export function isShareBar(text: string): boolean {
  const words = text
    .toLowerCase()
    .split(/[\s,|·•:]+/)
    .filter(Boolean);
  return (
    words.length > 0 &&
    words.some((word) => word.startsWith('share') || word === 'tweet') &&
    words.every((word) => SHARE_WORDS.has(word))
  );
}

const TAG_LINE = /^(?:tags|tagged|topics|filed under|categories|related topics|more on|keywords|subjects)\s*:/i;
const TAG_NAME = /(?:^|[\s_-])(?:tags?|tag-?list|topics|keywords|categories)(?:$|[\s_-])/i;

const COMMENT_POLICY = [
  /comments? (?:are|is|have been) (?:now )?(?:closed|moderated|open|disabled|turned off|pre-moderated)/i,
  /comment(?:ing)? (?:policy|guidelines|rules)/i,
  /community (?:guidelines|standards|rules)/i,
  /join the (?:conversation|discussion|debate)/i,
  /^(?:leave|post|add|write) a comment/i,
  /^(?:show|view|read|see|load) (?:all )?(?:\d+ )?comments/i,
  /^\d+ comments?$/i,
];

const PROMO_LINE =
  /^(?:read more|related|see also|most read|more from|recommended|sign up|subscribe|advertisement|sponsored)\b\s*(?::|$)/i;

const LINK_LIST_TAGS = new Set(['ul', 'ol', 'nav', 'menu', 'div', 'section', 'header', 'aside', 'table', 'dl', 'p']);
/** A list or box whose text is mostly links is navigation, whatever its name. */
export const LINK_LIST_DENSITY = 0.6;
/** ... when it has at least this many links (one linked phrase is a citation, three are a menu). */
export const LINK_LIST_MIN_LINKS = 3;
const SHORT_LINE_WORDS = 12;
const SENTENCE_END = /[.!?]["'”’)]*$/;

/**
 * FURNITURE_RULES, in the order they are tried on each element of the story
 * container; the first that matches removes the element.
 */
export const FURNITURE_RULES: readonly FurnitureRule[] = [
  {
    name: 'navigation',
    why: 'a <nav> element or a navigation/menu role inside the story container is the site’s menu',
    maxWords: Number.POSITIVE_INFINITY,
    matches: (element) =>
      element.localName === 'nav' || ['navigation', 'menu', 'menubar'].includes(element.getAttribute('role') ?? ''),
  },
  {
    name: 'link-list',
    why: `a list or box with ${LINK_LIST_MIN_LINKS}+ links whose text is ${LINK_LIST_DENSITY * 100}%+ links is navigation or related stories: the container Readability chose was too large`,
    maxWords: Number.POSITIVE_INFINITY,
    matches: (element) =>
      LINK_LIST_TAGS.has(element.localName) &&
      // A paragraph that ends like a sentence is prose with links in it, not a menu strip.
      !(element.localName === 'p' && SENTENCE_END.test(normalSpace(element.textContent ?? ''))) &&
      element.getElementsByTagName('a').length >= LINK_LIST_MIN_LINKS &&
      linkDensity(element) >= LINK_LIST_DENSITY,
  },
  {
    name: 'timestamp',
    why: 'a line with only a date or time and words like "Updated" or "GMT" is page metadata; the date is in the header',
    maxWords: SHORT_LINE_WORDS,
    matches: (_element, text) => isTimestampLine(text),
  },
  {
    name: 'tag-list',
    why: 'a "Tags:" or "Topics:" line, or a box named tags/topics that is mostly links, lists where the site files the story',
    maxWords: 40,
    matches: (element, text) =>
      TAG_LINE.test(text) || (TAG_NAME.test(classAndId(element)) && linkDensity(element) >= 0.5),
  },
  {
    name: 'share-bar',
    why: 'a line of share buttons ("Share: Facebook Twitter Email"), or a short box named share/social',
    maxWords: 15,
    matches: (element, text) =>
      isShareBar(text) || (SHARE_NAME.test(classAndId(element)) && element.localName !== 'blockquote'),
  },
  {
    name: 'comment-policy',
    why: 'notices about the comments ("Comments are moderated", "Join the conversation", "12 comments")',
    maxWords: 40,
    matches: (_element, text) => COMMENT_POLICY.some((pattern) => pattern.test(text)),
  },
  {
    name: 'promo-line',
    why: 'a "Read more:", "Related:", "Sign up" or "Advertisement" line points away from the story',
    maxWords: 20,
    matches: (_element, text) => PROMO_LINE.test(text),
  },
];

// Elements the rules never remove: the story's own structures.
const PROTECTED = new Set(['blockquote', 'figure', 'figcaption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const MAX_TESTED_CHARS = 400;

/** A furniture rule that removed an element, with the text it removed (for tests and --debug-like checks). */
export interface Removal {
  rule: string;
  text: string;
}

/** removeFurniture applies FURNITURE_RULES to every element below `root` (not `root` itself), top down. */
export function removeFurniture(root: PageElement): Removal[] {
  const removals: Removal[] = [];
  const visit = (element: PageElement) => {
    for (const child of elementsOf(element.children)) {
      if (
        PROTECTED.has(child.localName) ||
        child.hasAttribute(EMBED_ATTRIBUTE) ||
        child.hasAttribute(CAPTION_ATTRIBUTE)
      ) {
        continue;
      }
      const raw = child.textContent ?? '';
      const text = raw.length <= MAX_TESTED_CHARS ? normalSpace(raw) : '';
      const words = text === '' ? Number.POSITIVE_INFINITY : countTextWords(text);
      const rule = FURNITURE_RULES.find((candidate) => words <= candidate.maxWords && candidate.matches(child, text));
      if (rule) {
        removals.push({ rule: rule.name, text: normalSpace(raw).slice(0, 200) });
        child.remove();
      } else {
        visit(child);
      }
    }
  };
  visit(root);
  return removals;
}

// ---------------------------------------------------------------------------
// Whether Readability found a story at all.

/** Fewer words than this outside links is not a story (a 40-word brief is the shortest news item worth a reader). */
export const MIN_STORY_WORDS = 40;
/** A "story" whose text is mostly links is a link list: the page's navigation or an index page. */
export const MAX_STORY_LINK_DENSITY = 0.5;

/** The verdict on Readability's pick: usable, or the named reason to show the whole page instead. */
export type StoryVerdict = { usable: true } | { usable: false; reason: string };

/** judgeStory says whether the extracted container is a story: enough words outside links, and not mostly links. */
export function judgeStory(content: PageElement | null): StoryVerdict {
  if (!content) return { usable: false, reason: 'nothing-found' };
  const words = countTextWords(content.textContent ?? '');
  if (words < MIN_STORY_WORDS) return { usable: false, reason: 'too-few-words' };
  const density = linkDensity(content);
  if (density > MAX_STORY_LINK_DENSITY) return { usable: false, reason: 'link-dense' };
  if (Math.round(words * (1 - density)) < MIN_STORY_WORDS) return { usable: false, reason: 'too-few-words' };
  return { usable: true };
}

const SPACED_BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'header', 'section']);

/** spacedText returns the text of a node with each <br> and block boundary as a space (textContent glues "Harbour<br>reopens"). */
export function spacedText(node: PageElement): string {
  let text = '';
  const visit = (current: PageElement) => {
    for (const child of elementsOf(current.childNodes)) {
      if (child.nodeType === TEXT_NODE) text += child.textContent ?? '';
      else if (child.nodeType === ELEMENT_NODE) {
        const element = child as PageElement;
        if (element.localName === 'br') text += ' ';
        else {
          const block = SPACED_BLOCKS.has(element.localName) ? ' ' : '';
          text += block;
          visit(element);
          text += block;
        }
      }
    }
  };
  visit(node);
  return text;
}
