// Minimal shapes of the linkedom nodes that the HTML reader walks (the project
// builds without the DOM lib), and small helpers over them.

export interface PageNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<PageNode>;
  parentNode: PageNode | null;
}

export interface PageElement extends PageNode {
  localName: string;
  className: string;
  id: string;
  children: ArrayLike<PageElement>;
  parentElement: PageElement | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  getElementsByTagName(name: string): ArrayLike<PageElement>;
  firstElementChild: PageElement | null;
  contains(node: PageNode): boolean;
  nextElementSibling: PageElement | null;
  remove(): void;
  replaceWith(node: PageNode): void;
  appendChild(node: PageNode): PageNode;
}

export interface PageDocument {
  title: string;
  documentElement: PageElement | null;
  head: PageElement | null;
  body: PageElement | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  getElementsByTagName(name: string): ArrayLike<PageElement>;
  createElement(name: string): PageElement;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** elementsOf returns a static array of a live or array-like collection. */
export function elementsOf<T>(collection: ArrayLike<T>): T[] {
  return Array.from(collection);
}

/** normalSpace returns text with runs of white space made one space, trimmed. */
export function normalSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * countTextWords returns the number of words in text: runs of characters between
 * white space that hold a letter or digit, and each Han or kana character on its
 * own (Chinese and Japanese are written without spaces). A loop over char codes:
 * a Unicode regular expression over megabytes of story text is several times slower.
 */
export function countTextWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code <= 32 || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x3000) {
      inWord = false;
    } else if (isUnspacedCharacter(code)) {
      words++;
      inWord = false;
    } else if (!inWord && isWordCode(code)) {
      words++;
      inWord = true;
    }
  }
  return words;
}

// CJK ideographs (with extension A and compatibility ideographs), hiragana and katakana.
function isUnspacedCharacter(code: number): boolean {
  return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

// ASCII letters and digits, and anything beyond Latin-1 punctuation (letters of other scripts).
function isWordCode(code: number): boolean {
  if (code < 0x80) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return code >= 0xc0 && !(code >= 0x2010 && code <= 0x206f) && !(code >= 0x3000 && code <= 0x303f);
}

/** linkDensity returns the share of an element's text that sits inside links (0 for no text). */
export function linkDensity(element: PageElement): number {
  const total = normalSpace(element.textContent ?? '').length;
  if (total === 0) return 0;
  let inLinks = 0;
  for (const anchor of elementsOf(element.getElementsByTagName('a')))
    inLinks += normalSpace(anchor.textContent ?? '').length;
  return Math.min(1, inLinks / total);
}

/** classAndId returns an element's class and id as one string, for matching by name. */
export function classAndId(element: PageElement): string {
  return `${element.className ?? ''} ${element.id ?? ''}`;
}

/** Tags whose elements the survey lists, in document order. */
const SURVEYED_TAGS = new Set(['meta', 'title', 'base', 'h1', 'time', 'p', 'blockquote', 'figcaption', 'address']);
const SURVEYED_CLASS = /byline|author|caption/i;

/**
 * What one walk of the page finds for the metadata and the rules. linkedom runs
 * every CSS selector as a walk of the whole document (about 30 ms each on a 5 MB
 * page), so the reader walks once and picks from these lists instead.
 */
export interface PageSurvey {
  /** Elements of the SURVEYED_TAGS, by tag, in document order. */
  tags: Map<string, PageElement[]>;
  /** Elements whose class says byline, author or caption. */
  classed: PageElement[];
  /** Elements with rel="author" or an itemprop of author or datePublished. */
  marked: PageElement[];
}

/**
 * Elements nested deeper than this are flattened to their text. No page needs it for
 * its story, and Readability's walks on linkedom take time that grows with the
 * square of the depth: 5 000 nested <div>s took minutes.
 */
export const MAX_NESTING = 256;

/**
 * surveyPage walks the document once, listing the elements the metadata and the
 * rules need, and flattens anything nested deeper than MAX_NESTING to its text.
 */
export function surveyPage(document: PageDocument): PageSurvey {
  const survey: PageSurvey = { tags: new Map(), classed: [], marked: [] };
  const visit = (element: PageElement, depth: number) => {
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
      if (depth >= MAX_NESTING) {
        child.textContent = child.textContent ?? '';
        continue;
      }
      const name = child.localName;
      if (SURVEYED_TAGS.has(name)) {
        const list = survey.tags.get(name);
        if (list) list.push(child);
        else survey.tags.set(name, [child]);
      }
      const className = child.getAttribute('class');
      if (className && SURVEYED_CLASS.test(className)) survey.classed.push(child);
      if (child.hasAttribute('itemprop') || child.getAttribute('rel') === 'author') survey.marked.push(child);
      visit(child, depth + 1);
    }
  };
  if (document.documentElement) visit(document.documentElement, 1);
  return survey;
}

/** surveyed returns the surveyed elements of a tag, in document order. */
export function surveyed(survey: PageSurvey, tag: string): PageElement[] {
  return survey.tags.get(tag) ?? [];
}

/** hasClass says whether an element's class attribute lists `name`. */
export function hasClass(element: PageElement, name: string): boolean {
  return (element.getAttribute('class') ?? '').split(/\s+/).includes(name);
}
