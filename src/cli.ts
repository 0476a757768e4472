import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { NewsReadError } from './errors.js';
import { formatHelpSections, GROUPS } from './help.js';
import { articleMeta, parseArticle } from './parse.js';
import { renderJson } from './render/json.js';
import { renderPlain } from './render/plain.js';
import { stripControls } from './sanitize.js';
import type { SourceRef } from './source.js';
import { DEFAULT_MAX_BYTES, isHtmlSource, listBundledSlugs, readSource, resolveSource } from './source.js';
import type { Article, View } from './types.js';
import { fullView } from './views/full.js';
import { summaryView } from './views/summary.js';

/** What main needs from the process; `process` itself fits. */
export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
}

/** The parsed command line, with commander's names. */
export interface Flags {
  full?: boolean;
  summary?: boolean;
  quotes?: boolean;
  json?: boolean;
  plain?: boolean;
  sentences?: number;
  width?: number;
  color: 'auto' | 'always' | 'never';
  speaker?: string;
  list?: boolean;
  maxBytes: number;
  timeout: number;
  pager?: boolean;
}

/** The version in package.json, found from src/ (tests), dist/ or bin/ alike. */
export const VERSION = packageVersion();
const MAX_STYLED_WIDTH = 100;
const FALLBACK_WIDTH = 80;
// Narrower than this, no renderer can lay out a line; the parser refuses it rather than each renderer clamping.
const MIN_WIDTH = 10;

// One small synchronous read at startup; a bundle may inline the version instead.
function packageVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version?: unknown;
    };
    return typeof manifest.version === 'string' ? manifest.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

function positiveInteger(name: string, maximum: number, minimum = 1) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < minimum || Number(value) > maximum) {
      throw new InvalidArgumentError(`${name} must be a whole number from ${minimum} to ${maximum}.`);
    }
    return Number(value);
  };
}

/** createProgram returns the configured commander program; it parses nothing until asked. */
export function createProgram(): Command {
  const program = new Command('news-read')
    .description('Read a news article in the terminal: the whole story, its summary, or its quotations.')
    .argument(
      '[article]',
      'a bundled article slug, a file path (text or a saved web page), an http(s) URL, or - for standard input (default: the bundled article)',
    )
    .optionsGroup(GROUPS.views)
    .addOption(new Option('--full', 'show the whole article (the default view)').conflicts(['summary', 'quotes']))
    .addOption(new Option('--summary', 'show the sentences that carry the story').conflicts(['full', 'quotes']))
    .addOption(new Option('--quotes', 'show the quotations, each with who said it').conflicts(['full', 'summary']))
    .option(
      '-n, --sentences <n>',
      'summary length in sentences (default: 3 for a news story, more for long ones, at most a third)',
      positiveInteger('--sentences', 10000),
    )
    .option('--speaker <name>', 'with --quotes: only the quotes of this speaker (full name or surname)')
    .optionsGroup(GROUPS.output)
    .option('--json', 'print the view as one JSON object')
    .option('--plain', 'plain text: no colour, no Markdown (the default when output is not a terminal)')
    .option(
      '-w, --width <n>',
      'wrap lines at N columns (default: the terminal width up to 100; plain text is not wrapped)',
      positiveInteger('--width', 1000, MIN_WIDTH),
    )
    .addOption(new Option('--color <when>', 'use colour').choices(['auto', 'always', 'never']).default('auto'))
    .option(
      '--pager',
      'on a terminal, show output taller than the screen through $NEWS_READ_PAGER, $PAGER or "less -R"',
    )
    .optionsGroup(GROUPS.input)
    .option('--list', 'list the bundled articles')
    .addOption(
      new Option('--max-bytes <n>', 'refuse input larger than N bytes')
        .argParser(positiveInteger('--max-bytes', Number.MAX_SAFE_INTEGER))
        .default(DEFAULT_MAX_BYTES, '20 MiB'),
    )
    .addOption(
      new Option('--timeout <seconds>', 'give up on a URL that has not arrived after this many seconds')
        .argParser(positiveInteger('--timeout', 3600))
        .default(15),
    )
    .optionsGroup(GROUPS.other)
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', formatHelpSections)
    .showSuggestionAfterError(true)
    .exitOverride();
  return program;
}

