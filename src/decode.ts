import { NewsReadError } from './errors.js';
import { stripControls } from './sanitize.js';

// The one detect/decode step between the source stage and the parsers: what
// kind of document the bytes are (a web page, Markdown or text) and which
// character set they are in. The order is a browser's: a byte order mark,
// then what the source declares (Content-Type, a <meta> charset), unless the
// bytes prove otherwise: text that is valid UTF-8 and not plain ASCII is
// UTF-8, whatever a template's stale gb2312 or ISO-8859-1 says.

/** Decoded text with any warnings met while decoding it. */
export interface DecodedText {
  text: string;
  warnings: string[];
}

/** What the detect step makes of a source. */
export type DocumentKind = 'html' | 'markdown' | 'text';

/** A source as the detect step sees it: bytes, a name for messages, and what the source says they are. */
export interface DetectInput {
  bytes: Uint8Array;
  name: string;
  /** Lower case, without parameters; null when the source does not say (stdin, a file of unknown extension). */
  mediaType: string | null;
  /** The charset a Content-Type header named; null for none. */
  charset?: string | null;
}

/** A decoded document: its kind and text. */
export interface DecodedDocument extends DecodedText {
  kind: DocumentKind;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const MARKDOWN_TYPES = new Set(['text/markdown', 'text/x-markdown']);
// A doctype, <html>, <head>, <body> or <meta> first, after any comments: how a page starts but an article never does.
const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)[\s>]/i;
const SNIFF_BYTES = 4096;

/** detectKind returns what the source is: its media type decides, else how its first bytes look. */
export function detectKind(input: DetectInput): DocumentKind {
  if (input.mediaType !== null) {
    if (HTML_TYPES.has(input.mediaType)) return 'html';
    return MARKDOWN_TYPES.has(input.mediaType) ? 'markdown' : 'text';
  }
  return startsLikeHtml(sniffHead(input.bytes)) ? 'html' : 'text';
}

/** startsLikeHtml returns whether text starts as a web page does (the detect step's sniff). */
export function startsLikeHtml(text: string): boolean {
  return HTML_START.test(text.slice(0, SNIFF_BYTES));
}

// The first bytes as Latin-1 (every byte one character), less a UTF-8 BOM; UTF-16 reads as NULs and never matches.
function sniffHead(bytes: Uint8Array): string {
  return Buffer.from(bytes.subarray(0, SNIFF_BYTES))
    .toString('latin1')
    .replace(/^\xef\xbb\xbf/, '');
}

/** decodeDocument returns the source's kind and its text, or throws NewsReadError (EMPTY_INPUT, NOT_TEXT). */
export function decodeDocument(input: DetectInput): DecodedDocument {
  const kind = detectKind(input);
  const decoded =
    kind === 'html'
      ? decodeHtml(input.bytes, input.charset ?? null, input.name)
      : decodeText(input.bytes, input.name, input.charset ?? null);
  return { kind, ...decoded };
}

function byteOrderMark(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  const [first, second, third] = bytes;
  if (first === 0xef && second === 0xbb && third === 0xbf) return 'utf-8';
  if (first === 0xff && second === 0xfe) return 'utf-16le';
  if (first === 0xfe && second === 0xff) return 'utf-16be';
  return null;
}

