import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Chalk } from 'chalk';
import { afterAll, describe, expect, test } from 'vitest';
import { parseArticle } from '../src/parse.js';
import { renderStyled } from '../src/render/styled.js';
import type { View } from '../src/types.js';
import { fullView } from '../src/views/full.js';
import { quotesView } from '../src/views/quotes.js';
import { summaryView } from '../src/views/summary.js';
import { readFixture, runCli, seedText } from './helpers.js';

// The bundles under test are the ones `npm run build` made (npm test builds first).
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/news-read.js');
// Level 1 colour on both sides: --color always, and no variable that raises the level.
const environment = { PATH: process.env.PATH ?? '', TERM: 'xterm' };
const temporary = mkdtempSync(join(tmpdir(), 'news-read-bundle-'));
afterAll(() => rmSync(temporary, { recursive: true, force: true }));

function runBin(
  args: string[],
  options: { bin?: string; env?: Record<string, string>; require?: string; cwd?: string } = {},
) {
  const preload = options.require ? ['--require', options.require] : [];
  return spawnSync(process.execPath, [...preload, options.bin ?? bin, ...args], {
    encoding: 'utf8',
    cwd: options.cwd,
    env: { ...environment, XDG_CACHE_HOME: join(temporary, 'unused-cache'), ...options.env },
  });
}

// Copies what the package ships into a directory of its own, so a test can break its caches.
function installCopy(name: string): string {
  const directory = join(temporary, name);
  for (const part of ['bin', 'articles', 'package.json'])
    cpSync(join(root, part), join(directory, part), { recursive: true });
  mkdirSync(join(directory, 'dist'));
  for (const file of readdirSync(join(root, 'dist')).filter((file) => file.includes('.bundle.cjs'))) {
    cpSync(join(root, 'dist', file), join(directory, 'dist', file));
  }
  return directory;
}

// The views as the CLI builds them for styled output (full view with its quotations), in-process from src/.
const seedArticle = parseArticle(seedText, { slug: 'syria-talks-lausanne' });
const markdownFixture = 'test/fixtures/markdown-every-block.md';
const STYLED_CASES: { args: string[]; view: () => View }[] = [
  { args: ['--full'], view: () => fullView(seedArticle, { quotations: true }) },
  { args: ['--summary'], view: () => summaryView(seedArticle) },
  { args: ['--quotes'], view: () => quotesView(seedArticle) },
  {
    args: [markdownFixture],
    view: () =>
      fullView(parseArticle(readFixture('markdown-every-block.md'), { markdown: true }), { quotations: true }),
  },
];

describe('the bundled build', () => {
  // The styled chunk is chalk (with the supports-color stand-in) and render/styled.ts, bundled and
  // minified; in-process, the renderer runs from src/ with the real chalk. Level 1, 80 columns, and
  // no hyperlinks (the bin's stdout is a pipe) on both sides.
  test.each(STYLED_CASES.map(({ args, view }) => [args.join(' '), args, view] as const))(
    'styles %s exactly as the in-process renderer does',
    (_name, args, view) => {
      const expected = renderStyled(view(), { chalk: new Chalk({ level: 1 }), width: 80, hyperlinks: false });
      const bundled = runBin([...args, '--color', 'always', '--width', '80'], { cwd: root });
      expect(expected).toContain('\x1b[');
      expect(bundled.stderr).toBe('');
      expect(bundled.status).toBe(0);
      expect(bundled.stdout).toBe(expected);
    },
  );

  test.each([['--plain'], ['--summary', '--plain'], ['--quotes', '--plain'], ['--json'], ['--list']])(
    'prints %s exactly as the unbundled code does',
    async (...args) => {
      const unbundled = await runCli(args, { env: environment });
      const bundled = runBin(args);
      expect(bundled.status).toBe(0);
      expect(bundled.stdout).toBe(unbundled.stdout);
    },
  );

  // A preload records every file bin reads: the plain path must not touch the styled chunk.
  test('bin reads the main bundle, and the styled chunk only for styled output', () => {
    const hook = join(temporary, 'record-reads.cjs');
    writeFileSync(
      hook,
      `const fs = require('node:fs');
const readFileSync = fs.readFileSync;
fs.readFileSync = function (path, ...rest) {
  if (String(path).includes('bundle')) process.stderr.write('read ' + require('node:path').basename(String(path)) + '\\n');
  return readFileSync.call(this, path, ...rest);
};
`,
    );
    const plain = runBin(['--plain'], { require: hook });
    expect(plain.stderr).toMatch(/^read news-read\.bundle\.cjs$/m);
    expect(plain.stderr).not.toMatch(/styled/);
    const styled = runBin(['--color', 'always'], { require: hook });
    expect(styled.stderr).toMatch(/^read news-read-styled\.bundle\.cjs$/m);
    expect(styled.stdout).toContain('\x1b[');
  });

  test('runs from the code cache that the build made, writing no other', () => {
    const cache = join(temporary, 'cache-unneeded');
    const result = runBin(['--color', 'always'], { env: { XDG_CACHE_HOME: cache } });
    expect(result.status).toBe(0);
    expect(existsSync(cache)).toBe(false);
  });

  test('without the build cache, runs the same and writes one to the user cache directory', () => {
    const directory = installCopy('no-cache');
    for (const file of readdirSync(join(directory, 'dist')).filter((file) => file.endsWith('.v8cache')))
      rmSync(join(directory, 'dist', file));
    const cache = join(temporary, 'user-cache');
    const first = runBin(['--plain'], { bin: join(directory, 'bin/news-read.js'), env: { XDG_CACHE_HOME: cache } });
    expect(first.status).toBe(0);
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe(runBin(['--plain']).stdout);
    expect(readdirSync(join(cache, 'news-read')).some((file) => file.startsWith('news-read.bundle.cjs.'))).toBe(true);
    const second = runBin(['--plain'], { bin: join(directory, 'bin/news-read.js'), env: { XDG_CACHE_HOME: cache } });
    expect(second.stdout).toBe(first.stdout);
  });

  test('a corrupt cache and an unwritable cache directory only cost speed', () => {
    const directory = installCopy('corrupt-cache');
    for (const file of readdirSync(join(directory, 'dist')).filter((file) => file.endsWith('.v8cache'))) {
      writeFileSync(join(directory, 'dist', file), 'not a code cache');
    }
    // A cache directory under a regular file cannot be created, even by root.
    const blocked = join(temporary, 'a-file');
    writeFileSync(blocked, '');
    const result = runBin(['--color', 'always'], {
      bin: join(directory, 'bin/news-read.js'),
      env: { XDG_CACHE_HOME: join(blocked, 'cache') },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(runBin(['--color', 'always']).stdout);
  });
});
