// Hostile input (issue 6): streams and paths through the built bin, as a shell
// would run it; encodings and odd structures in-process through main().

import type { SpawnSyncOptions } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Io } from '../src/cli.js';
import { main } from '../src/cli.js';
import { decodeDocument } from '../src/decode.js';
import type { ErrorCode } from '../src/errors.js';
import { NewsReadError } from '../src/errors.js';
import { parseArticle } from '../src/parse.js';
import { stripControls } from '../src/sanitize.js';
import { listBundledSlugs, readSource, resolveSource } from '../src/source.js';
import { displayWidth, wrapText } from '../src/width.js';
import { runCli } from './helpers.js';

const bin = fileURLToPath(new URL('../bin/news-read.js', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));

// What no output may hold: C0 but tab and newline, DEL, C1, and the bidi embeddings, overrides and isolates.
const FORBIDDEN = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
// The only escape codes styled output may hold are chalk's own SGR colours.
const SGR = /\x1b\[[\d;]*m/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const VIEWS = [['--full'], ['--summary'], ['--quotes']];
const OUTPUTS = [['--plain'], ['--json'], ['--color', 'always']];
const ALL_WAYS = VIEWS.flatMap((view) => OUTPUTS.map((output) => [...view, ...output]));

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'news-read-hostile-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

// Runs the built bin as a user's shell would, with no colour settings leaking in from the test's environment.
function runBin(args: string[], options: SpawnSyncOptions = {}) {
  const env = { PATH: process.env.PATH, HOME: scratch };
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env, timeout: 60_000, ...options });
  return {
    status: result.status,
    signal: result.signal,
    stdout: String(result.stdout ?? ''),
    stderr: String(result.stderr ?? ''),
  };
}

function expectOneErrorLine(stderr: string): void {
  expect(stderr).toMatch(/^news-read: [^\n]+\n$/);
  expect(stderr).not.toMatch(/\bat .+:\d+:\d+/);
}

async function errorCode(promise: Promise<unknown>): Promise<ErrorCode | 'none'> {
  try {
    await promise;
    return 'none';
  } catch (error) {
    if (error instanceof NewsReadError) return error.code;
    throw error;
  }
}

function expectSafe(output: string): void {
  expect(output.replace(SGR, '')).not.toMatch(FORBIDDEN);
  expect(output).not.toMatch(LONE_SURROGATE);
}

function writeScratch(name: string, content: string | Uint8Array): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

function tinyParagraphs(count: number): string {
  return `Ten thousand paragraphs\n\n${Array.from({ length: count }, (_, index) => `Item ${index} is short.`).join('\n\n')}\n`;
}

describe('streams', () => {
  test.each(['--plain', '--json', '--summary --plain', '--quotes --plain', '--color always'])(
    '`news-read %s | head -1` exits 0 with nothing on stderr, even mid-write',
    (args) => {
      const article = writeScratch('many.txt', tinyParagraphs(10_000));
      const errors = join(scratch, 'head.err');
      const script = `"${process.execPath}" "${bin}" "${article}" ${args} 2>"${errors}" | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`;
      const status = spawnSync('bash', ['-c', script], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: scratch },
      }).stdout;
      expect(status).toBe('0\n');
      expect(readFileSync(errors, 'utf8')).toBe('');
    },
  );

  test('a stray SIGPIPE neither kills nor garbles a run (Node ignores it; a closed pipe is EPIPE)', async () => {
    const child = spawn(process.execPath, [bin, '-', '--plain'], { env: { PATH: process.env.PATH, HOME: scratch } });
    const done = collect(child);
    await started(child);
    child.kill('SIGPIPE');
    child.stdin.end('A headline\n\nThe story goes on. It ends here.\n');
    const result = await done;
    expect(result).toMatchObject({ code: 0, signal: null, stderr: '' });
    expect(result.stdout).toContain('It ends here.');
  });

  test('SIGINT while waiting for stdin ends the run at once, with no stack trace and no output', async () => {
    const child = spawn(process.execPath, [bin, '-'], { env: { PATH: process.env.PATH, HOME: scratch } });
    const done = collect(child);
    await started(child);
    child.kill('SIGINT');
    const result = await done;
    expect(result.signal === 'SIGINT' || result.code === 130).toBe(true);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('');
  });

  test.skipIf(!existsSync('/dev/full'))(
    `\`news-read > /dev/full\` reports the write error on one line and exits 1${existsSync('/dev/full') ? '' : ' (skipped: no /dev/full)'}`,
    () => {
      const full = openSync('/dev/full', 'w');
      try {
        for (const args of [['--plain'], ['--json'], ['--summary', '--color', 'always']]) {
          const result = runBin(args, { stdio: ['ignore', full, 'pipe'] });
          expect(result.status).toBe(1);
          expectOneErrorLine(result.stderr);
          expect(result.stderr).toMatch(/^news-read: cannot write output/);
        }
      } finally {
        closeSync(full);
      }
    },
  );

  test('`-` with a terminal on stdin prints a hint before waiting', async () => {
    const result = await runCli(['-', '--plain'], {
      stdinTTY: true,
      stdin: 'Typed in\n\nA story typed at the terminal. It ends.\n',
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^news-read: reading an article from the terminal; end it with Ctrl-D[^\n]*\n$/);
    expect(result.stdout).toContain('It ends.');
  });

  test('`-` with a terminal and nothing typed: the hint, then an empty-input error, exit 1', async () => {
    const result = await runCli(['-'], { stdinTTY: true, stdin: '' });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')).toHaveLength(3);
    expect(result.stdout).toBe('');
  });
});

