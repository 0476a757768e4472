import { fstatSync, readFileSync, writeSync } from 'node:fs';
import { Readable } from 'node:stream';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { decodeDocument } from './decode.js';
import { NewsReadError } from './errors.js';
import { formatHelpSections, GROUPS, helpLayout } from './help.js';
import { parseArticle } from './parse.js';
import { renderJson } from './render/json.js';
import { renderPlainChunks } from './render/plain.js';
import { stripControls } from './sanitize.js';
import type { SourceRef } from './source.js';
import { DEFAULT_MAX_BYTES, listBundledSlugs, readSource, resolveSource } from './source.js';
import type { Article, View } from './types.js';
import { fullView } from './views/full.js';
import { listView } from './views/list.js';
import { summaryView } from './views/summary.js';

/** What main needs from the process; `process` itself fits. */
export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
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
  /** false with --no-header: leave out the headline and meta line. */
  header: boolean;
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

// Rule between articles in plain and styled output, as wide as a narrow terminal.
const RULE = '─'.repeat(40);
const COLOR_CHOICES = ['auto', 'always', 'never'];

// The message says what is allowed; main's usageMessage puts the option and the value around it.
function positiveInteger(maximum: number, minimum = 1) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < minimum || Number(value) > maximum) {
      throw new InvalidArgumentError(`a whole number from ${minimum} to ${maximum}`);
    }
    return Number(value);
  };
}