// Valid UTF-8 with at least one multi-byte sequence: proof enough against a declared 8-bit charset.
function provenUtf8(bytes: Uint8Array): string | null {
  if (!bytes.some((byte) => byte >= 0x80)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

// windows-1252's characters for bytes 0x80-0x9F (curly quotes, dashes, €, …), one a byte; the five
// bytes it leaves undefined stay as they are (and the sanitiser drops them).
const WINDOWS_1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';
const C1_RANGE = /[\x80-\x9f]/g;

// Node 20's TextDecoder decodes windows-1252 (and the labels that mean it: latin1,
// iso-8859-1, ascii) as ISO-8859-1, giving C1 controls for 0x80-0x9F, which the
// sanitiser then removes: a page's “quotes” and — dashes vanished. Map them back.
function decodeWith(decoder: InstanceType<typeof TextDecoder>, bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  if (decoder.encoding !== 'windows-1252') return text;
  return text.replace(C1_RANGE, (character) => WINDOWS_1252_HIGH[character.charCodeAt(0) - 0x80] ?? character);
}

// A decoder for a declared label, or null with a warning when no such charset exists.
function declaredDecoder(label: string, name: string, warnings: string[]): InstanceType<typeof TextDecoder> | null {
  try {
    return new TextDecoder(label);
  } catch {
    warnings.push(`${name}: unknown character set "${stripControls(label).slice(0, 40)}"; reading it as UTF-8`);
    return null;
  }
}

/**
 * decodeText returns the text of an article file: UTF-8 with or without a
 * BOM, UTF-16 with a BOM, or a declared charset (a URL's Content-Type) unless
 * the bytes are proven UTF-8. Invalid UTF-8 decodes with replacement
 * characters and a warning; NUL bytes in 8-bit text mean it is not a text file.
 */
export function decodeText(bytes: Uint8Array, name: string, charset: string | null = null): DecodedText {
  if (bytes.length === 0) throw new NewsReadError('EMPTY_INPUT', `${name}: empty input`);
  const mark = byteOrderMark(bytes);
  if (mark === 'utf-16le' || mark === 'utf-16be') return { text: new TextDecoder(mark).decode(bytes), warnings: [] };
  if (bytes.includes(0)) throw new NewsReadError('NOT_TEXT', `${name}: not a text file (it contains NUL bytes)`);
  const warnings: string[] = [];
  const declared = mark === null && charset ? declaredDecoder(charset, name, warnings) : null;
  if (declared && declared.encoding !== 'utf-8' && !declared.encoding.startsWith('utf-16')) {
    return { text: provenUtf8(bytes) ?? decodeWith(declared, bytes), warnings };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warnings };
  } catch {
    warnings.push(`${name}: not valid UTF-8; undecodable bytes are shown as \uFFFD`);
    return { text: new TextDecoder('utf-8').decode(bytes), warnings };
  }
}

/**
 * decodeHtml returns the text of a page's bytes in the character set that a
 * browser would pick: a byte order mark, else `charset` (from Content-Type),
 * else a <meta> charset near the top, unless the bytes are proven UTF-8; with
 * no declaration, UTF-8, falling back to windows-1252.
 */
export function decodeHtml(bytes: Uint8Array, charset: string | null, name: string): DecodedText {
  if (bytes.length === 0) throw new NewsReadError('EMPTY_INPUT', `${name}: empty input`);
  const warnings: string[] = [];
  const mark = byteOrderMark(bytes);
  if (mark) return { text: new TextDecoder(mark).decode(bytes), warnings };
  const label = charset?.trim() || metaCharset(bytes);
  let decoder = label ? declaredDecoder(label, name, warnings) : null;
  // A <meta> that claims UTF-16 in bytes that were read as ASCII is a mistake; browsers use UTF-8.
  if (decoder?.encoding.startsWith('utf-16')) decoder = null;
  if (decoder && decoder.encoding !== 'utf-8')
    return { text: provenUtf8(bytes) ?? decodeWith(decoder, bytes), warnings };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warnings };
  } catch {
    if (!decoder) return { text: decodeWith(new TextDecoder('windows-1252'), bytes), warnings };
    warnings.push(`${name}: not valid UTF-8; undecodable bytes are shown as \uFFFD`);
    return { text: new TextDecoder('utf-8').decode(bytes), warnings };
  }
}

// A charset in <meta charset> or <meta http-equiv="Content-Type" content="…; charset=…"> in the first 4 KiB.
function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1');
  for (const meta of head.matchAll(/<meta\b[^>]*>/gi)) {
    const match = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta[0]);
    if (match?.[1]) return match[1];
  }
  return null;
}