// Resolves once the child is running; its own start-up is what a signal may interrupt.
function started(child: ReturnType<typeof spawn>): Promise<void> {
  return new Promise((resolve) => {
    child.once('spawn', () => setTimeout(resolve, 300));
  });
}

function collect(
  child: ReturnType<typeof spawn>,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin?.on('error', () => {});
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('paths', () => {
  test('a directory is one line and exit 1 (NOT_A_FILE)', async () => {
    const result = runBin([scratch]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expectOneErrorLine(result.stderr);
    expect(await errorCode(readSource({ kind: 'file', path: scratch }, { stdin: process.stdin }))).toBe('NOT_A_FILE');
  });

  test('a missing file is one line and exit 1 (ARTICLE_NOT_FOUND), as a path or a bare word', async () => {
    for (const argument of [join(scratch, 'missing.txt'), 'no-such-article']) {
      const result = runBin([argument]);
      expect(result.status).toBe(1);
      expectOneErrorLine(result.stderr);
    }
    expect(
      await errorCode(readSource({ kind: 'file', path: join(scratch, 'missing.txt') }, { stdin: process.stdin })),
    ).toBe('ARTICLE_NOT_FOUND');
  });

  // Root reads any file whatever its mode, so this case cannot be shown when the tests run as root.
  test.skipIf(process.getuid?.() === 0)(
    `an unreadable file (mode 000) is one line and exit 1 (UNREADABLE)${process.getuid?.() === 0 ? ' (skipped: root reads any file)' : ''}`,
    async () => {
      const path = writeScratch('secret.txt', 'A story. It is private.\n');
      chmodSync(path, 0o000);
      const result = runBin([path]);
      expect(result.status).toBe(1);
      expectOneErrorLine(result.stderr);
      expect(await errorCode(readSource({ kind: 'file', path }, { stdin: process.stdin }))).toBe('UNREADABLE');
    },
  );

  const hasMkfifo = spawnSync('sh', ['-c', 'command -v mkfifo']).status === 0;
  test.skipIf(!hasMkfifo)(
    `a FIFO with no writer is refused at once, not waited on: one line, exit 1 (NOT_A_FILE)${hasMkfifo ? '' : ' (skipped: mkfifo not installed)'}`,
    async () => {
      const path = join(scratch, 'fifo');
      expect(spawnSync('mkfifo', [path]).status).toBe(0);
      const result = runBin([path], { timeout: 20_000 });
      expect(result.signal).toBeNull();
      expect(result.status).toBe(1);
      expectOneErrorLine(result.stderr);
      expect(await errorCode(readSource({ kind: 'file', path }, { stdin: process.stdin }))).toBe('NOT_A_FILE');
    },
  );

  test('a symlink loop is one line and exit 1 (UNREADABLE), even when its name looks like a slug', async () => {
    const loops = join(scratch, 'loops');
    mkdirSync(loops);
    symlinkSync('loop-b', join(loops, 'loop-a'));
    symlinkSync('loop-a', join(loops, 'loop-b'));
    for (const argument of ['loop-a', './loop-b']) {
      const result = runBin([argument], { cwd: loops });
      expect(result.status).toBe(1);
      expectOneErrorLine(result.stderr);
      expect(result.stderr).toMatch(/symbolic links/);
    }
    expect(await errorCode(readSource({ kind: 'file', path: join(loops, 'loop-a') }, { stdin: process.stdin }))).toBe(
      'UNREADABLE',
    );
  });

  test("`../../etc/passwd` is never a bundled slug: it is the user's own path", async () => {
    const slugs = listBundledSlugs();
    expect(resolveSource('../../etc/passwd', slugs)).toEqual({ kind: 'file', path: '../../etc/passwd' });
    expect(resolveSource('../articles/x', slugs).kind).toBe('file');
    for (const slug of ['../../etc/passwd', '../package', 'a/../../b', '.hidden']) {
      expect(await errorCode(readSource({ kind: 'bundled', slug }, { stdin: process.stdin }))).toBe(
        'ARTICLE_NOT_FOUND',
      );
    }
  });

  test("`../../x` given as a path is the user's own file, read as a file and never as a bundled article", () => {
    const deep = join(scratch, 'one', 'two');
    mkdirSync(deep, { recursive: true });
    writeScratch('own.txt', 'My own notes\n\nA file of mine. It is read as a file.\n');
    const result = runBin(['../../own.txt', '--json'], { cwd: deep });
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as { article: { slug: string | null } }).article.slug).toBeNull();
  });

  test('an unexpected error is one line naming DEBUG=news-read; with DEBUG=news-read, the stack', async () => {
    const failing = () =>
      new Readable({
        read() {
          this.destroy(new Error('disk on fire'));
        },
      });
    const plain = fakeIo(failing());
    expect(await main(['-'], plain.io)).toBe(1);
    expect(plain.stderr.text).toMatch(
      /^news-read: internal error: disk on fire \(set DEBUG=news-read for details\)\n$/,
    );
    const debug = fakeIo(failing());
    debug.io.env = { DEBUG: 'news-read' };
    expect(await main(['-'], debug.io)).toBe(1);
    expect(debug.stderr.text).toMatch(/^Error: disk on fire\n\s+at /);
  });

  test('a file or argument name carrying escape codes or a newline is printed as one clean line', () => {
    const result = runBin(['missing\x1b[31mred\nsecond line.txt']);
    expect(result.status).toBe(1);
    expectOneErrorLine(result.stderr);
    expectSafe(result.stderr);
    const usage = runBin(['--bogus\x1b]0;title\x07']);
    expect(usage.status).toBe(2);
    expectOneErrorLine(usage.stderr);
    expectSafe(usage.stderr);
  });
});

