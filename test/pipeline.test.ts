import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { Chalk } from 'chalk';
import { describe, expect, test } from 'vitest';
import { main } from '../src/cli.js';
import { decodeDocument } from '../src/decode.js';
import { parseArticle } from '../src/parse.js';
import { renderPlain } from '../src/render/plain.js';
import { renderStyled } from '../src/render/styled.js';
import { listView } from '../src/views/list.js';
import { runCli, seedText } from './helpers.js';

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

// The pipeline end to end: every input kind to every renderer, at sizes and in layouts that broke it before.

describe('articles of many paragraphs', () => {
  // 130 000 paragraphs: each renderer once spread them all into push() and overflowed the stack.
  const paragraphs = Array.from({ length: 130_000 }, (_, index) => `Paragraph ${index} went on.`);
  const article = `Big story\n\n${paragraphs.join('\n\n')}\n`;

  test.each([['--plain'], ['--plain', '--width', '60'], ['--color', 'always'], ['--json']])(
    'render every paragraph with %s',
    async (...flags) => {
      const { code, stdout, stderr } = await runCli(['-', ...flags], { stdin: article });
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toContain('Paragraph 129999 went on.');
    },
    30_000,
  );
});

const ESC = '\x1b';
const SGR = /\x1b\[[\d;]*m/g;
const visible = (line: string) => line.replace(SGR, '').replace(/\x1b\]8;;[^\x1b]*\x1b\\/g, '');
const markdownArticle = 'test/fixtures/markdown-every-block.md';

// Each body line of styled or plain output (the header lines left out), with the lines that start a new paragraph marked.
function bodyLines(output: string): { line: string; startsParagraph: boolean }[] {
  const all = output.split('\n').map(visible);
  const lines = all.slice(all.indexOf('') + 1);
  return lines.map((line, index) => ({ line, startsParagraph: index === 0 || lines[index - 1] === '' }));
}