/** createProgram returns the configured commander program; it parses nothing until asked. */
export function createProgram(): Command {
  const program = new Command('news-read')
    .description('Read a news article in the terminal: the whole story, its summary, or its quotations.')
    .argument(
      '[article...]',
      'a bundled article slug, a file path (text or a saved web page), an http(s) URL, or - for standard input; several are shown in turn (default: standard input when it is a pipe or a file, else the bundled article)',
    )
    .optionsGroup(GROUPS.views)
    .addOption(new Option('--full', 'show the whole article (the default view)').conflicts(['summary', 'quotes']))
    .addOption(new Option('--summary', 'show the sentences that carry the story').conflicts(['full', 'quotes']))
    .addOption(new Option('--quotes', 'show the quotations, each with who said it').conflicts(['full', 'summary']))
    .option(
      '-n, --sentences <n>',
      'summary length in sentences; up to the default it opens with the lead (default: 3, 1 more each time a story doubles past 24 sentences, at most a third)',
      positiveInteger(10000),
    )
    .option('--speaker <name>', 'with --quotes: only the quotes of this speaker (full name or surname)')
    .optionsGroup(GROUPS.output)
    .option('--json', 'print the view as one JSON object (one a line for several articles)')
    .option('--plain', 'plain text: no colour, no Markdown (the default when output is not a terminal)')
    .option('--no-header', 'leave out the headline and meta line: only the body, for pipes')
    .option(
      '-w, --width <n>',
      'wrap lines at N columns (default: the terminal width, at most 100 for styled text; plain text into a pipe is not wrapped)',
      positiveInteger(1000, MIN_WIDTH),
    )
    .addOption(new Option('--color <when>', 'use colour').choices(COLOR_CHOICES).default('auto'))
    .addOption(new Option('--no-color', 'no colour (the same as --color never)'))
    // The British spellings, accepted and not listed.
    .addOption(new Option('--colour <when>').choices(COLOR_CHOICES).hideHelp())
    .addOption(new Option('--no-colour').hideHelp())
    .option(
      '--pager',
      'on a terminal, show output taller than the screen through $NEWS_READ_PAGER, $PAGER or "less -R"',
    )
    .optionsGroup(GROUPS.input)
    .option('--list', 'list the bundled articles')
    .addOption(
      new Option('--max-bytes <n>', 'refuse input larger than N bytes')
        .argParser(positiveInteger(Number.MAX_SAFE_INTEGER))
        .default(DEFAULT_MAX_BYTES, '20 MiB'),
    )
    .addOption(
      new Option('--timeout <seconds>', 'give up on a URL that has not arrived after this many seconds')
        .argParser(positiveInteger(3600))
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
  // `news-read help` as git and npm have it; a file named "help" is ./help.
  if (argv[0] === 'help') return main(argv[1] === 'completion' ? ['completion', '--help'] : ['--help'], io);
  // Help and version text is written once, like any output, so a closed pipe is a normal end.
  let helpText = '';
  const program = createProgram()
    // Help into a pager (`news-read --help | less`) is still read on the terminal that stderr shows.
    .configureHelp(helpLayout(terminalColumns(io) || undefined))
    .configureOutput({
      writeOut: (text) => {
        helpText += text;
      },
      writeErr: (text) => void io.stderr.write(text),
      // Written by the catch below, as one sentence of our own.
      outputError: () => {},
    });
  try {
    program.parse(argv as string[], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.exitCode === 0) return write(io, helpText);
    io.stderr.write(`news-read: ${oneLine(usageMessage(error))}\n`);
    return 2;
  }
  const flags = normalizeFlags(program);
  try {
    const output = await runAll(program.args, flags, io);
    const status = flags.pager && io.stdout.isTTY ? await page(io, output.text) : await write(io, output.text);
    return status === 0 ? output.status : status;
  } catch (error) {
    return reportError(error, io);
  }
}

// --colour and the --no- forms are spellings of --color; the parsed flags carry one value.
function normalizeFlags(program: Command): Flags {
  const options = program.opts<Omit<Flags, 'color'> & { color: string | false; colour?: string | false }>();
  const chosen = program.getOptionValueSource('colour') === 'cli' ? options.colour : options.color;
  const color = chosen === false ? 'never' : ((chosen ?? 'auto') as Flags['color']);
  const { colour: _colour, ...rest } = options;
  return { ...rest, color };
}

// Runs each ARTICLE in turn, like cat: an error is reported and the next one read.
// Returns the outputs joined (a rule between articles; JSON Lines with --json) and
// the worst exit code; a usage error stops the run.
async function runAll(articles: readonly string[], flags: Flags, io: Io): Promise<{ text: Output; status: number }> {
  if (flags.list || articles.length === 0) {
    const stdin = flags.list ? null : await defaultStandardInput(io, flags.maxBytes);
    return { text: await run(stdin ? '-' : undefined, flags, stdin ?? io), status: 0 };
  }
  if (articles.length === 1) return { text: await run(articles[0], flags, io), status: 0 };
  const outputs: string[] = [];
  let status = 0;
  for (const article of articles) {
    try {
      const output = outputText(await run(article, flags, io));
      // JSON Lines: each object on one line, so `jq -c` and line tools read one article a line.
      outputs.push(flags.json ? `${JSON.stringify(JSON.parse(output))}\n` : output);
    } catch (error) {
      const code = reportError(error, io);
      // A usage error is the same for every article: say it once.
      if (code === 2) return { text: outputs.join(flags.json ? '' : `\n${RULE}\n\n`), status: 2 };
      status = Math.max(status, code);
    }
  }
  return { text: outputs.join(flags.json ? '' : `\n${RULE}\n\n`), status };
}

// One line on stderr for any error; the exit code to return.
function reportError(error: unknown, io: Io): number {
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

/**
 * defaultStandardInput returns an Io whose stdin holds what standard input held,
 * when news-read is given no ARTICLE and standard input is a pipe or a file with
 * something in it (as cat and less read it); null for a terminal, /dev/null or
 * another device, or empty input, which mean "show the bundled article".
 */
async function defaultStandardInput(io: Io, maxBytes: number): Promise<Io | null> {
  if (io.stdin.isTTY) return null;
  const descriptor = (io.stdin as { fd?: unknown }).fd;
  if (typeof descriptor === 'number') {
    try {
      if (fstatSync(descriptor).isCharacterDevice()) return null;
    } catch {
      return null;
    }
  }
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of io.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buffer);
    length += buffer.length;
    // readSource refuses input over the limit; one byte past it is enough for it to say so.
    if (length > maxBytes) {
      (io.stdin as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      break;
    }
  }
  if (length === 0) return null;
  return { ...io, stdin: Readable.from([Buffer.concat(chunks, length)]) };
}

/** usageMessage returns commander's error as one sentence: the option, what it takes, what was given. */
export function usageMessage(error: CommanderError): string {
  const text = error.message.replace(/^error: /, '');
  const longFlag = (flags: string) => /--[\w-]+/.exec(flags)?.[0] ?? flags;
  const invalid = /^option '(.+?)' argument '(.*)' is invalid\. (.*)$/s.exec(text);
  if (invalid) {
    const [, flags = '', value = '', allowed = ''] = invalid;
    const choices = /^Allowed choices are (.*)\.$/.exec(allowed)?.[1];
    const what = choices ? `one of ${choices}` : allowed;
    return `${longFlag(flags)} must be ${what}, not "${value}"`;
  }
  const missing = /^option '(.+?)' argument missing$/.exec(text);
  if (missing) return `${longFlag(missing[1] ?? '')} needs a value`;
  // The views are the only options that conflict.
  const conflict = /^option '(.+?)' cannot be used with option '(.+?)'$/.exec(text);
  if (conflict)
    return `${longFlag(conflict[1] ?? '')} cannot be used with ${longFlag(conflict[2] ?? '')}: one view at a time`;
  const unknown = /^unknown option '(.+?)'\s*(?:\(Did you mean (.+?)\?\))?$/s.exec(text);
  if (unknown)
    return `unknown option ${unknown[1]}${unknown[2] ? ` (did you mean ${unknown[2]}?)` : '; see news-read --help'}`;
  return text;
}

/** Output as it is made: one string, or chunks written as they come (a long article a block at a time). */
type Output = string | Iterable<string>;

// The whole of an output as one string (several articles are joined, a pager takes one text).
function outputText(output: Output): string {
  return typeof output === 'string' ? output : Array.from(output).join('');
}

async function run(argument: string | undefined, flags: Flags, io: Io): Promise<Output> {
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
      : // Only styled output shows quotations; finding them is a pass over every paragraph.
        fullView(article, { quotations: isStyled(flags, io) });
  if (view.view === 'quotes' && view.unmatched) {
    // Not an error (exit 0): the article was read, and the speaker asked for said nothing in it.
    const { speaker, quoted } = view.unmatched;
    const who = quoted.length > 0 ? `quoted: ${quoted.join('; ')}` : 'the article quotes nobody';
    io.stderr.write(`news-read: no quotes by ${oneLine(speaker)} (${oneLine(who)})\n`);
    return '';
  }
  return render(view, flags, io);
}

// source → decode → parse: every input kind goes the same way. The HTML machinery
// is imported only for web pages: the text path's start-up is benchmarked.
async function loadArticle(ref: SourceRef, flags: Flags, io: Io): Promise<Article> {
  const source = await readSource(ref, io, { maxBytes: flags.maxBytes, timeoutSeconds: flags.timeout });
  const document = decodeDocument(source);
  const warnings = document.warnings;
  let article: Article;
  if (document.kind === 'html') {
    const page = (await import('./html.js')).parseHtml(document.text, { url: source.url, name: source.name });
    article = page.article;
    for (const warning of page.warnings) warnings.push(warning);
  } else {
    article = parseArticle(document.text, {
      slug: ref.kind === 'bundled' ? ref.slug : null,
      markdown: document.kind === 'markdown',
    });
  }
  for (const warning of warnings) io.stderr.write(`news-read: warning: ${oneLine(warning)}\n`);
  return article;
}

function isStyled(flags: Flags, io: Io): boolean {
  if (flags.plain || flags.json) return false;
  return io.stdout.isTTY === true || flags.color === 'always' || (flags.color === 'auto' && colorLevel(flags, io) > 0);
}

// The terminal's width: stdout's, else stderr's when only stderr is a terminal (--color always | less -R),
// else COLUMNS; 0 when none is known.
function terminalColumns(io: Io): number {
  if (io.stdout.isTTY && io.stdout.columns) return io.stdout.columns;
  if (io.stderr.isTTY && io.stderr.columns) return io.stderr.columns;
  return Math.floor(Number(io.env.COLUMNS)) || 0;
}

// Every environment question is decided here, once, and passed down as values.
async function render(view: View, flags: Flags, io: Io): Promise<Output> {
  if (flags.json) return renderJson(view);
  const columns = terminalColumns(io);
  const header = flags.header !== false;
  if (!isStyled(flags, io)) {
    // Plain output is wrapped only on a terminal (or when asked): a pipe gets one paragraph a line.
    const terminalWidth = io.stdout.isTTY && columns > 0 ? Math.max(MIN_WIDTH, columns) : null;
    return renderPlainChunks(view, { width: flags.width ?? terminalWidth, header });
  }
  const width =
    flags.width ?? (columns > 0 ? Math.max(MIN_WIDTH, Math.min(columns, MAX_STYLED_WIDTH)) : FALLBACK_WIDTH);
  const level = colorLevel(flags, io);
  const [{ Chalk }, { renderStyledChunks }] = await Promise.all([import('chalk'), import('./render/styled.js')]);
  return renderStyledChunks(view, {
    chalk: new Chalk({ level: level as 0 | 1 | 2 | 3 }),
    width,
    hyperlinks: hyperlinksSupported(io),
    header,
    // NO_COLOR asks for no colour, not for no bold or italic; --color never and FORCE_COLOR=0 ask for neither.
    emphasis:
      level === 0 &&
      Boolean(io.env.NO_COLOR) &&
      flags.color !== 'never' &&
      !/^(?:0|false)$/.test(io.env.FORCE_COLOR ?? ''),
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

// --list is a view like any other: read every bundled article, render the list.
async function listArticles(slugs: readonly string[], flags: Flags, io: Io): Promise<Output> {
  const articles: Article[] = [];
  for (const slug of slugs) articles.push(await loadArticle({ kind: 'bundled', slug }, flags, io));
  return render(listView(articles), flags, io);
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
    const problem =
      args.length === 0
        ? 'completion needs a shell'
        : args.length > 1
          ? 'completion takes one shell'
          : `completion knows no shell "${args[0]}"`;
    io.stderr.write(
      `news-read: ${oneLine(problem)}: bash, zsh or fish (to read a file named "completion", give ./completion)\n`,
    );
    return 2;
  }
  return write(io, renderCompletion(shell, completionSpec(createProgram(), listBundledSlugs())));
}

// --pager on a terminal: page only output that would scroll off the screen (the
// shell's next prompt takes a line too); otherwise write it as usual.
async function page(io: Io, output: Output): Promise<number> {
  const text = typeof output === 'string' ? output : Array.from(output).join('');
  const pager = await import('./pager.js');
  const command = pager.pagerCommand(io.env);
  const rows = io.stdout.rows ?? 0;
  if (!command || rows < 1 || pager.screenLines(text, io.stdout.columns) < rows) return write(io, text);
  const result = await pager.runPager(text, command, { env: io.env });
  if (result.kind === 'failed') {
    io.stderr.write(`news-read: warning: ${result.reason}; printing without a pager\n`);
    return write(io, text);
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

// Output is written in pieces of about this many characters: few system calls, and no copy of the whole output.
const WRITE_BATCH = 64 * 1024;

// Batches of the output's chunks, each about WRITE_BATCH characters.
function* batches(output: Output): Generator<string> {
  if (typeof output === 'string') {
    yield output;
    return;
  }
  let batch = '';
  for (const chunk of output) {
    batch += chunk;
    if (batch.length >= WRITE_BATCH) {
      yield batch;
      batch = '';
    }
  }
  if (batch !== '') yield batch;
}

/**
 * write writes the output and returns the exit code: 0, also when the reader
 * closed the pipe early (EPIPE); 1 when the output cannot be written. Into a
 * pipe or a file (fd 1), it writes synchronously: no stream buffering a copy
 * of the output, and nothing left unwritten at exit.
 */
async function write(io: Io, output: Output): Promise<number> {
  const descriptor = synchronousDescriptor(io);
  const pieces = batches(output);
  if (descriptor !== null) {
    // Only the write is in the try: an error while rendering a piece is not an output error.
    for (const piece of pieces) {
      try {
        writeAllSync(descriptor, Buffer.from(piece));
      } catch (error) {
        return writeFailed(io, error as NodeJS.ErrnoException);
      }
    }
    return 0;
  }
  for (const piece of pieces) {
    const status = await writeToStream(io, piece);
    if (status !== null) return status;
  }
  return 0;
}

// The file descriptor to write to synchronously: stdout's, when it is a pipe or a regular file.
function synchronousDescriptor(io: Io): number | null {
  const descriptor = (io.stdout as { fd?: unknown }).fd;
  if (typeof descriptor !== 'number' || io.stdout.isTTY) return null;
  try {
    const stats = fstatSync(descriptor);
    return stats.isFIFO() || stats.isFile() ? descriptor : null;
  } catch {
    return null;
  }
}

const RETRY_WAIT_MS = 2;
const pause = new Int32Array(new SharedArrayBuffer(4));

// A pipe that Node made non-blocking answers EAGAIN while the reader is behind: wait a moment and go on.
function writeAllSync(descriptor: number, buffer: Buffer): void {
  let offset = 0;
  while (offset < buffer.length) {
    try {
      offset += writeSync(descriptor, buffer, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, RETRY_WAIT_MS);
    }
  }
}

function writeFailed(io: Io, error: NodeJS.ErrnoException): number {
  if (error.code === 'EPIPE') return 0;
  io.stderr.write(
    `news-read: cannot write output: ${error.code === 'ENOSPC' ? 'no space left on device' : error.message}\n`,
  );
  return 1;
}

// Writes one piece to the stream; null when it is written and the next may follow, else the exit code.
function writeToStream(io: Io, piece: string): Promise<number | null> {
  return new Promise((resolve) => {
    // A failed write reports through both the callback and an 'error' event: answer the first only.
    let settled = false;
    const onError = (error: NodeJS.ErrnoException) => {
      if (settled) return;
      settled = true;
      resolve(writeFailed(io, error));
    };
    // Stays attached after a failure, so a later 'error' event is not an uncaught exception.
    io.stdout.on('error', onError);
    try {
      io.stdout.write(piece, (error) => {
        if (error) return onError(error);
        io.stdout.removeListener('error', onError);
        settled = true;
        resolve(null);
      });
    } catch (error) {
      onError(error as NodeJS.ErrnoException);
    }
  });
}