describe('size limit', () => {
  test('a 100 MB file is refused by its size before it is read: one line, exit 1 (TOO_LARGE)', async () => {
    const path = join(scratch, 'huge.txt');
    writeFileSync(path, '');
    truncateSync(path, 100 * 1024 * 1024);
    const result = runBin([path]);
    expect(result.status).toBe(1);
    expectOneErrorLine(result.stderr);
    expect(result.stderr).toContain('--max-bytes');
    expect(await errorCode(readSource({ kind: 'file', path }, { stdin: process.stdin }))).toBe('TOO_LARGE');
  });

  test('--max-bytes moves the limit: a file of exactly N bytes is read, N + 1 is refused', async () => {
    const text = 'A headline\n\nA story that fits. It ends.\n';
    const path = writeScratch('fits.txt', text);
    const size = Buffer.byteLength(text);
    expect(runBin([path, '--max-bytes', String(size)]).status).toBe(0);
    expect(await errorCode(readSource({ kind: 'file', path }, { stdin: process.stdin }, size - 1))).toBe('TOO_LARGE');
  });

  test('an endless stdin is refused at the default 20 MiB limit, and reading stops there', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'news ');
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled += chunk.length;
        this.push(chunk);
      },
    });
    const { stdout, stderr, io } = fakeIo(endless);
    const code = await main(['-'], io);
    expect(code).toBe(1);
    expect(stdout.text).toBe('');
    expectOneErrorLine(stderr.text);
    expect(pulled).toBeLessThan(20 * 1024 * 1024 + 8 * chunk.length);
  });

  test('`yes | news-read -` ends by itself with exit 1', () => {
    const script = `yes "endless stdin" | "${process.execPath}" "${bin}" - --max-bytes 1000000; echo "\${PIPESTATUS[1]}"`;
    const result = spawnSync('bash', ['-c', script], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: scratch },
      timeout: 60_000,
    });
    expect(result.stdout).toBe('1\n');
    expectOneErrorLine(result.stderr);
  });
});

