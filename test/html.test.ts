import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { decodeHtml, detectKind } from '../src/decode.js';
import { NewsReadError } from '../src/errors.js';
import { fetchPage } from '../src/fetch.js';
import { parseHtml, readHtml, runReadability } from '../src/html.js';
import type { PageElement } from '../src/html-dom.js';
import { chooseTitle, isBylineLine, parseBylineLine, shortDate, splitNames } from '../src/html-meta.js';
import { FURNITURE_RULES, isShareBar, isTimestampLine, judgeStory, stripInertMarkup } from '../src/html-rules.js';
import { articleMeta } from '../src/parse.js';
import { renderPlain } from '../src/render/plain.js';
import { renderStyled } from '../src/render/styled.js';
import { mediaTypeOf, resolveSource } from '../src/source.js';
import type { Article, Block, FullView } from '../src/types.js';
import { runCli } from './helpers.js';

// Pages written for these tests, served by a local server on 127.0.0.1: no test reaches the outside network.
const fixture = (name: string) => readFileSync(new URL(`fixtures/html/${name}`, import.meta.url));
const fixturePath = (name: string) => `test/fixtures/html/${name}`;
const ESC = '\x1b';

const PAGES: Record<string, [string, string]> = {
  '/story.html': ['story.html', 'text/html; charset=utf-8'],
  '/quotation.html': ['quotation.html', 'text/html; charset=UTF-8'],
  '/not-article.html': ['not-article.html', 'text/html'],
  '/latin1.html': ['latin1.html', 'text/html; charset=iso-8859-1'],
  '/latin1-meta.html': ['latin1-meta.html', 'text/html'],
  '/hostile.html': ['hostile.html', 'text/html; charset=utf-8'],
};

const server = createServer((request, response) => {
  const path = request.url ?? '/';
  const page = PAGES[path];
  if (page) {
    response.writeHead(200, { 'content-type': page[1] }).end(fixture(page[0]));
    return;
  }
  const hop = /^\/hop\/(\d+)$/.exec(path);
  if (hop) {
    const left = Number(hop[1]);
    response
      .writeHead(left % 2 ? 302 : 301, {
        location: left > 1 ? `/hop/${left - 1}` : `http://127.0.0.1:${port()}/story.html`,
      })
      .end();
    return;
  }
  switch (path) {
    case '/relative-redirect':
      response.writeHead(307, { location: 'story.html' }).end();
      return;
    case '/to-ftp':
      response.writeHead(302, { location: 'ftp://127.0.0.1/story.html' }).end();
      return;
    case '/story.txt':
      response
        .writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
        .end(readFileSync(new URL('../articles/syria-talks-lausanne.txt', import.meta.url)));
      return;
    case '/photo.png':
      response.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      return;
    case '/broken':
      response.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Oops</h1>');
      return;
    case '/slow': {
      const timer = setTimeout(
        () => response.writeHead(200, { 'content-type': 'text/html' }).end(fixture('story.html')),
        5000,
      );
      response.on('close', () => clearTimeout(timer));
      return;
    }
    case '/huge-declared':
      response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
      response.write('<!doctype html><p>');
      response.on('close', () => response.destroy());
      return;
    case '/huge': {
      // No Content-Length: only counting the body as it arrives can stop this one.
      response.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 64 && !response.destroyed) {
          sent++;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      response.on('close', () => (sent = Infinity));
      pump();
      return;
    }
    default:
      response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
  }
});

function port(): number {
  return (server.address() as AddressInfo).port;
}
const url = (path: string) => `http://127.0.0.1:${port()}${path}`;
// The golden and messages must not depend on the port the system picked.
const portless = (text: string) => text.replaceAll(`127.0.0.1:${port()}`, '127.0.0.1:PORT');

beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)));
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('reading a URL', () => {
  test('extracts the story from a page with navigation, ads and comments around it', async () => {
    const { code, stdout, stderr } = await runCli([url('/story.html'), '--plain']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    await expect(portless(stdout)).toMatchFileSnapshot('golden/html-story.full.plain.txt');
    for (const furniture of [
      'Subscribe',
      'Bargain dinghies',
      'fresh coastal vegetables',
      'saltydog72',
      'Related stories',
      'All rights reserved',
      'written by a script',
    ]) {
      expect(stdout).not.toContain(furniture);
    }
  });

  test('takes title, byline, site name, date and language from the page', async () => {
    const { stdout } = await runCli([url('/story.html'), '--json']);
    const { article, paragraphs, blocks } = JSON.parse(stdout);
    expect(article).toMatchObject({
      slug: null,
      title: 'Wexmouth votes to put its tidal mill back to work',
      byline: 'Mara Quill',
      dateline: 'WEXMOUTH',
      source: 'The Coastal Ledger',
      date: '2026-03-14',
      contact: null,
      language: 'en-GB',
    });
    expect(blocks).toHaveLength(paragraphs.length);
    expect(blocks.map((block: { kind: string }) => block.kind)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'item',
      'item',
      'item',
      'paragraph',
      'quote',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
    ]);
    expect(blocks[5].links).toEqual([
      { text: 'Tidal Works cooperative', href: 'https://tidal-works.example.org/projects/wexmouth', start: 28 },
    ]);
    expect(blocks[0].links[0].href).toBe(url('/topics/wexmouth-mill'));
  });

  test('summary and quotes views work on a page as on a text article', async () => {
    const summary = await runCli([url('/story.html'), '--summary', '--json']);
    const quotes = await runCli([url('/story.html'), '--quotes', '--json']);
    expect(JSON.parse(summary.stdout).summary.length).toBeGreaterThanOrEqual(3);
    expect(JSON.parse(quotes.stdout).quotes.map((quote: { speaker: string }) => quote.speaker)).toEqual([
      'Elin Rowe',
      'Elin Rowe',
      'Harold Pike',
      'Harold Pike',
    ]);
  });

  test('keeps a byline with its role, a dateline and a quotation over several paragraphs', async () => {
    const { code, stdout } = await runCli([url('/quotation.html'), '--quotes', '--json']);
    expect(code).toBe(0);
    const { article, quotes } = JSON.parse(stdout);
    expect(article).toMatchObject({
      byline: 'Jonas Ferrand',
      role: 'Science Correspondent',
      dateline: 'GENEVA',
      source: 'Alpine Courier',
      date: '2026-02-02',
    });
    const long = quotes.find((quote: { text: string }) => quote.text.startsWith('We went up in September'));
    expect(long).toBeDefined();
    expect(quotes.some((quote: { text: string }) => quote.text.startsWith('On two of the small glaciers'))).toBe(true);
  });

  test('a page that is not an article gives a warning and all its text', async () => {
    const { code, stdout, stderr } = await runCli([url('/not-article.html'), '--plain']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^news-read: warning: .*does not read as an article.*\n$/);
    expect(stdout).toContain('Tuesday | 17:00–20:00');
    expect(stdout).toContain('• Ladders');
  });

  test('decodes a Latin-1 page by its Content-Type charset', async () => {
    const { code, stdout, stderr } = await runCli([url('/latin1.html'), '--json']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const { article, paragraphs } = JSON.parse(stdout);
    expect(article.title).toBe('La fête du hareng revient à Étretat');
    expect(paragraphs.join('\n')).toContain('« Nous avons failli abandonner », a déclaré Hélène');
    expect(paragraphs.join('\n')).not.toContain('\uFFFD');
  });

  test('decodes a Latin-1 page by its <meta> charset when the server names none', async () => {
    const { stdout, stderr } = await runCli([url('/latin1-meta.html'), '--json']);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout).article.source).toBe('Le Écho côtier');
  });

  test('follows up to 5 redirects, relative ones too, and refuses a sixth', async () => {
    expect((await runCli([url('/hop/5'), '--json'])).code).toBe(0);
    expect((await runCli([url('/relative-redirect'), '--json'])).code).toBe(0);
    const { code, stdout, stderr } = await runCli([url('/hop/6'), '--json']);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(portless(stderr)).toBe('news-read: http://127.0.0.1:PORT/hop/6: more than 5 redirects\n');
  });

  test('refuses a redirect to anything but http or https', async () => {
    const { code, stderr } = await runCli([url('/to-ftp')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/only http and https/);
  });

  test('reports 404 and 500 answers in one line', async () => {
    const missing = await runCli([url('/missing.html')]);
    expect(missing.code).toBe(1);
    expect(portless(missing.stderr)).toBe('news-read: http://127.0.0.1:PORT/missing.html: HTTP 404 Not Found\n');
    const broken = await runCli([url('/broken')]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^news-read: \S+: HTTP 500 Internal Server Error\n$/);
  });

  test('gives up on a slow server after --timeout seconds', async () => {
    const { code, stderr } = await runCli([url('/slow'), '--timeout', '1']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^news-read: \S+\/slow: no answer within 1 s; try a longer --timeout\n$/);
  });

  test('stops reading a response larger than --max-bytes, declared or not', async () => {
    for (const path of ['/huge', '/huge-declared']) {
      const { code, stdout, stderr } = await runCli([url(path), '--max-bytes', '200000']);
      expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
      expect(stderr).toMatch(/larger than the 200000-byte input limit; raise it with --max-bytes\n$/);
    }
  });

  test('refuses content that is not a page, and reads text/plain as a text article', async () => {
    const image = await runCli([url('/photo.png')]);
    expect(image.code).toBe(1);
    expect(image.stderr).toMatch(/not a web page or text \(it is image\/png\)/);
    const text = await runCli([url('/story.txt'), '--json']);
    expect(text.code).toBe(0);
    expect(JSON.parse(text.stdout).article.byline).toBe('Josh Wood');
  });

  test('reports a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { code, stderr } = await runCli([`http://127.0.0.1:${deadPort}/story.html`]);
    expect(code).toBe(1);
    expect(stderr).toBe(`news-read: http://127.0.0.1:${deadPort}/story.html: connection refused\n`);
  });

  test('reports a DNS failure (fetch stubbed: no real lookup)', async () => {
    const failure = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }),
    });
    vi.stubGlobal('fetch', () => Promise.reject(failure));
    try {
      const { code, stderr } = await runCli(['https://news.invalid/story']);
      expect(code).toBe(1);
      expect(stderr).toBe(
        'news-read: https://news.invalid/story: cannot find the server news.invalid (DNS lookup failed)\n',
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });

  test('fetchPage throws FETCH_FAILED with a stable code', async () => {
    const error = await fetchPage(url('/missing.html'), { timeoutSeconds: 5, maxBytes: 1000 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(NewsReadError);
    expect((error as NewsReadError).code).toBe('FETCH_FAILED');
  });
});

