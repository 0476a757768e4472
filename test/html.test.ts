import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { NewsReadError } from '../src/errors.js';
import { fetchPage } from '../src/fetch.js';
import { decodeHtml, parseHtml } from '../src/html.js';
import { articleMeta } from '../src/parse.js';
import { renderPlain } from '../src/render/plain.js';
import { renderStyled } from '../src/render/styled.js';
import { isHtmlSource, resolveSource } from '../src/source.js';
import type { Article, FullView } from '../src/types.js';
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
        location: left > 1 ? `/hop/${left - 1}` : 'http://127.0.0.1:' + port() + '/story.html',
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
    expect(isHtmlSource({ kind: 'file', path: 'Saved Page.HTM' }, 'not markup')).toBe(true);
    expect(isHtmlSource({ kind: 'stdin' }, '\uFEFF<!-- saved -->\n<!DOCTYPE html><p>')).toBe(true);
    expect(isHtmlSource({ kind: 'stdin' }, '<html lang="en">')).toBe(true);
    expect(isHtmlSource({ kind: 'file', path: 'story.txt' }, 'Talks resume <b>soon</b>')).toBe(false);
    expect(isHtmlSource({ kind: 'bundled', slug: 'x' }, '<!doctype html>')).toBe(false);
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
    article.blocks!.forEach((block, index) => {
      for (const link of block.links)
        expect(article.paragraphs[index]!.slice(link.start, link.start + link.text.length)).toBe(link.text);
    });
    expect(
      article.sentences.every((sentence) =>
        article.paragraphs[sentence.paragraph]!.slice(sentence.start).startsWith(sentence.text),
      ),
    ).toBe(true);
  });

  test('any page: links sit at their offsets, targets are safe, and output has no stray controls', () => {
    const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
    const escape = (text: string) =>
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
      text.map(escape),
      fc.tuple(text, href).map(([words, target]) => `<a href="${escape(target)}">${escape(words)}</a>`),
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
        article.blocks!.forEach((block, index) => {
          const paragraph = article.paragraphs[index]!;
          expect(paragraph).not.toMatch(CONTROL);
          for (const link of block.links) {
            expect(paragraph.slice(link.start, link.start + link.text.length)).toBe(link.text);
            expect(link.href).toMatch(/^(?:https?|mailto):[\x21-\x7e]*$/);
          }
        });
        const view: FullView = {
          view: 'full',
          article: articleMeta(article),
          paragraphs: article.paragraphs,
          blocks: article.blocks!,
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
