import { NewsReadError } from './errors.js';
import { stripControls } from './sanitize.js';

// Reads an article from an http or https URL with Node's built-in fetch. Only
// the page itself is downloaded: no scripts, styles or images.

/** Limits for fetchPage. */
export interface FetchOptions {
  /** Seconds for the whole exchange: connecting, every redirect and the body. */
  timeoutSeconds: number;
  maxBytes: number;
}

/** A downloaded page: where it ended up, its bytes and what its Content-Type says. */
export interface FetchedPage {
  url: string;
  bytes: Uint8Array;
  /** The media type, lower case, without parameters ("text/html"); null if the server sent none. */
  mediaType: string | null;
  charset: string | null;
}

/** The most redirects followed for one URL; browsers allow 20, but a news page needs one or two. */
export const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const TEXT_TYPES = new Set(['text/plain', 'text/markdown', 'text/x-markdown']);

/**
 * fetchPage returns the page at `address` after at most MAX_REDIRECTS
 * redirects, or throws NewsReadError: FETCH_FAILED for a bad URL, a network
 * failure, an HTTP error status, content that is not a page and a timeout;
 * TOO_LARGE for a body over `maxBytes`.
 */
export async function fetchPage(address: string, options: FetchOptions): Promise<FetchedPage> {
  let url = parseHttpUrl(address, address);
  const signal = AbortSignal.timeout(options.timeoutSeconds * 1000);
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(url, {
        redirect: 'manual',
        signal,
        headers: { accept: 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8', 'user-agent': 'news-read' },
      });
      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (!location) throw failure(url, `HTTP ${response.status} redirect without a Location`);
        if (redirects === MAX_REDIRECTS) throw failure(address, `more than ${MAX_REDIRECTS} redirects`);
        url = parseHttpUrl(new URL(location, url).href, url.href);
        continue;
      }
      if (response.status < 200 || response.status > 299) {
        await response.body?.cancel();
        throw failure(url, `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      }
      const [mediaType, charset] = parseContentType(response.headers.get('content-type'));
      if (mediaType !== null && !HTML_TYPES.has(mediaType) && !TEXT_TYPES.has(mediaType)) {
        await response.body?.cancel();
        throw failure(url, `not a web page or text (it is ${mediaType})`);
      }
      const bytes = await readBody(response, url, options.maxBytes);
      return { url: url.href, bytes, mediaType, charset };
    }
  } catch (error) {
    throw networkError(error, url, options.timeoutSeconds);
  }
}

function parseHttpUrl(address: string, name: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new NewsReadError('FETCH_FAILED', `${displayUrl(name)}: not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new NewsReadError(
      'FETCH_FAILED',
      `${displayUrl(name)}: redirected to ${url.protocol} URL; only http and https can be read`,
    );
  }
  return url;
}

// "text/html; charset=ISO-8859-1" → ["text/html", "ISO-8859-1"].
function parseContentType(header: string | null): [string | null, string | null] {
  if (!header) return [null, null];
  const [type = '', ...parameters] = header.split(';');
  let charset: string | null = null;
  for (const parameter of parameters) {
    const match = /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(parameter);
    if (match?.[1]) charset = match[1];
  }
  return [type.trim().toLowerCase() || null, charset];
}

async function readBody(response: Response, url: URL, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(url, maxBytes);
  }
  if (!response.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > maxBytes) {
      // Stop an endless or lying response instead of buffering it.
      await reader.cancel();
      throw tooLarge(url, maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, length);
}

function tooLarge(url: URL, maxBytes: number): NewsReadError {
  return new NewsReadError(
    'TOO_LARGE',
    `${displayUrl(url.href)}: larger than the ${maxBytes}-byte input limit; raise it with --max-bytes`,
  );
}

function failure(url: URL | string, reason: string): NewsReadError {
  return new NewsReadError('FETCH_FAILED', `${displayUrl(typeof url === 'string' ? url : url.href)}: ${reason}`);
}

// fetch rejects with a TypeError whose `cause` holds the system error; name the common ones plainly.
function networkError(error: unknown, url: URL, timeoutSeconds: number): NewsReadError {
  if (error instanceof NewsReadError) return error;
  const name = (error as Error | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return failure(url, `no answer within ${timeoutSeconds} s; try a longer --timeout`);
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  switch (cause?.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return failure(url, `cannot find the server ${url.hostname} (DNS lookup failed)`);
    case 'ECONNREFUSED':
      return failure(url, 'connection refused');
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return failure(url, 'the server closed the connection');
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return failure(url, 'the connection timed out');
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return failure(url, 'the network cannot reach the server');
    default: {
      const detail = cause?.code ?? cause?.message ?? (error as Error | undefined)?.message ?? String(error);
      return failure(url, `cannot fetch (${detail})`);
    }
  }
}

/** displayUrl returns an address for messages: without credentials and control characters, on one line. */
export function displayUrl(address: string): string {
  try {
    const url = new URL(address);
    url.username = '';
    url.password = '';
    return stripControls(url.href);
  } catch {
    return stripControls(address).replace(/\s+/g, ' ').slice(0, 200);
  }
}
