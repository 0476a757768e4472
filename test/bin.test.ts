import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { createProgram } from '../src/cli.js';
import { renderManPage } from '../src/manpage.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/news-read.js');
const scratch = mkdtempSync(join(tmpdir(), 'news-read-bin-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const story = 'A Piped Headline\n\nThe council met on Monday. It voted to rebuild the mill.\n';
// Runs a shell line with $BIN set to `node bin/news-read.js`, stdout and the exit status captured.
const shell = (line: string) =>
  execFileSync('bash', ['-c', line], {
    encoding: 'utf8',
    cwd: scratch,
    env: { PATH: process.env.PATH, BIN: `"${process.execPath}" "${bin}"` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

// These spawn the built tool, as a user's shell would.
describe('the built bin', () => {
  test('prints the plain full view through a pipe', () => {
    const result = spawnSync(process.execPath, [bin], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toContain('\x1b');
    expect(result.stdout).toContain('omen.for');
  });

  test('`news-read | head -1` prints one line and exits 0 with nothing on stderr', () => {
    const output = shell('set -o pipefail; eval "$BIN --json" | head -1; echo "status=$?"');
    expect(output).toBe('{\nstatus=0\n');
  });

  test('--help and --version into a pipe closed early exit 0 with nothing on stderr', () => {
    for (const flag of ['--help', '--version']) {
      expect(shell(`eval "$BIN ${flag}" | true; echo "status=\${PIPESTATUS[0]}"`)).toBe('status=0\n');
    }
  });

  test('reads standard input with -', () => {
    const result = spawnSync(process.execPath, [bin, '-', '--summary'], {
      input: 'A short story. It ends here.',
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('A short story.');
  });

  test('with no ARTICLE, reads a pipe or a redirected file, as cat does', () => {
    writeFileSync(join(scratch, 'story.txt'), story);
    expect(shell('cat story.txt | eval "$BIN --summary -n 2 --no-header"')).toBe(
      'The council met on Monday.\nIt voted to rebuild the mill.\n',
    );
    expect(shell('eval "$BIN --json" < story.txt')).toContain('"title": "A Piped Headline"');
  });

  test('with no ARTICLE, /dev/null or an empty pipe on standard input shows the bundled article', () => {
    expect(shell('eval "$BIN --json" < /dev/null')).toContain('"slug": "syria-talks-lausanne"');
    expect(shell('true | eval "$BIN --json"')).toContain('"slug": "syria-talks-lausanne"');
  });

  test('reports usage errors with exit 2 and one line', () => {
    const result = spawnSync(process.execPath, [bin, '--full', '--quotes'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  test('a file named "completion" is still read as ./completion or after --', () => {
    const directory = mkdtempSync(join(scratch, 'cwd-'));
    writeFileSync(join(directory, 'completion'), 'A story in a file named completion. It has two sentences.\n');
    for (const argv of [['./completion'], ['--', 'completion']]) {
      const result = spawnSync(process.execPath, [bin, '--json', ...argv], { cwd: directory, encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(JSON.parse(result.stdout).paragraphs[0]).toContain('named completion');
    }
  });

  test('prints the version in package.json', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(execFileSync(process.execPath, [bin, '-V'], { encoding: 'utf8' })).toBe(`${version}\n`);
  });
});

describe('the package', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    man?: unknown;
    dependencies?: Record<string, string>;
    files?: string[];
  };

  // npm links man pages only from an array; .ci/run checks `man -w news-read` after a global install.
  test('names dist/news-read.1 as its man page, and the build made it from the program', () => {
    expect(manifest.man).toEqual(['./dist/news-read.1']);
    expect(readFileSync(join(root, 'dist/news-read.1'), 'utf8')).toBe(renderManPage(createProgram()));
  });

  test('has no runtime dependencies: the bundles hold everything they run', () => {
    expect(manifest.dependencies ?? {}).toEqual({});
    for (const file of ['news-read.bundle.cjs', 'news-read-styled.bundle.cjs', 'news-read-html.bundle.cjs']) {
      const code = readFileSync(join(root, 'dist', file), 'utf8');
      // linkedom's optional canvas is required inside a try, with a fallback.
      const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);
      expect(required.filter((name) => !name?.startsWith('node:') && name !== 'canvas')).toEqual([]);
    }
  });

  test('ships the licences of the bundled packages', () => {
    const notices = readFileSync(join(root, 'dist/THIRD-PARTY-NOTICES'), 'utf8');
    for (const name of ['@mozilla/readability', 'commander', 'linkedom', 'css-select'])
      expect(notices).toMatch(new RegExp(`^${name.replace('/', '\\/')} [\\d.]+ \\(`, 'm'));
    expect(notices).toContain('Apache License');
    expect(manifest.files).toContain('dist/THIRD-PARTY-NOTICES');
  });
});

// A copy of what the package ships, without the build's code caches, so bin has to make its own.
function installWithoutCaches(name: string): string {
  const directory = join(scratch, name);
  for (const part of ['bin', 'articles', 'package.json'])
    cpSync(join(root, part), join(directory, part), { recursive: true });
  mkdirSync(join(directory, 'dist'));
  for (const file of readdirSync(join(root, 'dist')).filter((file) => file.endsWith('.bundle.cjs')))
    cpSync(join(root, 'dist', file), join(directory, 'dist', file));
  return join(directory, 'bin/news-read.js');
}

function runWith(binPath: string, env: Record<string, string>) {
  return spawnSync(process.execPath, [binPath, '--plain'], {
    encoding: 'utf8',
    cwd: scratch,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('the code caches bin makes', () => {
  test('go to the user cache directory, replace that bundle’s older caches, and are used next time', () => {
    const binPath = installWithoutCaches('prune');
    const cache = join(scratch, 'prune-cache');
    mkdirSync(join(cache, 'news-read'), { recursive: true });
    const stale = join(cache, 'news-read', 'news-read.bundle.cjs.0123456789abcdef.node1.0.v8cache');
    const other = join(cache, 'news-read', 'unrelated-file');
    writeFileSync(stale, 'an old cache');
    writeFileSync(other, 'not ours');
    const first = runWith(binPath, { XDG_CACHE_HOME: cache });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const caches = readdirSync(join(cache, 'news-read')).filter((name) => name.startsWith('news-read.bundle.cjs.'));
    expect(caches).toHaveLength(1);
    expect(caches[0]).toMatch(new RegExp(`\\.node${process.versions.v8.replace(/\./g, '\\.')}\\.v8cache$`));
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(other)).toBe(true);
    const second = runWith(binPath, { XDG_CACHE_HOME: cache });
    expect(second.stdout).toBe(first.stdout);
    expect(readdirSync(join(cache, 'news-read')).filter((name) => name.startsWith('news-read.bundle.cjs.'))).toEqual(
      caches,
    );
  });

  test('are never written beside the package, nor under a relative XDG_CACHE_HOME', () => {
    const binPath = installWithoutCaches('relative');
    const home = join(scratch, 'home');
    mkdirSync(home);
    const result = runWith(binPath, { XDG_CACHE_HOME: 'relative-cache', HOME: home });
    expect(result.status).toBe(0);
    expect(existsSync(join(scratch, 'relative-cache'))).toBe(false);
    expect(readdirSync(join(home, '.cache/news-read')).some((name) => name.endsWith('.v8cache'))).toBe(true);
    expect(readdirSync(join(scratch, 'relative/dist')).some((name) => name.endsWith('.v8cache'))).toBe(false);
  });

  test('with no HOME and no XDG_CACHE_HOME, nothing is written and the run is the same', () => {
    const binPath = installWithoutCaches('homeless');
    const result = runWith(binPath, {});
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readdirSync(join(scratch, 'homeless/dist')).some((name) => name.endsWith('.v8cache'))).toBe(false);
  });
});

describe('a fresh checkout', () => {
  // The README's `npm install && npx news-read`: no lifecycle script builds, so the first run does.
  test('builds dist/ on its first run, silently, and shows the article', () => {
    const checkout = join(scratch, 'checkout');
    for (const part of ['bin', 'articles', 'src', 'build.mjs', 'package.json', 'tsconfig.json'])
      cpSync(join(root, part), join(checkout, part), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(checkout, 'node_modules'));
    const result = spawnSync(process.execPath, [join(checkout, 'bin/news-read.js'), '--summary'], {
      encoding: 'utf8',
      cwd: checkout,
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Kerry and Lavrov meet in Lausanne');
    expect(existsSync(join(checkout, 'dist/news-read.1'))).toBe(true);
  }, 120_000);
});