class Capture extends Writable {
  text = '';
  isTTY = false;

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

function fakeIo(stdin: NodeJS.ReadableStream) {
  const stdout = new Capture();
  const stderr = new Capture();
  const io: Io = { stdin, stdout, stderr, env: {} };
  return { stdout, stderr, io };
}

describe('encodings', () => {
  const reference = () => runCli([fixture('hostile-lf.txt'), '--plain']);

  test('a file with NUL bytes is "not a text file": one line, exit 1 (NOT_TEXT)', async () => {
    const result = await runCli([fixture('hostile-nul-bytes.txt')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expectOneErrorLine(result.stderr);
    expect(
      await errorCode(
        readSource({ kind: 'file', path: fixture('hostile-nul-bytes.txt') }, { stdin: process.stdin }).then(
          decodeDocument,
        ),
      ),
    ).toBe('NOT_TEXT');
  });

  test.each([
    'hostile-utf16le-bom.txt',
    'hostile-utf16be-bom.txt',
    'hostile-utf8-bom.txt',
    'hostile-crlf.txt',
    'hostile-cr.txt',
  ])('%s reads exactly as the same article in UTF-8 with LF line ends', async (name) => {
    const expected = await reference();
    for (const args of [['--plain'], ['--json'], ['--summary', '--plain'], ['--quotes', '--json']]) {
      const [result, want] = [
        await runCli([fixture(name), ...args]),
        await runCli([fixture('hostile-lf.txt'), ...args]),
      ];
      expect(result).toEqual({ ...want, stdout: want.stdout.replaceAll('hostile-lf.txt', name) });
    }
    expect(expected.stdout.startsWith('Storm closes the harbour\n')).toBe(true);
  });

  test('invalid UTF-8 decodes with U+FFFD and one warning line, exit 0', async () => {
    const result = await runCli([fixture('hostile-invalid-utf8.txt'), '--plain']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^news-read: warning: [^\n]*UTF-8[^\n]*\n$/);
    expect(result.stdout).toContain('\uFFFD');
    expect(result.stdout).toContain('Traders were');
  });

  test('UTF-16 without a BOM is not guessed at: its NUL bytes refuse it (exit 1)', async () => {
    const path = writeScratch('utf16-no-bom.txt', Buffer.from('A story. It ends.\n', 'utf16le'));
    const result = await runCli([path]);
    expect(result.code).toBe(1);
    expectOneErrorLine(result.stderr);
  });
});

describe('escape codes in the article', () => {
  test.each(ALL_WAYS.map((args) => [args.join(' '), args] as const))(
    '%s: nothing from the article drives the terminal',
    async (_name, args) => {
      const result = await runCli([fixture('hostile-escapes.txt'), ...args], { env: { FORCE_COLOR: '3' } });
      expect(result.code).toBe(0);
      expectSafe(result.stdout);
      // Dropping only ESC would leave "[31m" behind: escape sequences go whole.
      if (args.includes('--json')) JSON.parse(result.stdout);
      else expect(result.stdout).not.toMatch(/\[(?:31|0|2J|5|25)m|\]0;|\]8;;|1;2\|/);
    },
  );

  test('an escape string with no terminator loses only its introducer, not the rest of the article', () => {
    expect(stripControls('Start \x9d of the story. Second sentence.')).toBe('Start  of the story. Second sentence.');
    expect(stripControls('Start \x1b]0;no end. Second sentence.')).toBe('Start 0;no end. Second sentence.');
    expect(stripControls('a\x1b]0;ti\x1b[31mtle\x07b')).toBe('a0;titleb');
    expect(stripControls('a\x1b]8;;http://x.example/\x1b\\link\x1b]8;;\x1b\\b \x90dcs\x9cc')).toBe('alinkb c');
    // Many unterminated introducers still take one linear pass (a lazy match to the end would not).
    expect(stripControls('\x9dword '.repeat(100_000))).toBe('word '.repeat(100_000));
  });

  // The renderers mark nothing with private-use characters any more: in an article they are text like any other.
  test('private-use characters pass through styled text as written, opening and closing nothing', async () => {
    const path = writeScratch(
      'private-use.txt',
      'A headline\n\nText with \uE001 a close, \uE105 a link, \uE003 a piece and \uE002 a bullet mark. More.\n',
    );
    for (const args of [
      ['--color', 'always'],
      ['--summary', '--color', 'always'],
      ['--quotes', '--color', 'always'],
    ]) {
      const result = await runCli([path, ...args]);
      expect(result.code).toBe(0);
    }
    const { stdout } = await runCli([path, '--color', 'always', '--width', '200']);
    expect(stdout).toContain('Text with \uE001 a close, \uE105 a link, \uE003 a piece and \uE002 a bullet mark. More.');
  });

  test('JSON escapes control characters instead of dropping them, and stays valid', async () => {
    const result = await runCli([fixture('hostile-escapes.txt'), '--json']);
    expect(result.stdout).not.toMatch(FORBIDDEN);
    const data = JSON.parse(result.stdout) as { paragraphs: string[] };
    expect(data.paragraphs.join('\n')).toContain('\x1b[2J');
    expect(data.paragraphs.join('\n')).toContain('\u202eevil');
    expect(result.stdout).toContain('\\u202e');
    expect(result.stdout).toContain('\\u001b');
  });
});

describe('structure', () => {
  test.each([
    ['hostile-only-whitespace.txt', 'NO_PARAGRAPHS'],
    ['hostile-front-matter-only.txt', 'NO_PARAGRAPHS'],
  ])('%s has no paragraphs: one line, exit 1', async (name, code) => {
    for (const args of [['--plain'], ['--json'], ['--summary'], ['--quotes', '--color', 'always']]) {
      const result = await runCli([fixture(name), ...args]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expectOneErrorLine(result.stderr);
    }
    expect(() => parseArticle(readFileSync(fixture(name), 'utf8'))).toThrow(expect.objectContaining({ code }));
  });

  test('an empty file is empty input: one line, exit 1', async () => {
    const result = await runCli([writeScratch('empty.txt', '')]);
    expect(result.code).toBe(1);
    expectOneErrorLine(result.stderr);
  });

  test.each([
    ['hostile-only-headline.txt', 'Only a headline here'],
    ['hostile-only-quotes.txt', 'We will not leave.'],
    ['hostile-unbalanced-quotes.txt', 'a stray closer'],
    ['hostile-rtl.txt', 'قال الوزير إن المحادثات ستستمر.'],
    ['hostile-cjk-emoji.txt', '人们在樱花树下野餐。'],
  ])('%s: every view, every output, exit 0 and safe', async (name, text) => {
    for (const args of ALL_WAYS) {
      const result = await runCli([fixture(name), ...args]);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stderr).toBe('');
      expectSafe(result.stdout);
      if (args.includes('--json')) JSON.parse(result.stdout);
    }
    expect((await runCli([fixture(name), '--plain'])).stdout).toContain(text);
  });

  test('right-to-left text stays in logical order, with no bidi controls added', async () => {
    const source = readFileSync(fixture('hostile-rtl.txt'), 'utf8').trim().split('\n\n');
    for (const args of [['--plain'], ['--color', 'always', '--width', '1000']]) {
      const result = await runCli([fixture('hostile-rtl.txt'), ...args]);
      const text = result.stdout.replace(SGR, '');
      expect(text).toContain(source[1]);
      expect(text).not.toMatch(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/);
    }
  });

  test('10 000 tiny paragraphs: all of them shown, every view finishes', async () => {
    const path = writeScratch('tiny.txt', tinyParagraphs(10_000));
    const full = await runCli([path, '--plain']);
    expect(full.code).toBe(0);
    expect(full.stdout).toContain('Item 0 is short.\n\nItem 1 is short.');
    expect(full.stdout).toContain('Item 9999 is short.');
    for (const args of [...ALL_WAYS, ['--summary', '--sentences', '10000', '--color', 'always']]) {
      expect((await runCli([path, ...args])).code, args.join(' ')).toBe(0);
    }
  }, 120_000);

  test('extremely long words wrap inside the width, styled and plain, without a crash', async () => {
    const words = [
      'x'.repeat(100_000),
      '😀'.repeat(5_000),
      'e\u0301'.repeat(5_000),
      '中'.repeat(5_000),
      '👩‍👩‍👧‍👦'.repeat(1_000),
    ];
    const path = writeScratch('long-words.txt', `Long words\n\n${words.join(' ')} end.\n`);
    for (const args of [
      ['--color', 'always', '--width', '40'],
      ['--plain', '--width', '40'],
      ['--summary', '--color', 'always', '--width', '40'],
    ]) {
      const result = await runCli([path, ...args]);
      expect(result.code).toBe(0);
      expectSafe(result.stdout);
      for (const line of result.stdout.replace(SGR, '').split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    }
  }, 60_000);

  test('CJK and emoji wrap by display width and never split a surrogate pair or a grapheme', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
    const graphemes = (text: string) => [...segmenter.segment(text)].map((part) => part.segment);
    const text = readFileSync(fixture('hostile-cjk-emoji.txt'), 'utf8');
    for (const width of [1, 2, 3, 5, 10, 17, 40, 80]) {
      const lines = wrapText(text, width);
      for (const line of lines) {
        expect(line).not.toMatch(LONE_SURROGATE);
        // A line over the width holds one grapheme wider than the width itself.
        if (displayWidth(line) > width) expect(graphemes(line)).toHaveLength(1);
      }
      expect(lines.flatMap(graphemes)).toEqual(graphemes(lines.join('')));
      expect(lines.join('').replaceAll(' ', '')).toBe(text.replace(/[ \t\n]+/g, ''));
    }
  });

  test('CJK is two columns wide and lines are filled by columns, not code units', () => {
    expect(displayWidth('东京')).toBe(4);
    expect(displayWidth('👍🏽')).toBe(2);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(wrapText('东京的天气今天很好', 6)).toEqual(['东京的', '天气今', '天很好']);
  });

  // Sizes that take seconds here; `npm run fuzz` runs the full-size inputs (2 MB, 1 MB, 100 000
  // marks) through the bin and prints each view's time. No test asserts a time.
  test.each([
    [
      'a 512 KB paragraph with no punctuation',
      () => Array.from({ length: 90_000 }, (_, index) => ['alpha', 'beta', 'gamma', 'word'][index % 4]).join(' '),
    ],
    ['a 256 KB line of straight quote marks', () => '"'.repeat(256 * 1024)],
    ['a 256 KB line of curly quote marks', () => '“”‘’'.repeat(22_000)],
    // Each of these took minutes with a backtracking regular expression.
    ['a line of 200 000 full stops', () => `Start ${'.'.repeat(200_000)} end`],
    ['a run of 100 000 "!" and then quote marks', () => `a ${'!'.repeat(100_000)}${'"'.repeat(1000)}b`],
    ['a Markdown heading, then 10 000 unclosed "**", "__" and "["', () => `# Title\n\n${'**a __b [c '.repeat(10_000)}`],
    [
      'a heading line with long runs of spaces and hashes',
      () => `# a${`${' '.repeat(1000)}x${'#'.repeat(1000)}y`.repeat(500)}\n\nBody.`,
    ],
    ['a line with long runs of tabs', () => `a${`${'\t'.repeat(1000)}x`.repeat(1000)}\n\nBody.`],
  ])(
    '%s finishes in every view and output',
    async (_name, make) => {
      const path = writeScratch('big.txt', `${make()}\n`);
      for (const args of ALL_WAYS) {
        const result = await runCli([path, ...args]);
        expect(result.code, args.join(' ')).toBe(0);
        if (args.includes('--json')) JSON.parse(result.stdout);
      }
    },
    300_000,
  );

  test('the bundled article through the bin: exit 0, no stderr, no escape codes in a pipe', () => {
    const result = runBin([], { cwd: root });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(FORBIDDEN);
  });
});