describe('reading HTML from a file or standard input', () => {
  test('news-read page.html and news-read - < page.html give the same article', async () => {
    const byFile = await runCli([fixturePath('story.html'), '--json']);
    const byStdin = await runCli(['-', '--json'], { stdin: fixture('story.html').toString('utf8') });
    expect(byFile.code).toBe(0);
    expect(byFile.stderr).toBe('');
    expect(JSON.parse(byStdin.stdout)).toEqual(JSON.parse(byFile.stdout));
    expect(JSON.parse(byFile.stdout).article.title).toBe('Wexmouth votes to put its tidal mill back to work');
  });

  test('a file has no address, so only absolute links are kept', async () => {
    const { stdout } = await runCli([fixturePath('story.html'), '--plain']);
    expect(stdout).toContain('Tidal Works cooperative[1]');
    expect(stdout).toMatch(/\nLinks\n\[1\] https:\/\/tidal-works\.example\.org\/projects\/wexmouth\n$/);
    expect(stdout).not.toContain('eighteenth-century tidal mill[');
  });

  test('a Latin-1 file is decoded by its <meta> charset, without a UTF-8 warning', async () => {
    const { stdout, stderr } = await runCli([fixturePath('latin1-meta.html'), '--plain']);
    expect(stderr).toBe('');
    expect(stdout).toContain('Hélène');
  });

  test('HTML is recognised by extension, or by how it starts', () => {
    // What the source stage knows (a file's media type; none for standard input), then the detect step.
    const isHtml = (path: string | null, text: string) =>
      detectKind({ bytes: Buffer.from(text), name: 'x', mediaType: path === null ? null : mediaTypeOf(path) }) ===
      'html';
    expect(isHtml('Saved Page.HTM', 'not markup')).toBe(true);
    expect(isHtml(null, '\uFEFF<!-- saved -->\n<!DOCTYPE html><p>')).toBe(true);
    expect(isHtml(null, '<html lang="en">')).toBe(true);
    expect(isHtml('story.txt', 'Talks resume <b>soon</b>')).toBe(false);
    // A bundled article is a .txt or .md file, never sniffed.
    expect(isHtml('x.txt', '<!doctype html>')).toBe(false);
  });

  test('URL arguments are URLs; other schemes are refused', () => {
    expect(resolveSource('https://example.org/a', [])).toEqual({ kind: 'url', url: 'https://example.org/a' });
    expect(() => resolveSource('ftp://example.org/a', [])).toThrow(/only http and https/);
  });
});

