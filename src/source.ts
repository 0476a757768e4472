import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { NewsReadError } from './errors.js';

/** Where an article comes from, decided from the command-line argument alone. */
export type SourceRef =
  | { kind: 'bundled'; slug: string }
  | { kind: 'file'; path: string }
  | { kind: 'stdin' }
  | { kind: 'url'; url: string };

/** What readSource needs from the process: standard input. */
export interface SourceIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** What the source stage returns for every kind of input: the bytes, and what to make of them. */
export interface Source {
  bytes: Uint8Array;
  /** What to call the input in messages: a slug, a path, a URL or "standard input". */
  name: string;
  /** What the source says the bytes are, lower case ("text/html"); null when it does not say. */
  mediaType: string | null;
  /** The charset a Content-Type header named; null for none. */
  charset: string | null;
  /** The address a page was fetched from (after redirects), to resolve its links; null for local input. */
  url: string | null;
}

/** Limits for readSource: the input size, and how long to wait for a URL. */
export interface ReadOptions {
  maxBytes?: number;
  timeoutSeconds?: number;
}

const DEFAULT_TIMEOUT_SECONDS = 15;
// Media types by file extension; other files are sniffed by the decode step.
const MEDIA_TYPES: Record<string, string> = {
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.md': 'text/markdown',
  '.markdown': 'text/markdown',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xhtml': 'application/xhtml+xml',
};

/** The default input limit: articles are far smaller, and this bounds memory. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const ARTICLE_EXTENSIONS = ['.txt', '.md'];

/** articlesDirectory is the folder of bundled articles, found from src/ (tests) or dist/ (bin). */
export const articlesDirectory = new URL('../articles/', import.meta.url);

/**
 * resolveSource returns where ARTICLE points: `-` is stdin, no argument is the
 * default bundled article, a slug-shaped word is a bundled article, anything
 * else is a file path. A slug never contains "/" or "..", so it cannot leave articles/.
 */