/** main runs news-read with `argv` (no node or script name) and returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  if (argv[0] === 'completion') return printCompletion(argv.slice(1), io);
  // Help and version text is written once, like any output, so a closed pipe is a normal end.
  let helpText = '';
  const program = createProgram().configureOutput({
    writeOut: (text) => void (helpText += text),
    writeErr: (text) => void io.stderr.write(text),
    // Commander puts its "did you mean" suggestion on a second line; keep errors to one.
    outputError: (text, write) => write(`news-read: ${oneLine(text.replace(/^error: /, ''))}\n`),
  });
  try {
    program.parse(argv as string[], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? write(io, helpText) : 2;
    }
    throw error;
  }
  const flags = program.opts<Flags>();
  try {
    const output = await run(program.args[0], flags, io);
    if (flags.pager && io.stdout.isTTY) return await page(io, output);
    return await write(io, output);
  } catch (error) {
    if (error instanceof NewsReadError) {
      io.stderr.write(`news-read: ${oneLine(error.message)}\n`);
      return error.exitCode;
    }
    if (io.env.DEBUG?.includes('news-read')) io.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    else
      io.stderr.write(
        `news-read: internal error: ${oneLine((error as Error)?.message ?? String(error))} (set DEBUG=news-read for details)\n`,
      );
    return 1;
  }
}

async function run(argument: string | undefined, flags: Flags, io: Io): Promise<string> {
  if (flags.speaker !== undefined && !flags.quotes) throw new NewsReadError('USAGE', '--speaker goes with --quotes');
  if (flags.sentences !== undefined && !flags.summary)
    throw new NewsReadError('USAGE', '--sentences goes with --summary');
  const slugs = listBundledSlugs();
  if (flags.list) return listArticles(slugs, flags, io);

  const ref = resolveSource(argument, slugs);
  if (ref.kind === 'stdin' && io.stdin.isTTY) {
    io.stderr.write('news-read: reading an article from the terminal; end it with Ctrl-D (or give a file path)\n');
  }
  const article = await loadArticle(ref, flags, io);
  const view: View = flags.summary
    ? summaryView(article, flags.sentences)
    : flags.quotes
      ? // Attribution is the largest module; only the quotes view loads it.
        (await import('./views/quotes.js')).quotesView(article, flags.speaker)
      : fullView(article);
  if (view.view === 'quotes' && view.unmatched) {
    // Not an error (exit 0): the article was read, and the speaker asked for said nothing in it.
    const { speaker, quoted } = view.unmatched;
    const who = quoted.length > 0 ? `quoted: ${quoted.join('; ')}` : 'the article quotes nobody';
    io.stderr.write(`news-read: no quotes by ${oneLine(speaker)} (${oneLine(who)})\n`);
    return '';
  }
  return render(view, flags, io);
}

// The HTML machinery is imported only for web pages: the text path's start-up is benchmarked.
async function loadArticle(ref: SourceRef, flags: Flags, io: Io): Promise<Article> {
  let loaded: { article: Article; warnings: string[] };
  if (ref.kind === 'url') {
    loaded = await (await import('./fetch.js')).readUrl(ref.url, {
      timeoutSeconds: flags.timeout,
      maxBytes: flags.maxBytes,
    });
  } else {
    const { text, warnings, bytes } = await readSource(ref, io, flags.maxBytes);
    loaded = isHtmlSource(ref, text)
      ? (await import('./html.js')).readHtml(
          bytes ?? Buffer.from(text),
          ref.kind === 'file' ? ref.path : 'standard input',
        )
      : { article: parseArticle(text, { slug: ref.kind === 'bundled' ? ref.slug : null }), warnings };
  }
  for (const warning of loaded.warnings) io.stderr.write(`news-read: warning: ${oneLine(warning)}\n`);
  return loaded.article;
}

// Every environment question is decided here, once, and passed down as values.
async function render(view: View, flags: Flags, io: Io): Promise<string> {
  if (flags.json) return renderJson(view);
  const level = colorLevel(flags, io);
  const styled =
    !flags.plain && (io.stdout.isTTY === true || flags.color === 'always' || (flags.color === 'auto' && level > 0));
  if (!styled) return renderPlain(view, { width: flags.width ?? null });
  // COLUMNS stands in when stdout reports no width (e.g. --color always into a pipe).
  const columns = (io.stdout.isTTY && io.stdout.columns) || Math.floor(Number(io.env.COLUMNS)) || 0;
  const width =
    flags.width ?? (columns > 0 ? Math.max(MIN_WIDTH, Math.min(columns, MAX_STYLED_WIDTH)) : FALLBACK_WIDTH);
  const [{ Chalk }, { renderStyled }] = await Promise.all([import('chalk'), import('./render/styled.js')]);
  return renderStyled(view, {
    chalk: new Chalk({ level: level as 0 | 1 | 2 | 3 }),
    width,
    hyperlinks: hyperlinksSupported(io),
  });
}

// OSC 8 hyperlinks only in terminals known to show them (elsewhere styled output
// numbers the links as plain output does). FORCE_HYPERLINK=1 or 0 decides, as
// the supports-hyperlinks package reads it; tmux and screen pass them on unreliably.
function hyperlinksSupported(io: Io): boolean {
  const { FORCE_HYPERLINK, TERM = '', TERM_PROGRAM = '', VTE_VERSION, TMUX } = io.env;
  if (FORCE_HYPERLINK) return FORCE_HYPERLINK !== '0' && FORCE_HYPERLINK !== 'false';
  if (!io.stdout.isTTY || TMUX || /^(?:screen|tmux|dumb)/.test(TERM)) return false;
  if (io.env.WT_SESSION || io.env.KITTY_WINDOW_ID || io.env.KONSOLE_VERSION || /kitty|ghostty|wezterm/.test(TERM))
    return true;
  return ['iTerm.app', 'WezTerm', 'vscode', 'ghostty'].includes(TERM_PROGRAM) || Number(VTE_VERSION) >= 5000;
}

// --color wins over the environment; NO_COLOR (any non-empty value) wins over FORCE_COLOR.
function colorLevel(flags: Flags, io: Io): number {
  if (flags.plain || flags.color === 'never') return 0;
  const force = io.env.FORCE_COLOR;
  const forced = force !== undefined && force !== '0' && force !== 'false';
  const forcedLevel = /^[123]$/.test(force ?? '') ? Number(force) : 1;
  if (flags.color === 'always') return forced ? forcedLevel : Math.max(1, terminalLevel(io));
  if (io.env.NO_COLOR || force === '0' || force === 'false') return 0;
  if (forced) return forcedLevel;
  return io.stdout.isTTY ? terminalLevel(io) : 0;
}

function terminalLevel(io: Io): number {
  const { TERM = '', COLORTERM = '' } = io.env;
  if (TERM === 'dumb') return 0;
  if (/truecolor|24bit/i.test(COLORTERM)) return 3;
  if (/256/.test(TERM)) return 2;
  return 1;
}

async function listArticles(slugs: readonly string[], flags: Flags, io: Io): Promise<string> {
  const rows = [];
  for (const slug of slugs) {
    const article = await loadArticle({ kind: 'bundled', slug }, flags, io);
    rows.push({ ...articleMeta(article), default: rows.length === 0 });
  }
  if (flags.json) return `${JSON.stringify({ articles: rows }, null, 2)}\n`;
  if (rows.length === 0) return 'No bundled articles.\n';
  const slugWidth = Math.max(...rows.map((row) => row.slug!.length));
  const lines = rows.map((row) => {
    const details = [row.title ?? '(no headline)', row.byline, `${row.words} words`].filter(Boolean).join(' · ');
    return `${row.slug!.padEnd(slugWidth)}  ${details}${row.default ? '  (default)' : ''}`;
  });
  return `${lines.join('\n')}\n`;
}

// `news-read completion SHELL`. Only a first word of "completion" is the command,
// so a file of that name is still read as ./completion or `news-read -- completion`.
async function printCompletion(args: readonly string[], io: Io): Promise<number> {
  if (args.length === 1 && (args[0] === '-h' || args[0] === '--help')) {
    return write(
      io,
      'Usage: news-read completion bash|zsh|fish\n\nPrints a completion script; see the man page or README for where to put it.\n',
    );
  }
  const { SHELLS, completionSpec, renderCompletion } = await import('./completion.js');
  const shell = SHELLS.find((name) => name === args[0]);
  if (args.length !== 1 || !shell) {
    const given = args.length === 0 ? 'no shell' : `"${args.join(' ')}"`;
    io.stderr.write(
      `news-read: completion needs one shell: bash, zsh or fish, not ${given} (to read a file named "completion", give ./completion)\n`,
    );
    return 2;
  }
  return write(io, renderCompletion(shell, completionSpec(createProgram(), listBundledSlugs())));
}

// --pager on a terminal: page only output that would scroll off the screen (the
// shell's next prompt takes a line too); otherwise write it as usual.
async function page(io: Io, output: string): Promise<number> {
  const pager = await import('./pager.js');
  const command = pager.pagerCommand(io.env);
  const rows = io.stdout.rows ?? 0;
  if (!command || rows < 1 || pager.screenLines(output, io.stdout.columns) < rows) return write(io, output);
  const result = await pager.runPager(output, command, { env: io.env });
  if (result.kind === 'failed') {
    io.stderr.write(`news-read: warning: ${result.reason}; printing without a pager\n`);
    return write(io, output);
  }
  if (result.warning) io.stderr.write(`news-read: warning: ${result.warning}\n`);
  return result.exitCode;
}

// Messages quote file names and arguments, which may hold escape codes or line breaks of their own.
function oneLine(text: string): string {
  return stripControls(text)
    .trim()
    .replace(/\s*\n\s*/g, ' ');
}

// Writes the output once. A reader that closed the pipe early (EPIPE) is a normal end.
function write(io: Io, output: string): Promise<number> {
  return new Promise((resolve) => {
    // A failed write reports through both the callback and an 'error' event: answer the first only.
    let settled = false;
    const onError = (error: NodeJS.ErrnoException) => {
      if (settled) return;
      settled = true;
      if (error.code === 'EPIPE') return resolve(0);
      io.stderr.write(
        `news-read: cannot write output: ${error.code === 'ENOSPC' ? 'no space left on device' : error.message}\n`,
      );
      resolve(1);
    };
    // Stays attached after a failure, so a later 'error' event is not an uncaught exception.
    io.stdout.on('error', onError);
    try {
      io.stdout.write(output, (error) => {
        if (error) return onError(error);
        io.stdout.removeListener('error', onError);
        resolve(0);
      });
    } catch (error) {
      onError(error as NodeJS.ErrnoException);
    }
  });
}
