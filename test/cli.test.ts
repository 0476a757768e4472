import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createProgram } from '../src/cli.js';
import { runCli } from './helpers.js';

const ESC = '\x1b';

describe('views', () => {
  test('shows the full view of the bundled article by default', async () => {
    const { code, stdout, stderr } = await runCli([]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.split('\n')[1]).toBe('Josh Wood · Foreign Correspondent · BEIRUT · The National · 3 min read');
    expect(stdout).toContain('It is hardly an auspicious omen.for the new talks.');
  });

  test('--full is the default view', async () => {
    expect((await runCli(['--full'])).stdout).toBe((await runCli([])).stdout);
  });

  test('--summary prints the header, a blank line, then one sentence per line', async () => {
    const { stdout } = await runCli(['--summary', '--sentences', '2']);
    const [, , blank, ...rest] = stdout.trimEnd().split('\n');
    expect(blank).toBe('');
    expect(rest).toHaveLength(2);
  });

  test('--quotes prints one quote per line with its speaker', async () => {
    const { stdout } = await runCli(['--quotes']);
    expect(stdout).toMatch(/“We cannot do anything without the Americans\.” — Boris Johnson/);
  });

  test('--quotes --speaker keeps one speaker’s quotes', async () => {
    const { code, stdout } = await runCli(['--quotes', '--speaker', 'Lavrov', '--json']);
    expect(code).toBe(0);
    const quotes = JSON.parse(stdout).quotes as { speaker: string }[];
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.every((quote) => quote.speaker === 'Sergey Lavrov')).toBe(true);
  });

  test('reads a bundled slug, a file path and standard input alike', async () => {
    const bySlug = await runCli(['syria-talks-lausanne', '--json']);
    const byPath = await runCli(['articles/syria-talks-lausanne.txt', '--json']);
    const byStdin = await runCli(['-', '--json'], { stdin: (await import('./helpers.js')).seedText });
    expect(JSON.parse(bySlug.stdout).paragraphs).toEqual(JSON.parse(byPath.stdout).paragraphs);
    expect(JSON.parse(byStdin.stdout).paragraphs).toEqual(JSON.parse(byPath.stdout).paragraphs);
    expect(JSON.parse(bySlug.stdout).article.slug).toBe('syria-talks-lausanne');
    expect(JSON.parse(byPath.stdout).article.slug).toBeNull();
  });
});