describe('structure and links in the output', () => {
  test('plain output numbers links and lists their targets at the end', async () => {
    const { stdout } = await runCli([url('/story.html'), '--plain']);
    expect(stdout).toContain('the eighteenth-century tidal mill[1] on the harbour wall');
    expect(portless(stdout)).toMatch(
      /\n\nLinks\n\[1\] http:\/\/127\.0\.0\.1:PORT\/topics\/wexmouth-mill\n\[2\] https:\/\/tidal-works/,
    );
    expect(stdout).toContain('\n• At high tide');
    expect(stdout).toContain('\n    The old millers understood');
    expect(stdout).not.toContain(ESC);
  });

  test('styled output makes links OSC 8 hyperlinks where the terminal shows them', async () => {
    const { stdout } = await runCli([url('/story.html'), '--color', 'always', '--width', '80'], {
      env: { TERM: 'xterm', FORCE_HYPERLINK: '1' },
    });
    expect(stdout).toContain(
      `${ESC}]8;;https://tidal-works.example.org/projects/wexmouth${ESC}\\${ESC}[4mTidal Works cooperative${ESC}[24m${ESC}]8;;${ESC}\\`,
    );
    expect(stdout).not.toMatch(/\[\d\]/);
    expect(stdout).toContain(`${ESC}[1mHow the mill will work`);
    expect(stdout).toMatch(/\n• At high tide/);
  });

  test('styled output numbers links where the terminal may not show hyperlinks', async () => {
    const { stdout } = await runCli([url('/story.html'), '--width', '80'], { tty: true, env: { TERM: 'xterm' } });
    expect(stdout).not.toContain(`${ESC}]8;`);
    expect(stdout).toMatch(/Tidal Works cooperative(?:\x1b\[[\d;]*m)*\[2\]/);
    expect(portless(stdout)).toContain('[1] http://127.0.0.1:PORT/topics/wexmouth-mill');
  });

  test('numbered links in styled output stay within the width', async () => {
    const { stdout } = await runCli([url('/story.html'), '--color', 'always', '--width', '50'], {
      env: { TERM: 'xterm' },
    });
    // The list of targets at the end is not wrapped: a URL is one word.
    const body = stdout.slice(0, stdout.lastIndexOf('Links'));
    expect(body).toContain('[2]');
    expect(
      Math.max(...body.split('\n').map((line) => [...line.replace(/\x1b\[[\d;]*m/g, '')].length)),
    ).toBeLessThanOrEqual(50);
  });

  test('known terminals get hyperlinks; tmux does not', async () => {
    const inVte = await runCli([url('/story.html')], {
      tty: true,
      env: { TERM: 'xterm-256color', VTE_VERSION: '7200' },
    });
    expect(inVte.stdout).toContain(`${ESC}]8;;`);
    const inTmux = await runCli([url('/story.html')], {
      tty: true,
      env: { TERM: 'tmux-256color', VTE_VERSION: '7200', TMUX: '/tmp/tmux' },
    });
    expect(inTmux.stdout).not.toContain(`${ESC}]8;;`);
  });

  test('nothing on a page can send escape sequences or hidden link targets to the terminal', async () => {
    const plain = await runCli([url('/hostile.html'), '--plain']);
    expect(plain.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    expect(plain.stdout).not.toContain('javascript:');
    expect(plain.stdout).not.toContain('data:');
    const styled = await runCli([url('/hostile.html'), '--color', 'always'], { env: { FORCE_HYPERLINK: '1' } });
    // Every escape is SGR or an OSC 8 link whose target is printable ASCII.
    const leftover = styled.stdout.replace(/\x1b\[[\d;]*m/g, '').replace(/\x1b\]8;;[\x21-\x7e]*\x1b\\/g, '');
    expect(leftover).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    const targets = [...styled.stdout.matchAll(/\x1b\]8;;([^\x1b]*)\x1b\\/g)].map((match) => match[1]).filter(Boolean);
    expect(targets).toEqual([
      'https://harbour.example.org/notices/%1B]8;;https://evil.example/',
      'https://coastguard.example.org/report',
    ]);
    const json = await runCli([url('/hostile.html'), '--json']);
    expect(JSON.parse(json.stdout).article.title).toBe('Harbour red alert ›2J over missing buoys');
  });
});

describe('parseHtml and decodeHtml', () => {
  test('link offsets point at the link text in its paragraph', () => {
    const { article } = parseHtml(fixture('story.html').toString('utf8'), {
      url: 'https://coastal.example/news/mill',
      name: 'story',
    });
    blocksOf(article).forEach((block, index) => {
      for (const link of block.links)
        expect(paragraphAt(article, index).slice(link.start, link.start + link.text.length)).toBe(link.text);
    });
    expect(
      article.sentences.every((sentence) =>
        paragraphAt(article, sentence.paragraph).slice(sentence.start).startsWith(sentence.text),
      ),
    ).toBe(true);
  });

  test('any page: links sit at their offsets, targets are safe, and output has no stray controls', () => {
    const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
    const escapeHtml = (text: string) =>
      text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom('\x1b[31mred', '\x1b]8;;https://evil.example/\x07x', '\u202egnp.exe', 'a\u00adb'),
    );
    const href = fc.oneof(
      fc.webUrl(),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom('javascript:alert(1)', 'mailto:desk@news.example', '/relative', '#top'),
    );
    const piece = fc.oneof(
      text.map(escapeHtml),
      fc.tuple(text, href).map(([words, target]) => `<a href="${escapeHtml(target)}">${escapeHtml(words)}</a>`),
      fc
        .tuple(fc.constantFrom('em', 'strong', 'code'), text, text)
        .map(([tag, words, inner]) => `<${tag}>${escapeHtml(words)}<em>${escapeHtml(inner)}</em></${tag}>`),
    );
    const block = fc
      .tuple(fc.constantFrom('p', 'h2', 'li', 'blockquote', 'div'), fc.array(piece, { maxLength: 5 }))
      .map(([tag, pieces]) => `<${tag}>${pieces.join(' ')}</${tag}>`);
    const chalk = new Chalk({ level: 1 });
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 8 }), (blocks) => {
        const html = `<!doctype html><html><body><article>${blocks.join('\n')}</article></body></html>`;
        let article: Article;
        try {
          article = parseHtml(html, { url: 'https://site.example/news/story', name: 'page' }).article;
        } catch (error) {
          expect(error).toBeInstanceOf(NewsReadError);
          return;
        }
        expect(article.blocks).toHaveLength(article.paragraphs.length);
        blocksOf(article).forEach((block, index) => {
          const paragraph = paragraphAt(article, index);
          expect(paragraph).not.toMatch(CONTROL);
          for (const link of block.links) {
            expect(paragraph.slice(link.start, link.start + link.text.length)).toBe(link.text);
            expect(link.href).toMatch(/^(?:https?|mailto):[\x21-\x7e]*$/);
          }
          // Marks are in order, do not overlap, and cover text that is there.
          let previousEnd = 0;
          for (const mark of block.marks ?? []) {
            expect(mark.start).toBeGreaterThanOrEqual(previousEnd);
            expect(mark.end).toBeGreaterThan(mark.start);
            expect(mark.end).toBeLessThanOrEqual(paragraph.length);
            previousEnd = mark.end;
          }
        });
        const view: FullView = {
          view: 'full',
          article: articleMeta(article),
          paragraphs: article.paragraphs,
          blocks: blocksOf(article),
        };
        expect(renderPlain(view, { width: 60 })).not.toMatch(CONTROL);
        const styled = renderStyled(view, { chalk, width: 60, hyperlinks: true });
        const leftover = styled
          .replace(/\x1b\[[\d;]*m/g, '')
          .replace(/\x1b\]8;;(?:https?|mailto):[\x21-\x7e]*\x1b\\|\x1b\]8;;\x1b\\/g, '');
        expect(leftover).not.toMatch(CONTROL);
        expect(leftover).not.toMatch(/[\uE000-\uF8FF]/);
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  test('a page with no text is an error, not an empty article', () => {
    expect(() =>
      parseHtml('<!doctype html><html><body><script>x()</script></body></html>', { url: null, name: 'empty' }),
    ).toThrow(NewsReadError);
  });

  test('an undeclared page that is not UTF-8 is read as windows-1252', () => {
    expect(decodeHtml(Buffer.from('<p>caf\xe9</p>', 'latin1'), null, 'x')).toEqual({
      text: '<p>café</p>',
      warnings: [],
    });
    expect(decodeHtml(Buffer.from('<p>caf\xe9</p>', 'latin1'), 'utf-8', 'x').warnings).toHaveLength(1);
    expect(decodeHtml(Buffer.from('<p>café</p>'), 'no-such-charset', 'x').warnings[0]).toMatch(/unknown character set/);
  });
});

describe('the built bin', () => {
  test('reads an HTML file through whatever bin/news-read.js runs', () => {
    const result = spawnSync(process.execPath, ['bin/news-read.js', fixturePath('story.html'), '--plain'], {
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('Wexmouth votes to put its tidal mill back to work');
  });
});

function blocksOf(article: Article): Block[] {
  if (!article.blocks) throw new Error('an article read from HTML has blocks');
  return article.blocks;
}

function paragraphAt(article: Article, index: number): string {
  const paragraph = article.paragraphs[index];
  if (paragraph === undefined) throw new Error(`no paragraph ${index}`);
  return paragraph;
}

// One page per way reader mode went wrong (issue 14), each written for this test.
const readFixture = (name: string) => readHtml(fixture(name), name);
const kinds = (article: Article) => (article.blocks ?? []).map((block) => block.kind);
const blockAt = (article: Article, index: number): Block => {
  const block = article.blocks?.[index];
  if (!block) throw new Error(`no block ${index}`);
  return block;
};
const bodyText = (article: Article) => article.paragraphs.join('\n');

describe('reader mode: extraction', () => {
  test('a short story among long menus is extracted, not replaced by the page text', () => {
    const { article, warnings } = readFixture('short-story.html');
    expect(warnings).toEqual([]);
    expect(article.paragraphs).toHaveLength(1);
    expect(article.paragraphs[0]).toMatch(/^All ferry crossings to the islands were cancelled/);
    for (const menu of ['Puzzles', 'Lifeboat crew honoured', 'Most read', 'Privacy'])
      expect(bodyText(article)).not.toContain(menu);
  });

  test('a page that is not a story still falls back to its text, by a named reason', () => {
    const { warnings } = readFixture('not-article.html');
    expect(warnings[0]).toMatch(/does not read as an article/);
    const list = parseHTMLElement('<div><ul><li><a href="/a">One</a></li><li><a href="/b">Two</a></li></ul></div>');
    expect(judgeStory(list)).toEqual({ usable: false, reason: 'too-few-words' });
    const links = Array.from({ length: 30 }, (_, index) => `<a href="/${index}">Story number ${index} today</a>`).join(
      ' ',
    );
    expect(judgeStory(parseHTMLElement(`<div><p>${links} and a few words of its own here</p></div>`))).toEqual({
      usable: false,
      reason: 'link-dense',
    });
    expect(judgeStory(null)).toEqual({ usable: false, reason: 'nothing-found' });
  });

  test('an embedded post is a quote block with its author', () => {
    const { article } = readFixture('embedded-post.html');
    const index = kinds(article).indexOf('quote');
    expect(article.paragraphs[index]).toMatch(/^The harbour is closed to all vessels until further notice/);
    expect(blockAt(article, index).attribution).toBe('Felling Harbour Authority (@fellingharbour)');
    expect(bodyText(article)).not.toContain('March 3, 2026');
    expect(article.paragraphs[index + 1]).toMatch(/^Fishing boats that left before dawn/);
  });

  test('captions are kept once each, as captions, also from a "media" wrapper and a gallery', () => {
    const { article } = readFixture('captions.html');
    const captions = article.paragraphs.filter((_, index) => blockAt(article, index).kind === 'caption');
    expect(captions).toEqual([
      'Volunteers Ruth Ames and Piotr Nowak check the restored lamp before the first lighting. Photo: Coastwatch',
      'The tower at dusk on Saturday, with the lamp lit.',
    ]);
  });

  test('timestamps, share bars, tag lists and comment notices are removed from the story', () => {
    const { article, warnings } = readFixture('metadata-lines.html');
    expect(warnings).toEqual([]);
    expect(article.paragraphs).toHaveLength(4);
    for (const line of [
      'Published 14 March',
      'Updated 15 March',
      'Facebook',
      'Tags:',
      'Comments are moderated',
      'Join the conversation',
    ])
      expect(bodyText(article)).not.toContain(line);
  });

  test('navigation inside the chosen container is removed by its link density', () => {
    const { article } = readFixture('link-dense-container.html');
    expect(article.paragraphs).toHaveLength(4);
    expect(kinds(article)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
    for (const menu of ['Heritage', 'Bridge repairs', 'Elsewhere in town'])
      expect(bodyText(article)).not.toContain(menu);
  });

  test("a block quote's footer is its attribution, not part of the quotation", () => {
    const { article } = readFixture('block-quote-source.html');
    const index = kinds(article).indexOf('quote');
    expect(article.paragraphs[index]).toBe(
      'Every cut is sold to us as the last one. The boats that stay in port do not come back, and neither do the people who crewed them.',
    );
    expect(blockAt(article, index).attribution).toBe("Arne Vik, chairman of the Northern Skippers' Association");
    expect(bodyText(article)).not.toContain('Arne Vik');
  });

  test('emphasis, strong text and code are marks at their offsets; headings have levels', () => {
    const { article } = readFixture('inline-marks.html');
    const marked = (index: number) =>
      (blockAt(article, index).marks ?? []).map((mark) => [
        mark.kind,
        article.paragraphs[index]?.slice(mark.start, mark.end),
      ]);
    expect(marked(0)).toEqual([
      ['emphasis', 'flood alert'],
      ['strong', 'flood warning'],
    ]);
    expect(marked(2)).toEqual([['code', 'FLOOD ALERT']]);
    expect([blockAt(article, 1).level, blockAt(article, 3).level]).toEqual([2, 3]);
    expect(blockAt(article, 4).marks).toBeUndefined();
  });
});

describe('reader mode: metadata', () => {
  test('co-authors are a list, and the second is not a role', () => {
    const { article } = readFixture('co-authors.html');
    expect(article).toMatchObject({
      authors: ['Anna Berg', 'Tomas Lind'],
      byline: 'Anna Berg and Tomas Lind',
      role: null,
    });
    expect(bodyText(article)).not.toContain('By Anna Berg');
  });

  test('a surname-first author is one name, not a name and a role', () => {
    const { article } = readFixture('surname-first.html');
    expect(article).toMatchObject({ authors: ['Michiel de Jong'], byline: 'Michiel de Jong', role: null });
  });

  test('a date in the byline is not a role, and the structured date wins over it', () => {
    const { article } = readFixture('byline-date.html');
    expect(article).toMatchObject({ byline: 'Jane Doe', role: null, date: '2015-03-26' });
    expect(bodyText(article)).not.toContain('March 25');
  });

  test('with <meta name="author">, the role in the byline line is still found', () => {
    const { article } = readFixture('meta-author-role.html');
    expect(article).toMatchObject({ byline: 'Karen Whitfield', role: 'Transport Correspondent', date: '2026-04-11' });
    expect(bodyText(article)).not.toContain('Transport Correspondent');
  });

  test('a standfirst before the dateline paragraph does not hide the dateline, which leaves the body', async () => {
    const { article } = readFixture('standfirst-dateline.html');
    expect(article.dateline).toBe('HARWICH');
    expect(article.paragraphs[0]).toMatch(/^Dock workers accept a two-year offer/);
    expect(article.paragraphs[1]).toMatch(/^Dock workers at the port voted on Wednesday/);
    expect(article.sentences.some((sentence) => sentence.text.includes('HARWICH'))).toBe(false);
    const summary = await runCli([fixturePath('standfirst-dateline.html'), '--summary', '--plain']);
    expect(summary.stdout.split('\n').slice(2).join('\n')).not.toContain('HARWICH —');
  });

  test('a headline broken over two lines keeps the space between them', () => {
    expect(readFixture('title-whitespace.html').article.title).toBe('Lifeboat station gets a new boat');
  });

  test('a page in UTF-8 that still declares gb2312 is read as UTF-8', () => {
    const { article, warnings } = readFixture('utf8-declared-gb2312.html');
    expect(warnings).toEqual([]);
    expect(article.title).toBe('港口恢复通航');
    expect(article.source).toBe('海岸日报');
    expect(article.paragraphs[0]).toMatch(/^受强风影响停航三天的港口/);
  });

  test('a declared legacy charset still wins when the bytes are not UTF-8', () => {
    const gbk = Buffer.from([0xb8, 0xdb, 0xbf, 0xda]); // 港口 in GBK
    expect(decodeHtml(gbk, 'gb2312', 'x').text).toBe('港口');
    expect(decodeHtml(Buffer.from('<p>caf\xe9</p>', 'latin1'), 'windows-1252', 'x').text).toBe('<p>café</p>');
    expect(decodeHtml(Buffer.from('<p>café</p>'), 'windows-1252', 'x').text).toBe('<p>café</p>');
    expect(decodeHtml(Buffer.from('<p>plain</p>'), 'windows-1252', 'x').text).toBe('<p>plain</p>');
  });
});

describe('reader mode: the rules one by one', () => {
  test.each([
    ['By Karen Whitfield, Transport Correspondent', ['Karen Whitfield'], 'Transport Correspondent'],
    ['By Anna Berg and Tomas Lind', ['Anna Berg', 'Tomas Lind'], null],
    ['By Anna Berg, Tomas Lind', ['Anna Berg', 'Tomas Lind'], null],
    ['By Jane Doe, March 25, 2015', ['Jane Doe'], null],
    ['By Jane Doe | Updated 14:02 GMT', ['Jane Doe'], null],
    ['Jong, Michiel de', ['Michiel de Jong'], null],
    ['By Ana Ruiz, Staff Writer, and Tom Hale', ['Ana Ruiz', 'Tom Hale'], 'Staff Writer'],
  ])('byline %j gives authors %j and role %j', (line, authors, role) => {
    expect(parseBylineLine(line)).toEqual({ authors, role });
  });

  test('names after "by" in a "Posted on … by …" line; a site suffix after a dash leaves the title', () => {
    expect(parseBylineLine('Posted on October 12, 2026 by Sam Ilsley')).toEqual({
      authors: ['Sam Ilsley'],
      role: null,
    });
    expect(chooseTitle('Record apple harvest – Kiln Lane Notes', ['Record apple harvest'])).toBe(
      'Record apple harvest',
    );
    expect(chooseTitle('Harbourreopens', ['Harbour reopens'])).toBe('Harbour reopens');
    expect(chooseTitle('Harbour plan: the vote', ['Harbour plan'])).toBe('Harbour plan: the vote');
  });

  test('windows-1252 pages keep their curly quotes, dashes and euro signs (Node 20 decodes them as C1 controls)', () => {
    const bytes = Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x97, 0x20, 0x80, 0x35]);
    expect(decodeHtml(bytes, 'windows-1252', 'x').text).toBe('“Hi” — €5');
    expect(decodeHtml(bytes, 'iso-8859-1', 'x').text).toBe('“Hi” — €5');
    expect(decodeHtml(bytes, null, 'x').text).toBe('“Hi” — €5');
  });

  test('a story paragraph that starts with "By" is not a byline', () => {
    expect(isBylineLine('By Karen Whitfield, Transport Correspondent')).toBe(true);
    expect(isBylineLine('By Anna Berg and Tomas Lind')).toBe(true);
    expect(isBylineLine('By Tuesday, the harbour had reopened.')).toBe(false);
    expect(isBylineLine('By Tuesday the harbour had reopened to fishing boats')).toBe(false);
    expect(isBylineLine('By the time the ferry arrived')).toBe(false);
    const story = `<!doctype html><html><body><article><h1>Harbour reopens</h1><p>By Tuesday the harbour had reopened to fishing boats.</p><p>${'The harbour master said the channel was clear and the buoys were back in place. '.repeat(6)}</p></article></body></html>`;
    const { article } = parseHtml(story, { url: null, name: 'story' });
    expect(article.paragraphs[0]).toBe('By Tuesday the harbour had reopened to fishing boats.');
    expect(article.byline).toBeNull();
  });

  test('author fields split into names; a role or a date is never a name', () => {
    expect(splitNames('Anna Berg and Tomas Lind')).toEqual(['Anna Berg', 'Tomas Lind']);
    expect(splitNames('Jong, Michiel de')).toEqual(['Michiel de Jong']);
    expect(splitNames('Karen Whitfield, Transport Correspondent')).toEqual(['Karen Whitfield']);
  });

  test('dates: ISO instants and written dates become days', () => {
    expect(shortDate('2026-03-14T08:30:00Z')).toBe('2026-03-14');
    expect(shortDate('March 25, 2015')).toBe('2015-03-25');
    expect(shortDate('25th March 2015')).toBe('2015-03-25');
    expect(shortDate('')).toBeNull();
  });

  test.each([
    ['Published 14 March 2026, 08:30 GMT', true],
    ['Updated 2 hours ago', true],
    ['Tue 3 Mar 2026 09.14 CET', true],
    ['The council met on 14 March 2026 to vote.', false],
    ['Updated guidance', false],
  ])('timestamp line %j: %s', (text, expected) => {
    expect(isTimestampLine(text)).toBe(expected);
  });

  test.each([
    ['Share this article: Facebook Twitter Email', true],
    ['Facebook Twitter Email', false],
    ['Share your views with the council by Friday', false],
  ])('share bar %j: %s', (text, expected) => {
    expect(isShareBar(text)).toBe(expected);
  });

  test('every furniture rule is named, explained and matches its own example but not a story sentence', () => {
    const examples: Record<string, string> = {
      navigation: '<nav><a href="/">Home</a></nav>',
      'link-list':
        '<ul><li><a href="/1">One story</a></li><li><a href="/2">Two story</a></li><li><a href="/3">Three</a></li></ul>',
      timestamp: '<p>Updated 15 March 2026 at 10:12</p>',
      'tag-list': '<p>Topics: <a href="/t/a">Harbour</a>, <a href="/t/b">Council</a></p>',
      'share-bar': '<div class="share-tools">Share</div>',
      'comment-policy': '<p>Comments are closed for this article.</p>',
      'promo-line': '<p>Read more: <a href="/x">Harbour plans</a></p>',
    };
    const linkedProse = parseHTMLElement(
      '<p>Read <a href="/r">the report</a>, <a href="/a">its appendix</a> and <a href="/m">the minutes</a>.</p>',
    );
    expect(FURNITURE_RULES.some((rule) => rule.matches(linkedProse, linkedProse.textContent ?? ''))).toBe(false);
    const sentence = parseHTMLElement(
      '<p>The council voted on 14 March to share the cost of the new sea wall with the port, councillors said.</p>',
    );
    const sentenceText = sentence.textContent ?? '';
    expect(FURNITURE_RULES.map((rule) => rule.name)).toEqual(Object.keys(examples));
    for (const rule of FURNITURE_RULES) {
      expect(rule.why.length).toBeGreaterThan(20);
      const element = parseHTMLElement(examples[rule.name] ?? '');
      expect(rule.matches(element, (element.textContent ?? '').replace(/\s+/g, ' ').trim()), rule.name).toBe(true);
      expect(rule.matches(sentence, sentenceText), rule.name).toBe(false);
    }
  });

  test('Readability with the fast tag search picks exactly what it picks without it', () => {
    const names = [
      'story.html',
      'quotation.html',
      'embedded-post.html',
      'captions.html',
      'metadata-lines.html',
      'short-story.html',
    ];
    for (const name of names) {
      const html = fixture(name).toString('utf8');
      const picks = [true, false].map((fast) => {
        const { document } = parseHTML(html);
        const result = runReadability(document as never, fast);
        return { title: result?.title, byline: result?.byline, text: result?.content?.textContent };
      });
      expect(picks[0], name).toEqual(picks[1]);
      expect(picks[0]?.text?.length, name).toBeGreaterThan(200);
    }
  });

  test('a page nested thousands of elements deep is flattened past MAX_NESTING and still read', () => {
    const story = `<p>${'The harbour reopened on Monday after repairs to the sea wall. '.repeat(12)}</p>`;
    const html = `<!doctype html><html><body>${'<div>'.repeat(5000)}<h2>Deep</h2>${story}${'</div>'.repeat(5000)}</body></html>`;
    const { article } = parseHtml(html, { url: null, name: 'deep' });
    expect(article.paragraphs.join(' ')).toContain('The harbour reopened on Monday after repairs to the sea wall.');
  }, 60_000);

  test('inert markup is cut in one pass, JSON-LD kept, and an unclosed tag runs to the end', () => {
    const page = stripInertMarkup(
      '<p>a</p><script>x()</script><STYLE>p{}</STYLE><!-- note --><script type="application/ld+json">{"a":1}</script><svg><path/></svg><p>b</p><script>never closed',
    );
    expect(page).toEqual({ html: '<p>a</p><p>b</p>', jsonLd: ['{"a":1}'] });
    const hostile = '<script>'.repeat(20_000);
    expect(stripInertMarkup(hostile).html).toBe('');
    expect(stripInertMarkup('<!--'.repeat(20_000)).html).toBe('');
  });
});

// An element parsed from markup, for the rules that take an element.
function parseHTMLElement(markup: string): PageElement {
  const { document } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
  const element = document.body.firstElementChild;
  if (!element) throw new Error('no element');
  return element as unknown as PageElement;
}
