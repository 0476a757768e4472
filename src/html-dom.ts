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

// Chinese and Japanese are written without spaces: each ideograph or kana counts as a word.
const UNSPACED_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/** countTextWords returns the number of whitespace-separated tokens in text, each Han or kana character one word. */
export function countTextWords(text: string): number {
  const unspaced = text.match(UNSPACED_CHARACTER)?.length ?? 0;
  const rest = (unspaced > 0 ? text.replace(UNSPACED_CHARACTER, ' ') : text).trim();
  return unspaced + (rest === '' ? 0 : rest.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length);
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