describe('output modes', () => {
  test('plain output has no escape codes and no Markdown markup', async () => {
    for (const view of ['--full', '--summary', '--quotes']) {
      const { stdout } = await runCli([view], { env: { TERM: 'xterm-256color' } });
      expect(stdout).not.toContain(ESC);
      expect(stdout).not.toMatch(/^(#|>|\* |- )/m);
      expect(stdout).not.toMatch(/\*\*|__|\\[*_#]/);
    }
  });

  test('a terminal gets styled output, reflowed to its width capped at 100', async () => {
    const { stdout } = await runCli([], { tty: true, columns: 200, env: { TERM: 'xterm' } });
    expect(stdout).toContain(`${ESC}[1m`);
    const widths = stdout.split('\n').map((line) => line.replace(/\x1b\[[0-9;]*m/g, '').length);
    expect(Math.max(...widths)).toBeLessThanOrEqual(100);
    expect(Math.max(...widths)).toBeGreaterThan(90);
  });

  test('--width sets the wrap width of styled output', async () => {
    const { stdout } = await runCli(['--width', '60'], { tty: true, columns: 200, env: {} });
    const widths = stdout.split('\n').map((line) => line.replace(/\x1b\[[0-9;]*m/g, '').length);
    expect(Math.max(...widths)).toBeLessThanOrEqual(60);
  });

  test('--width wraps plain output too', async () => {
    const { stdout } = await runCli(['--plain', '--width', '40']);
    expect(Math.max(...stdout.split('\n').map((line) => [...line].length))).toBeLessThanOrEqual(40);
  });

  test('--plain on a terminal is plain, wrapped to the terminal', async () => {
    const { stdout } = await runCli(['--plain'], { tty: true, columns: 70 });
    expect(stdout).not.toContain(ESC);
    expect(stdout).toBe((await runCli(['--plain', '--width', '70'])).stdout);
    expect(stdout).not.toBe((await runCli([])).stdout);
  });

  test('NO_COLOR turns colour off on a terminal, keeping the layout and the emphasis', async () => {
    const { stdout } = await runCli([], { tty: true, columns: 80, env: { NO_COLOR: '1' } });
    // Colour is SGR 30-49 and 90-107; bold (1), dim (2) and italic (3) are not colour.
    expect(stdout).not.toMatch(/\x1b\[(?:3\d|4\d|9\d|10\d)m/);
    expect(stdout).toContain(`${ESC}[1m`);
    expect(stdout).toContain(`${ESC}[3m`);
    const widths = stdout.split('\n').map((line) => line.replace(/\x1b\[[0-9;]*m/g, '').length);
    expect(Math.max(...widths)).toBeLessThanOrEqual(80);
  });

  test('FORCE_COLOR styles piped output; --color never wins over it', async () => {
    expect((await runCli([], { env: { FORCE_COLOR: '1' } })).stdout).toContain(ESC);
    expect((await runCli(['--color', 'never'], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain(ESC);
  });

  test('FORCE_COLOR=0 turns colour off, even on a terminal', async () => {
    expect(
      (await runCli([], { tty: true, columns: 80, env: { FORCE_COLOR: '0', TERM: 'xterm' } })).stdout,
    ).not.toContain(ESC);
  });

  test.skipIf(!existsSync('/proc/version'))(
    `reads a file whose size the system reports as 0 (such as /proc files) to its end${existsSync('/proc/version') ? '' : ' (skipped: no /proc)'}`,
    async () => {
      const { code, stdout } = await runCli(['/proc/version', '--json']);
      expect(code).toBe(0);
      expect(JSON.parse(stdout).paragraphs.join(' ').length).toBeGreaterThan(20);
    },
  );

  test('--color always styles piped output', async () => {
    expect((await runCli(['--color', 'always'])).stdout).toContain(ESC);
  });

  test('--json prints exactly one JSON object with the contract’s keys', async () => {
    for (const [flag, key] of [
      ['--full', 'paragraphs'],
      ['--summary', 'summary'],
      ['--quotes', 'quotes'],
    ] as const) {
      const { stdout } = await runCli([flag, '--json'], { tty: true });
      const data = JSON.parse(stdout);
      expect(data.view).toBe(flag.slice(2));
      expect(Object.keys(data.article).sort()).toEqual([
        'byline',
        'contact',
        'date',
        'dateline',
        'role',
        'slug',
        'source',
        'title',
        'words',
      ]);
      expect(Array.isArray(data[key])).toBe(true);
    }
  });

  test('--list shows slug, headline, byline, word count and which is the default', async () => {
    const { code, stdout } = await runCli(['--list']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^syria-talks-lausanne {2}.*Josh Wood · 587 words {2}\(default\)$/m);
  });

  test('--list --json gives the bundled articles as data', async () => {
    const data = JSON.parse((await runCli(['--list', '--json'])).stdout);
    expect(data.articles[0]).toMatchObject({
      slug: 'syria-talks-lausanne',
      byline: 'Josh Wood',
      words: 587,
      default: true,
    });
  });
});

describe('summary length', () => {
  test('--sentences N gives N sentences in article order', async () => {
    const { summary } = JSON.parse((await runCli(['--summary', '--sentences', '5', '--json'])).stdout);
    expect(summary).toHaveLength(5);
    const indices = summary.map((entry: { index: number }) => entry.index);
    expect(indices).toEqual([...indices].sort((a, b) => a - b));
  });

  test('never more sentences than the article has', async () => {
    const { summary } = JSON.parse(
      (await runCli(['-', '--summary', '--sentences', '50', '--json'], { stdin: 'Only one sentence here.' })).stdout,
    );
    expect(summary).toEqual([{ text: 'Only one sentence here.', index: 0 }]);
  });
});

describe('errors and exit codes', () => {
  const cases: [string, string[], number, RegExp][] = [
    ['an unknown flag', ['--sumary'], 2, /^news-read: unknown option --sumary \(did you mean --summary\?\)$/],
    ['an unknown flag with no near one', ['--xyzzy'], 2, /^news-read: unknown option --xyzzy; see news-read --help$/],
    [
      'two views',
      ['--summary', '--quotes'],
      2,
      /^news-read: --summary cannot be used with --quotes: one view at a time$/,
    ],
    [
      '--sentences 0',
      ['--summary', '--sentences', '0'],
      2,
      /^news-read: --sentences must be a whole number from 1 to 10000, not "0"$/,
    ],
    ['--width abc', ['--width', 'abc'], 2, /^news-read: --width must be a whole number from 10 to 1000, not "abc"$/],
    ['--width narrower than any layout', ['--width', '5'], 2, /--width must be a whole number from 10/],
    ['--width with no value', ['--width'], 2, /^news-read: --width needs a value$/],
    [
      'a bad --color',
      ['--color', 'sometimes'],
      2,
      /^news-read: --color must be one of auto, always, never, not "sometimes"$/,
    ],
    ['a bad --colour', ['--colour', 'sometimes'], 2, /^news-read: --colour must be one of auto, always, never/],
    ['--speaker without --quotes', ['--speaker', 'X'], 2, /--speaker goes with --quotes/],
    [
      'an unknown slug, with the nearest one',
      ['syria-talks'],
      1,
      /no bundled article "syria-talks" \(did you mean "syria-talks-lausanne"\?\)/,
    ],
    ['a missing file', ['no/such/file.txt'], 1, /no such file/],
    ['a directory', ['test'], 1, /is a directory/],
  ];

  test.each(cases)('%s', async (_name, argv, exitCode, message) => {
    const { code, stdout, stderr } = await runCli(argv);
    expect(code).toBe(exitCode);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^news-read: /);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr.trimEnd()).toMatch(message);
    // One sentence: commander's own wording ("argument '0' is invalid.") never shows through.
    expect(stderr).not.toMatch(/is invalid\.|error:|option '/);
  });

  test('empty standard input is bad input', async () => {
    const { code, stderr } = await runCli(['-'], { stdin: '' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^news-read: standard input: empty input\n$/);
  });

  test('input with no paragraphs is bad input', async () => {
    const { code, stderr } = await runCli(['-'], { stdin: '\n  \n\t\n' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/no paragraphs/);
  });

  test('errors go to stderr even with --json, and stdout stays empty', async () => {
    const { code, stdout } = await runCli(['nope', '--json']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
  });

  test('--help and --version exit 0', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Examples:/);
    expect(help.stdout).toMatch(/Exit status/i);
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test('createProgram parses nothing on creation', () => {
    expect(createProgram().opts()).toMatchObject({ color: 'auto' });
  });
});

describe('conventions of the shell', () => {
  const story = 'A Test Headline\n\nThe council met on Monday. “We will build it,” said Ann Lee, the mayor.\n';

  test('reads a pipe when no ARTICLE is given, as cat does', async () => {
    const { code, stdout } = await runCli(['--json'], { stdin: story });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).article.title).toBe('A Test Headline');
  });

  test('a pipe over --max-bytes with no ARTICLE is refused, not replaced by the bundled article', async () => {
    const { code, stdout, stderr } = await runCli(['--max-bytes', '20'], { stdin: story });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^news-read: standard input: larger than the 20-byte input limit/);
  });

  test('shows the bundled article when standard input is empty or a terminal', async () => {
    const bundled = (await runCli(['--json', 'syria-talks-lausanne'])).stdout;
    expect((await runCli(['--json'], { stdin: '' })).stdout).toBe(bundled);
    expect((await runCli(['--json'], { stdin: story, stdinTTY: true })).stdout).toBe(bundled);
  });

  test('--no-header leaves out the headline and meta line, in plain and styled output', async () => {
    const plain = await runCli(['--summary', '--no-header', '-n', '2']);
    expect(plain.code).toBe(0);
    const summary = JSON.parse((await runCli(['--summary', '-n', '2', '--json'])).stdout).summary as { text: string }[];
    expect(plain.stdout).toBe(`${summary.map((entry) => entry.text).join('\n')}\n`);
    const styled = await runCli(['--no-header', '--color', 'always']);
    expect(styled.stdout).not.toContain('Kerry and Lavrov meet');
    expect(styled.stdout).not.toContain('3 min read');
    expect(styled.stdout).toContain('omen.for');
  });

  test('--no-header leaves JSON whole', async () => {
    expect((await runCli(['--json', '--no-header'])).stdout).toBe((await runCli(['--json'])).stdout);
  });

  test('--no-color and --no-colour are --color never; --colour is --color', async () => {
    const env = { FORCE_COLOR: '1' };
    expect((await runCli([], { env })).stdout).toContain(ESC);
    expect((await runCli(['--no-color'], { env })).stdout).not.toContain(ESC);
    expect((await runCli(['--no-colour'], { env })).stdout).not.toContain(ESC);
    expect((await runCli(['--colour', 'always'])).stdout).toBe((await runCli(['--color', 'always'])).stdout);
  });

  test('several ARTICLEs are shown in turn with a rule between them', async () => {
    const one = (await runCli(['--summary', 'syria-talks-lausanne'])).stdout;
    const { code, stdout } = await runCli(['--summary', 'syria-talks-lausanne', 'syria-talks-lausanne']);
    expect(code).toBe(0);
    expect(stdout).toBe(`${one}\n${'─'.repeat(40)}\n\n${one}`);
  });

  test('several ARTICLEs with --json give JSON Lines: one object a line', async () => {
    const { code, stdout } = await runCli(['--json', 'syria-talks-lausanne', '-'], { stdin: story });
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.map((line) => JSON.parse(line).article.title)).toEqual([
      'Kerry and Lavrov meet in Lausanne for another try at a Syria truce',
      'A Test Headline',
    ]);
  });

  test('an ARTICLE that fails is reported and the next is still shown; the exit code is 1', async () => {
    const { code, stdout, stderr } = await runCli(['--json', 'no/such/file.txt', 'syria-talks-lausanne']);
    expect(code).toBe(1);
    expect(stderr).toBe('news-read: no/such/file.txt: no such file\n');
    expect(JSON.parse(stdout).article.slug).toBe('syria-talks-lausanne');
  });

  test('a usage error with several ARTICLEs is said once', async () => {
    const { code, stdout, stderr } = await runCli(['--speaker', 'X', 'syria-talks-lausanne', 'syria-talks-lausanne']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  test('`news-read help` prints the help', async () => {
    const help = await runCli(['help']);
    expect(help).toEqual({ code: 0, stdout: (await runCli(['--help'])).stdout, stderr: '' });
    expect((await runCli(['help', 'completion'])).stdout).toMatch(/^Usage: news-read completion/);
  });
});
