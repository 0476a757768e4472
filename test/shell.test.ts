import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import type { Io } from '../src/cli.js';
import { createProgram, main, VERSION } from '../src/cli.js';
import type { Shell } from '../src/completion.js';
import { completionSpec, renderCompletion, SHELLS } from '../src/completion.js';
import { ENVIRONMENT, GROUPS } from '../src/help.js';
import { renderManPage } from '../src/manpage.js';
import type { Spawn } from '../src/pager.js';
import { DEFAULT_PAGER, pagerCommand, runPager, screenLines, splitWords } from '../src/pager.js';
import { listBundledSlugs } from '../src/source.js';
import { runCli, seedText } from './helpers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'news-read-shell-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const packageVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

class Screen extends Writable {
  text = '';
  readonly isTTY: boolean;
  readonly rows: number | undefined;
  readonly columns: number | undefined;

  constructor(isTTY: boolean, rows?: number, columns?: number) {
    super();
    this.isTTY = isTTY;
    this.rows = rows;
    this.columns = columns;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

// A fake process whose stdout is a terminal of `rows` lines (or a pipe).
async function runOnScreen(
  argv: string[],
  options: { tty: boolean; rows?: number; env?: Record<string, string>; stdin?: string },
) {
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? '');
  const stdout = new Screen(options.tty, options.rows, 80);
  const stderr = new Screen(false);
  const io: Io = { stdin, stdout, stderr, env: { TERM: 'xterm', ...options.env } };
  const code = await main(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

// A real pager: a Node script that copies what it reads to a file (and reads
// only `limit` bytes if given, then quits like a reader pressing q).
function recordingPager(name: string, limit?: number): { command: string; output: string } {
  const script = join(scratch, `${name}.mjs`);
  const output = join(scratch, `${name}.out`);
  writeFileSync(
    script,
    limit === undefined
      ? `import { writeFileSync } from 'node:fs';\nconst chunks = [];\nfor await (const chunk of process.stdin) chunks.push(chunk);\nwriteFileSync(process.argv[2], Buffer.concat(chunks));\n`
      : `import { writeFileSync } from 'node:fs';\nprocess.stdin.once('data', (chunk) => { writeFileSync(process.argv[2], chunk.subarray(0, ${limit})); process.exit(0); });\n`,
  );
  return { command: `"${process.execPath}" "${script}" "${output}"`, output };
}

// A fake child process: `stdin` collects what is written; `behave` decides how it ends.
function fakeSpawn(behave: (child: ChildProcess & EventEmitter, stdin: PassThrough) => void): {
  spawn: Spawn;
  calls: { file: string; args: readonly string[] }[];
} {
  const calls: { file: string; args: readonly string[] }[] = [];
  const spawn: Spawn = (file, args) => {
    calls.push({ file, args });
    const child = new EventEmitter() as ChildProcess & EventEmitter;
    const stdin = new PassThrough();
    Object.assign(child, { stdin, kill: () => true });
    setImmediate(() => behave(child, stdin));
    return child;
  };
  return { spawn, calls };
}

const hasCommand = (name: string) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;

// .ci/run installs zsh, fish and groff, so in CI (CI=true) a missing one fails its
// tests instead of skipping them; elsewhere the test is skipped and its name says why.
const required = process.env.CI === 'true';
function testWith(command: string, name: string, body: () => void, timeout?: number): void {
  const present = hasCommand(command);
  const title = present
    ? name
    : required
      ? `${name} (${command} is required in CI)`
      : `${name} (skipped: ${command} not installed)`;
  test.skipIf(!present && !required)(
    title,
    () => {
      expect(present, `${command} is not installed; .ci/run installs it`).toBe(true);
      body();
    },
    timeout,
  );
}

describe('the pager', () => {
  test('comes from NEWS_READ_PAGER, then PAGER, then less -R', () => {
    expect(pagerCommand({})).toEqual(['less', '-R']);
    expect(DEFAULT_PAGER).toBe('less -R');
    expect(pagerCommand({ PAGER: 'more' })).toEqual(['more']);
    expect(pagerCommand({ PAGER: 'more', NEWS_READ_PAGER: 'most -s' })).toEqual(['most', '-s']);
  });

  test('is none when the variable is empty or cat', () => {
    expect(pagerCommand({ PAGER: '' })).toBeNull();
    expect(pagerCommand({ NEWS_READ_PAGER: 'cat', PAGER: 'less' })).toBeNull();
  });

  test('splits its command like a shell, quotes and backslashes included', () => {
    expect(splitWords(`"/opt/my pager/less" -R --prompt='a b' x\\ y ""`)).toEqual([
      '/opt/my pager/less',
      '-R',
      '--prompt=a b',
      'x y',
      '',
    ]);
  });

  test('counts screen lines with long lines wrapped and escape codes ignored', () => {
    expect(screenLines('a\nb\n', 80)).toBe(2);
    expect(screenLines(`${'x'.repeat(100)}\n`, 80)).toBe(2);
    expect(screenLines(`\x1b[1m${'x'.repeat(80)}\x1b[22m\n`, 80)).toBe(1);
  });

  test('gets the whole output on stdin and ends with exit code 0', async () => {
    let received = '';
    const { spawn, calls } = fakeSpawn((child, stdin) => {
      child.emit('spawn');
      stdin.on('data', (chunk: Buffer) => (received += chunk.toString()));
      stdin.on('end', () => child.emit('close', 0, null));
    });
    expect(await runPager('the article\n', ['less', '-R'], { env: {}, spawn })).toEqual({ kind: 'paged', exitCode: 0 });
    expect(received).toBe('the article\n');
    expect(calls).toEqual([{ file: 'less', args: ['-R'] }]);
  });

  test('treats a reader quitting early (EPIPE on its stdin) as a normal end', async () => {
    const { spawn } = fakeSpawn((child, stdin) => {
      child.emit('spawn');
      stdin.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      child.emit('close', 0, null);
    });
    expect(await runPager('x\n'.repeat(100000), ['less'], { env: {}, spawn })).toEqual({ kind: 'paged', exitCode: 0 });
  });

  test('reports a pager that does not start', async () => {
    const { spawn } = fakeSpawn((child) =>
      child.emit('error', Object.assign(new Error('spawn nope ENOENT'), { code: 'ENOENT' })),
    );
    expect(await runPager('x\n', ['nope'], { env: {}, spawn })).toEqual({
      kind: 'failed',
      reason: 'pager "nope" not found',
    });
  });

  test('is not used when stdout is a pipe, even with --pager', async () => {
    const pager = recordingPager('piped');
    const { code, stdout } = await runOnScreen(['--pager'], {
      tty: false,
      rows: 5,
      env: { NEWS_READ_PAGER: pager.command },
    });
    expect(code).toBe(0);
    expect(stdout).toContain('omen.for');
    expect(existsSync(pager.output)).toBe(false);
  });

  test('is not used without --pager, even on a small terminal', async () => {
    const pager = recordingPager('unasked');
    const { stdout } = await runOnScreen([], { tty: true, rows: 5, env: { NEWS_READ_PAGER: pager.command } });
    expect(stdout).toContain('omen.for');
    expect(existsSync(pager.output)).toBe(false);
  });

  test('is not used when the output fits on the screen', async () => {
    const pager = recordingPager('fits');
    const { stdout } = await runOnScreen(['--pager', '--summary', '-n', '1'], {
      tty: true,
      rows: 200,
      env: { NEWS_READ_PAGER: pager.command },
    });
    expect(stdout).not.toBe('');
    expect(existsSync(pager.output)).toBe(false);
  });

  test('gets styled output taller than the terminal, and stdout gets none', async () => {
    const pager = recordingPager('tall');
    const { code, stdout, stderr } = await runOnScreen(['--pager'], {
      tty: true,
      rows: 10,
      env: { NEWS_READ_PAGER: pager.command },
    });
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
    const paged = readFileSync(pager.output, 'utf8');
    expect(paged).toContain('\x1b[');
    expect(paged).toContain('omen.for');
  });

  test('quitting before reading everything exits 0 with nothing on stderr', async () => {
    const pager = recordingPager('quits', 100);
    const longArticle = `${seedText}\n\n${seedText.split('\n\n').slice(1).join('\n\n').repeat(100)}`;
    const { code, stderr } = await runOnScreen(['-', '--pager', '--plain'], {
      tty: true,
      rows: 10,
      stdin: longArticle,
      env: { NEWS_READ_PAGER: pager.command },
    });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(readFileSync(pager.output)).toHaveLength(100);
  });

  test('that fails to start gives direct output and a one-line warning', async () => {
    const { code, stdout, stderr } = await runOnScreen(['--pager'], {
      tty: true,
      rows: 10,
      env: { NEWS_READ_PAGER: join(scratch, 'no-such-pager') },
    });
    expect(code).toBe(0);
    expect(stdout).toContain('omen.for');
    expect(stderr).toMatch(/^news-read: warning: pager ".*no-such-pager" not found; printing without a pager\n$/);
  });
});

describe('completion scripts', () => {
  const program = createProgram();
  const slugs = listBundledSlugs();
  const scripts = Object.fromEntries(
    SHELLS.map((shell) => [shell, renderCompletion(shell, completionSpec(program, slugs))]),
  ) as Record<Shell, string>;
  const scriptFile = (shell: Shell) => {
    const file = join(scratch, `completion.${shell}`);
    writeFileSync(file, scripts[shell]);
    return file;
  };
  const syntaxCheck: Record<Shell, string[]> = {
    bash: ['bash', '-n'],
    zsh: ['zsh', '-n'],
    fish: ['fish', '--no-execute'],
  };

  test('are printed by `news-read completion SHELL`', async () => {
    for (const shell of SHELLS) {
      const { code, stdout, stderr } = await runCli(['completion', shell]);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout).toBe(scripts[shell]);
    }
  });

  test('complete every option the program has, and the bundled slugs', () => {
    const flags = program
      .createHelp()
      .visibleOptions(program)
      .flatMap((option) => [option.long, option.short].filter((flag): flag is string => Boolean(flag)));
    expect(flags).toContain('--pager');
    for (const shell of SHELLS) {
      for (const flag of flags) expect(scripts[shell]).toContain(shell === 'fish' ? flag.replace(/^-+/, '') : flag);
      for (const slug of slugs) expect(scripts[shell]).toContain(slug);
      expect(scripts[shell]).toMatch(/auto always never/);
    }
  });

  for (const shell of SHELLS) {
    testWith(shell, `${shell}: the script is valid ${shell}`, () => {
      const [command = shell, ...args] = syntaxCheck[shell];
      const result = spawnSync(command, [...args, scriptFile(shell)], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    });
  }

  // Calls the completion function the way bash does on Tab, and prints COMPREPLY.
  const bashComplete = (words: string[]) =>
    execFileSync(
      'bash',
      [
        '-c',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: bash expands ${COMPREPLY[@]}, not JavaScript.
        'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); _news_read; printf "%s\\n" "${COMPREPLY[@]}"',
        '_',
        scriptFile('bash'),
        ...words,
      ],
      {
        encoding: 'utf8',
        cwd: scratch,
      },
    )
      .split('\n')
      .filter(Boolean);

  testWith('bash', 'bash: completes a slug, --color values, flags and shells', () => {
    expect(bashComplete(['news-read', 'syria-'])).toEqual(['syria-talks-lausanne']);
    expect(bashComplete(['news-read', '--color', 'a'])).toEqual(['auto', 'always']);
    expect(bashComplete(['news-read', '--color', '=', ''])).toEqual(['auto', 'always', 'never']);
    expect(bashComplete(['news-read', '--summ'])).toEqual(['--summary']);
    expect(bashComplete(['news-read', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
    expect(bashComplete(['news-read', '--width', ''])).toEqual([]);
  });

  testWith('fish', 'fish: completes a slug and --color values', () => {
    const fishComplete = (line: string) =>
      execFileSync('fish', ['-c', 'source $argv[1]; complete -C $argv[2]', scriptFile('fish'), line], {
        encoding: 'utf8',
        cwd: scratch,
      })
        .split('\n')
        .filter(Boolean)
        .map((entry) => entry.split('\t')[0]);
    expect(fishComplete('news-read syria-')).toEqual(['syria-talks-lausanne']);
    expect(fishComplete('news-read --color ').sort()).toEqual(['always', 'auto', 'never']);
    expect(fishComplete('news-read completion ').sort()).toEqual(['bash', 'fish', 'zsh']);
  });

  // zsh completes only inside its line editor, so this drives an interactive zsh
  // in a pseudo-terminal (zpty) and records what reaches compadd. compinit is slow
  // (seconds) until it has a dump file, so the calls share one.
  const zshHarness = `zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PROMPT= RPROMPT= ; setopt nobeep"
zpty -w z "autoload -U compinit && compinit -u -d \${(q)3}"
zpty -w z "source \${(q)1}"
zpty -w z 'compadd () { if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then builtin compadd "$@"; return $?; fi; local -a hits; builtin compadd -A hits "$@"; (( $#hits )) && print -r -- "<<\${(j:>> <<:)hits}>>"; builtin compadd "$@" }'
zpty -w z "print -r -- 'READY''READY'"
zpty -r z out '*READYREADY*'
zpty -n -w z "$2"$'\\t'
zpty -r z out "*>>"$'\\r'"*"
zpty -d z
print -r -- "$out" | grep -ao '<<.*>>'
`;
  testWith(
    'zsh',
    'zsh: completes a slug and --color values',
    () => {
      const harness = join(scratch, 'harness.zsh');
      writeFileSync(harness, zshHarness);
      const zshComplete = (line: string) =>
        execFileSync('zsh', ['-f', harness, scriptFile('zsh'), line, join(scratch, 'zcompdump')], {
          encoding: 'utf8',
          cwd: scratch,
          timeout: 30000,
        })
          .trim()
          .replace(/^<<|>>$/g, '')
          .split('>> <<')
          .sort();
      expect(zshComplete('news-read syria-')).toEqual(['syria-talks-lausanne']);
      expect(zshComplete('news-read --color ')).toEqual(['always', 'auto', 'never']);
    },
    60000,
  );

  test('`news-read completion` without a known shell is a usage error on one line', async () => {
    for (const argv of [['completion'], ['completion', 'tcsh'], ['completion', 'bash', 'zsh']]) {
      const { code, stdout, stderr } = await runCli(argv);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr).toContain('./completion');
    }
  });

  test('`news-read completion --help` explains itself and exits 0', async () => {
    const { code, stdout } = await runCli(['completion', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: news-read completion bash\|zsh\|fish\n/);
  });
});

describe('the man page', () => {
  const program = createProgram();
  const page = renderManPage(program);

  test('has the sections a man page is expected to have', () => {
    for (const section of [
      'NAME',
      'SYNOPSIS',
      'DESCRIPTION',
      'VIEWS',
      'OPTIONS',
      'ENVIRONMENT',
      'EXIT STATUS',
      'EXAMPLES',
    ]) {
      expect(page).toMatch(new RegExp(`^\\.SH ${section}$`, 'm'));
    }
    expect(page).toMatch(/^\.TH NEWS\\-READ 1 /);
  });

  test('documents every option of the program, with its defaults, and every environment variable', () => {
    const help = program.createHelp();
    for (const option of help.visibleOptions(program)) {
      expect(page).toContain((option.long ?? option.flags).replace(/-/g, '\\-'));
      expect(page).toContain(help.optionDescription(option).replace(/\\/g, '\\e').replace(/-/g, '\\-'));
    }
    for (const name of ['NO_COLOR', 'FORCE_COLOR', 'NEWS_READ_PAGER', 'PAGER', 'COLUMNS', 'DEBUG']) {
      expect(ENVIRONMENT.map((entry) => entry.term)).toContain(name);
      expect(page).toMatch(new RegExp(`^\\.B ${name}$`, 'm'));
    }
  });

  testWith('groff', 'renders with groff without a warning', () => {
    const result = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-z'], { input: page, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  testWith('man', 'renders with man -l', () => {
    const file = join(scratch, 'news-read.1');
    writeFileSync(file, page);
    const result = spawnSync('man', ['-l', file], {
      encoding: 'utf8',
      env: { ...process.env, MANPAGER: 'cat', PAGER: 'cat', MANWIDTH: '80' },
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('NEWS-READ(1)');
    expect(result.stdout).toContain('news-read --json | jq .article');
  });
});

describe('--help', () => {
  test('groups the options, shows defaults, and ends with the examples and exit codes', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    const headings = stdout.split('\n').filter((line) => /^[A-Z][a-z ]+:$/.test(line));
    expect(headings).toEqual([
      'Arguments:',
      ...Object.values(GROUPS),
      'Commands:',
      'Examples:',
      'Environment:',
      'Exit status:',
    ]);
    expect(stdout).toContain('(choices: "auto", "always", "never", default:');
    expect(stdout).toContain('(default: 20 MiB)');
    for (const example of [
      'news-read --summary --no-header | wc -w',
      'news-read --quotes --no-header | grep Lavrov',
      'news-read --json | jq .article',
      'curl -s URL | news-read --summary',
    ]) {
      expect(stdout).toMatch(new RegExp(`^  ${example.replace(/[.|*]/g, '\\$&')}(?:  |$)`, 'm'));
    }
    expect(stdout).toMatch(/^ {2}0 {2}success/m);
    expect(stdout).toMatch(/^ {2}1 {2}bad input/m);
    expect(stdout).toMatch(/^ {2}2 {2}bad usage/m);
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  test('puts every option in a named group', () => {
    const program = createProgram();
    for (const option of program.createHelp().visibleOptions(program))
      expect(Object.values(GROUPS)).toContain(option.helpGroupHeading);
  });

  test('an unknown flag suggests the nearest one and exits 2', async () => {
    const { code, stderr } = await runCli(['--sumary']);
    expect(code).toBe(2);
    expect(stderr).toContain('--summary');
  });
});

describe('COLUMNS', () => {
  test('sets the width of styled output when stdout reports none', async () => {
    const { stdout } = await runCli(['--color', 'always'], { env: { TERM: 'xterm', COLUMNS: '50' } });
    const widths = stdout.split('\n').map((line) => stripVTControlCharacters(line).length);
    expect(Math.max(...widths)).toBeLessThanOrEqual(50);
    expect(Math.max(...widths)).toBeGreaterThan(40);
  });
});

describe('--version and --list --json', () => {
  test('--version prints the version in package.json', async () => {
    expect(VERSION).toBe(packageVersion);
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `${packageVersion}\n`, stderr: '' });
  });

  test('--list --json gives the bundled articles as data, the default first', async () => {
    const { code, stdout } = await runCli(['--list', '--json']);
    expect(code).toBe(0);
    const { articles } = JSON.parse(stdout) as { articles: Record<string, unknown>[] };
    expect(articles.map((article) => article.slug)).toEqual(listBundledSlugs());
    expect(articles[0]).toMatchObject({ slug: 'syria-talks-lausanne', default: true });
    for (const key of ['title', 'byline', 'dateline', 'words']) expect(articles[0]).toHaveProperty(key);
  });
});