describe('wrapping', () => {
  test.each([
    ['styled', ['--color', 'always', '--width', '80']],
    ['plain', ['--plain', '--width', '80']],
  ])('a %s line never ends where the next word would still fit', async (_mode, flags) => {
    const { stdout } = await runCli([...flags], { env: { TERM: 'xterm' } });
    const lines = bodyLines(stdout);
    lines.forEach(({ line }, index) => {
      const next = lines[index + 1];
      if (!next || next.startsParagraph || next.line === '') return;
      const nextWord = next.line.trimStart().split(' ')[0] ?? '';
      expect([...line].length).toBeLessThanOrEqual(80);
      expect([...`${line} ${nextWord}`].length, `"${line}" could take "${nextWord}"`).toBeGreaterThan(80);
    });
  });

  test('--plain on a terminal is wrapped to its width', async () => {
    const { stdout } = await runCli(['--plain'], { tty: true, columns: 60 });
    expect(stdout).not.toContain(ESC);
    const widths = stdout.split('\n').map((line) => [...line].length);
    expect(Math.max(...widths)).toBeLessThanOrEqual(60);
    expect(Math.max(...widths)).toBeGreaterThan(50);
  });

  test('--color always into a pipe takes the width from stderr when stderr is a terminal', async () => {
    const stdin = new PassThrough();
    stdin.end();
    const stdout = new Collect();
    const stderr = Object.assign(new Collect(), { isTTY: true, columns: 64 });
    const code = await main(['--color', 'always'], { stdin, stdout, stderr, env: { TERM: 'xterm' } });
    expect(code).toBe(0);
    const widths = stdout.text.split('\n').map((line) => [...visible(line)].length);
    expect(Math.max(...widths)).toBeLessThanOrEqual(64);
    expect(Math.max(...widths)).toBeGreaterThan(56);
  });

  test('--help into a pager fits the terminal that stderr shows', async () => {
    const stdin = new PassThrough();
    stdin.end();
    const stdout = new Collect();
    const stderr = Object.assign(new Collect(), { isTTY: true, columns: 48 });
    expect(await main(['--help'], { stdin, stdout, stderr, env: {} })).toBe(0);
    for (const line of stdout.text.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(48);
  });

  test.each([40, 47, 55, 63, 80])('--help fits a terminal %i columns wide, breaking no word', async (columns) => {
    const { code, stdout } = await runCli(['--help'], { tty: true, columns });
    expect(code).toBe(0);
    for (const line of stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(columns);
    expect(stdout).toContain('NEWS_READ_PAGER');
  });
});

describe('looks', () => {
  test('summary items and list items have • bullets', async () => {
    const summary = (await runCli(['--summary', '--color', 'always'], { env: { TERM: 'xterm' } })).stdout;
    expect(summary.split('\n\n')[1]).toMatch(/^• /);
    const list = (await runCli([markdownArticle, '--color', 'always'], { env: { TERM: 'xterm' } })).stdout;
    expect(list).toContain('• A pay rise of 4.99 per cent from June\n• Two more crew members on the');
  });

  test('a block quote has a bar on every line, and its attribution under it', async () => {
    const { stdout } = await runCli([markdownArticle, '--color', 'always', '--width', '60'], {
      env: { TERM: 'xterm' },
    });
    const quote = stdout
      .split('\n')
      .map(visible)
      .filter((line) => line.startsWith('│ '));
    expect(quote.length).toBeGreaterThanOrEqual(3);
    expect(quote.at(-1)).toBe('│ — Ilse Brandt, harbour master');
  });

  test('quotations are magenta and italic (readable on dark and light), never cyan or yellow', async () => {
    const { stdout } = await runCli(['--color', 'always'], { env: { TERM: 'xterm' } });
    expect(stdout).toContain(`${ESC}[3m${ESC}[35m“hostility”`);
    expect(stdout).not.toMatch(/\x1b\[3[36]m/);
  });

  test('the contact is a mailto: hyperlink where the terminal shows them, and never styled as a quotation', async () => {
    const linked = await runCli(['--color', 'always'], { env: { TERM: 'xterm', FORCE_HYPERLINK: '1' } });
    expect(linked.stdout).toContain(`${ESC}]8;;mailto:jwood@thenational.ae${ESC}\\`);
    const unlinked = await runCli(['--color', 'always'], { env: { TERM: 'xterm', FORCE_HYPERLINK: '0' } });
    expect(unlinked.stdout.trimEnd().split('\n').at(-1)).toBe('jwood@thenational.ae');
  });

  test('NO_COLOR keeps bold and italic but no colour', async () => {
    const { stdout } = await runCli([], { tty: true, columns: 80, env: { NO_COLOR: '1', TERM: 'xterm' } });
    expect(stdout).toContain(`${ESC}[1mKerry and Lavrov`);
    expect(stdout).toContain(`${ESC}[3m“hostility”${ESC}[23m`);
    expect(stdout).not.toMatch(/\x1b\[(?:3\d|9\d)m/);
  });

  test('--color never on a terminal writes no escape codes at all', async () => {
    const { stdout } = await runCli(['--color', 'never'], { tty: true, columns: 80, env: { NO_COLOR: '1' } });
    expect(stdout).not.toContain(ESC);
  });
});

describe('Markdown articles', () => {
  test('no Markdown marker reaches plain output or the quotes view', async () => {
    for (const view of ['--full', '--summary', '--quotes']) {
      const { stdout } = await runCli([markdownArticle, view, '--plain']);
      expect(stdout).not.toMatch(/\*|__|`|^#|^> |^- |\]\(/m);
    }
  });

  test('a block quote with a dash line keeps it as the attribution, out of the text', async () => {
    const { blocks, paragraphs } = JSON.parse((await runCli([markdownArticle, '--json'])).stdout);
    const index = blocks.findIndex((block: { kind: string }) => block.kind === 'quote');
    expect(blocks[index].attribution).toBe('Ilse Brandt, harbour master');
    expect(paragraphs[index]).toBe(
      'The harbour runs on these boats. A town cannot be cut in half for a fortnight again.',
    );
  });
});

describe('one source stage', () => {
  test('a slug, a file and standard input give the same article', async () => {
    const bySlug = await runCli(['syria-talks-lausanne', '--json']);
    const byFile = await runCli(['articles/syria-talks-lausanne.txt', '--json']);
    const byStdin = await runCli(['-', '--json'], { stdin: seedText });
    const body = (output: string) => {
      const { article, ...rest } = JSON.parse(output);
      return { ...rest, article: { ...article, slug: null } };
    };
    expect(body(byFile.stdout)).toEqual(body(bySlug.stdout));
    expect(body(byStdin.stdout)).toEqual(body(bySlug.stdout));
  });

  test('a page that is valid UTF-8 but declares gb2312 is read as UTF-8', () => {
    const bytes = Buffer.from(
      '<!doctype html><html><head><meta charset="gb2312"><title>Café</title></head><body><p>Le café est fermé.</p></body></html>',
    );
    const document = decodeDocument({ bytes, name: 'page', mediaType: null });
    expect(document.kind).toBe('html');
    expect(document.text).toContain('Le café est fermé.');
  });

  test('a page in a declared 8-bit charset is still read in it', () => {
    const bytes = Buffer.from(
      '<html><head><meta charset="iso-8859-1"></head><body><p>caf\xe9</p></body></html>',
      'latin1',
    );
    expect(decodeDocument({ bytes, name: 'page', mediaType: null }).text).toContain('café');
  });
});

describe('--list', () => {
  // A copy of the built package with one more bundled article, whose headline would drive the terminal.
  test('the built command lists a hostile bundled article without writing its escape codes or bidi override', () => {
    const directory = mkdtempSync(join(tmpdir(), 'news-read-list-'));
    try {
      for (const part of ['bin', 'articles', 'package.json']) cpSync(part, join(directory, part), { recursive: true });
      mkdirSync(join(directory, 'dist'));
      for (const file of readdirSync('dist').filter((name) => name.includes('.bundle.cjs'))) {
        cpSync(join('dist', file), join(directory, 'dist', file));
      }
      writeFileSync(
        join(directory, 'articles', 'zz-hostile.txt'),
        'Headline \x1b[2J\x1b]0;owned\x07with \u202Etricks\n\nA body line.\n',
      );
      for (const flags of [['--plain'], ['--color', 'always']]) {
        const result = spawnSync(process.execPath, [join(directory, 'bin/news-read.js'), '--list', ...flags], {
          encoding: 'utf8',
          env: { PATH: process.env.PATH ?? '', TERM: 'xterm' },
        });
        expect(result.status).toBe(0);
        expect(result.stdout).toContain('zz-hostile');
        expect(result.stdout.replace(SGR, '')).not.toMatch(/[\x1b\u202e\x07]/);
        expect(result.stdout.replace(SGR, '')).toContain('Headline with tricks');
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  test('renders each headline sanitised: no escape sequence or bidi override reaches the terminal', () => {
    const hostile = parseArticle('Headline \x1b[2J\x1b]0;owned\x07with \u202Etricks\n\nA body line.\n', {
      slug: 'hostile',
    });
    const view = listView([hostile]);
    const plain = renderPlain(view, { width: null });
    expect(plain).not.toMatch(/[\x1b\u202e\x07]/);
    expect(plain).toContain('Headline with tricks');
    const styled = renderStyled(view, { chalk: new Chalk({ level: 1 }), width: 80 });
    expect(styled.replace(SGR, '')).not.toMatch(/[\x1b\u202e\x07]/);
  });
});