export function resolveSource(argument: string | undefined, bundled: readonly string[]): SourceRef {
  if (argument === '-') return { kind: 'stdin' };
  if (argument !== undefined && /^https?:\/\//i.test(argument)) return { kind: 'url', url: argument };
  if (argument !== undefined && /^[a-z][a-z\d+.-]*:\/\//i.test(argument)) {
    throw new NewsReadError('FETCH_FAILED', `${argument.split(':')[0]}: only http and https URLs can be read`);
  }
  if (argument === undefined) {
    const slug = bundled[0];
    if (!slug)
      throw new NewsReadError('ARTICLE_NOT_FOUND', 'no bundled articles found; give a file path or - for stdin');
    return { kind: 'bundled', slug };
  }
  if (SLUG.test(argument) && bundled.includes(argument)) return { kind: 'bundled', slug: argument };
  if (SLUG.test(argument) && !looksLikePath(argument)) {
    throw new NewsReadError('ARTICLE_NOT_FOUND', notFoundMessage(argument, bundled));
  }
  return { kind: 'file', path: argument };
}

// A bare word with no extension that is not a file is taken for a mistyped slug.
// lstat, not stat: a broken symlink or a symlink loop is still the user's path.
function looksLikePath(argument: string): boolean {
  try {
    lstatSync(argument);
    return true;
  } catch {
    return false;
  }
}

function notFoundMessage(argument: string, bundled: readonly string[]): string {
  const nearest = nearestSlug(argument, bundled);
  const hint = nearest ? ` (did you mean "${nearest}"?)` : '';
  return `no bundled article "${argument}"${hint}; give a slug from --list, a file path, or - for stdin`;
}

/** nearestSlug returns the bundled slug closest to `word` by edit distance, or null if none is close. */
export function nearestSlug(word: string, slugs: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const slug of slugs) {
    const distance = slug.includes(word) || word.includes(slug) ? 1 : editDistance(word, slug);
    if (distance < bestDistance) {
      best = slug;
      bestDistance = distance;
    }
  }
  return best !== null && bestDistance <= Math.max(3, Math.floor(best.length / 3)) ? best : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** listBundledSlugs returns the slugs of the bundled articles, sorted. */
export function listBundledSlugs(): string[] {
  let names: string[];
  try {
    names = readdirSync(articlesDirectory);
  } catch {
    return [];
  }
  const slugs = new Set<string>();
  for (const name of names) {
    const extension = ARTICLE_EXTENSIONS.find((candidate) => name.endsWith(candidate));
    const slug = extension ? name.slice(0, -extension.length) : '';
    if (SLUG.test(slug)) slugs.add(slug);
  }
  return [...slugs].sort();
}

/**
 * readSource returns the bytes `ref` points at, with a display name and a
 * media type: a bundled article, a file, standard input or a URL (fetched by
 * fetch.ts, loaded only then). Throws NewsReadError with the input's name.
 */
export async function readSource(ref: SourceRef, io: SourceIo, options: number | ReadOptions = {}): Promise<Source> {
  const { maxBytes = DEFAULT_MAX_BYTES, timeoutSeconds = DEFAULT_TIMEOUT_SECONDS } =
    typeof options === 'number' ? { maxBytes: options } : options;
  const local = (bytes: Uint8Array, name: string, mediaType: string | null): Source => ({
    bytes,
    name,
    mediaType,
    charset: null,
    url: null,
  });
  switch (ref.kind) {
    case 'stdin':
      return local(await readStream(io.stdin, maxBytes), 'standard input', null);
    case 'file':
      return local(readFileLimited(ref.path, ref.path, maxBytes), ref.path, mediaTypeOf(ref.path));
    case 'url': {
      const { fetchPage, displayUrl } = await import('./fetch.js');
      const page = await fetchPage(ref.url, { maxBytes, timeoutSeconds });
      return {
        bytes: page.bytes,
        name: displayUrl(page.url),
        mediaType: page.mediaType,
        charset: page.charset,
        url: page.url,
      };
    }
    case 'bundled':
      break;
  }
  // Checked here too, not only in resolveSource: a slug must never reach outside articles/.
  if (!SLUG.test(ref.slug)) throw new NewsReadError('ARTICLE_NOT_FOUND', `no bundled article "${ref.slug}"`);
  for (const extension of ARTICLE_EXTENSIONS) {
    const url = new URL(`${ref.slug}${extension}`, articlesDirectory);
    try {
      // Bundled articles are text or Markdown, never sniffed as web pages.
      return local(readFileLimited(url, ref.slug, maxBytes), ref.slug, MEDIA_TYPES[extension] ?? 'text/plain');
    } catch (error) {
      if (!(error instanceof NewsReadError && error.code === 'ARTICLE_NOT_FOUND')) throw error;
    }
  }
  throw new NewsReadError('ARTICLE_NOT_FOUND', `no bundled article "${ref.slug}"`);
}

/** mediaTypeOf returns the media type a file's extension states; null for an extension it does not know. */
export function mediaTypeOf(path: string): string | null {
  const extension = /\.[A-Za-z]+$/.exec(path)?.[0]?.toLowerCase();
  return (extension && MEDIA_TYPES[extension]) || null;
}

function readFileLimited(path: string | URL, name: string, maxBytes: number): Uint8Array {
  let descriptor: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer must not hang; it is refused below anyway.
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw fileError(error, name);
  }
  try {
    const stats = fstatSync(descriptor);
    if (stats.isDirectory()) throw new NewsReadError('NOT_A_FILE', `${name}: is a directory, not an article file`);
    if (!stats.isFile()) throw new NewsReadError('NOT_A_FILE', `${name}: not a regular file`);
    if (stats.size > maxBytes) throw tooLarge(name, maxBytes);
    // The stat size is a first guess only: /proc files report 0 and a file may grow while read.
    let buffer = Buffer.allocUnsafe(Math.min(Math.max(stats.size, 64 * 1024), maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const read = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > maxBytes) throw tooLarge(name, maxBytes);
    }
    return buffer.subarray(0, length);
  } catch (error) {
    throw error instanceof NewsReadError ? error : fileError(error, name);
  } finally {
    closeSync(descriptor);
  }
}

function tooLarge(name: string, maxBytes: number): NewsReadError {
  return new NewsReadError(
    'TOO_LARGE',
    `${name}: larger than the ${maxBytes}-byte input limit; raise it with --max-bytes`,
  );
}

function fileError(error: unknown, name: string): NewsReadError {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return new NewsReadError('ARTICLE_NOT_FOUND', `${name}: no such file`);
    case 'EACCES':
    case 'EPERM':
      return new NewsReadError('UNREADABLE', `${name}: permission denied`);
    case 'EISDIR':
      return new NewsReadError('NOT_A_FILE', `${name}: is a directory, not an article file`);
    case 'ELOOP':
      return new NewsReadError('UNREADABLE', `${name}: too many levels of symbolic links`);
    default:
      return new NewsReadError('UNREADABLE', `${name}: cannot read (${code ?? 'unknown error'})`);
  }
}

async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    length += buffer.length;
    if (length > maxBytes) {
      // Stop reading an endless stream instead of buffering it.
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      throw tooLarge('standard input', maxBytes);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, length);
}
