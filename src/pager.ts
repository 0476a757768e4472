// Runs the pager for --pager. cli.ts decides whether to page (a terminal, output
// taller than the screen) and which command; this module only starts it and
// feeds it. It is loaded with import() so that the default path never pays for it.

import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { spawn as nodeSpawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';

/** The pager used when neither NEWS_READ_PAGER nor PAGER is set. */
export const DEFAULT_PAGER = 'less -R';

/** What runPager returns: the exit code after paging, or why the pager could not start. */
export type PagerResult = { kind: 'paged'; exitCode: number; warning?: string } | { kind: 'failed'; reason: string };

/** The part of child_process.spawn runPager uses; tests pass a fake. */
export type Spawn = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

/** What runPager needs from the process. */
export interface PagerIo {
  env: Record<string, string | undefined>;
  spawn?: Spawn;
}

/**
 * pagerCommand returns the pager's words from NEWS_READ_PAGER, then PAGER, then
 * "less -R", or null when the variable asks for no pager (empty, or "cat", as git reads it).
 */
export function pagerCommand(env: Record<string, string | undefined>): string[] | null {
  const setting = env.NEWS_READ_PAGER ?? env.PAGER ?? DEFAULT_PAGER;
  const words = splitWords(setting);
  if (words.length === 0 || (words.length === 1 && words[0] === 'cat')) return null;
  return words;
}

/**
 * splitWords returns `text` split into words the way a shell would for a simple
 * command: whitespace separates, single and double quotes group, backslash escapes.
 * Like bat, we run the pager without a shell, so a pager that is missing fails to
 * start (and we fall back) instead of being a shell's "command not found".
 */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let index = 0; index < text.length; index++) {
    const character = text.charAt(index);
    if (quote === "'") {
      if (character === "'") quote = null;
      else word += character;
    } else if (quote === '"') {
      if (character === '"') quote = null;
      else if (character === '\\' && index + 1 < text.length && '"\\$`'.includes(text.charAt(index + 1)))
        word += text[++index];
      else word += character;
    } else if (character === "'" || character === '"') {
      quote = character;
      inWord = true;
    } else if (character === '\\' && index + 1 < text.length) {
      word += text[++index];
      inWord = true;
    } else if (/\s/.test(character)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += character;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** screenLines returns how many terminal lines `text` takes at `columns` columns, long lines wrapped. */
export function screenLines(text: string, columns: number | undefined): number {
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  if (!columns || columns < 1) return lines.length;
  let count = 0;
  for (const line of lines) count += Math.max(1, Math.ceil(stripVTControlCharacters(line).length / columns));
  return count;
}

/**
 * runPager writes `output` to the pager `command` and resolves when the pager
 * exits. The pager shares our terminal (stdout and stderr are inherited); only
 * its stdin is a pipe from us. If the reader quits before reading everything, the
 * pipe breaks (EPIPE): that is a normal end, exit code 0.
 */
export function runPager(output: string, command: readonly string[], io: PagerIo): Promise<PagerResult> {
  const [file, ...args] = command;
  if (!file) return Promise.resolve({ kind: 'failed', reason: 'no pager command' });
  const spawn = io.spawn ?? (nodeSpawn as Spawn);
  // less shows colours only with -R; git sets LESS the same way when it is unset.
  const env = { ...io.env, LESS: io.env.LESS ?? 'R' };
  return new Promise((resolve) => {
    let started = false;
    let child: ChildProcess;
    try {
      child = spawn(file, args, { stdio: ['pipe', 'inherit', 'inherit'], env });
    } catch (error) {
      resolve({ kind: 'failed', reason: describe(file, error) });
      return;
    }
    // Ctrl-C is for the pager (less asks before quitting); we must not die and
    // leave it holding the terminal, so ignore SIGINT until it exits.
    const ignoreInterrupt = () => {};
    process.on('SIGINT', ignoreInterrupt);
    const finish = (result: PagerResult) => {
      process.removeListener('SIGINT', ignoreInterrupt);
      resolve(result);
    };
    child.once('error', (error) => {
      if (!started) finish({ kind: 'failed', reason: describe(file, error) });
    });
    child.once('spawn', () => {
      started = true;
      child.stdin?.on('error', (error: NodeJS.ErrnoException) => {
        // EPIPE: the reader quit early. Anything else also means the pager stopped reading.
        if (error.code !== 'EPIPE') child.kill();
      });
      child.stdin?.end(output);
    });
    child.once('close', (code, signal) => {
      if (!started) return;
      // Quitting early is a normal end; a pager killed by a signal or failing is not ours to hide.
      if (code === 0) finish({ kind: 'paged', exitCode: 0 });
      else
        finish({
          kind: 'paged',
          exitCode: 1,
          warning: `pager "${file}" ${signal ? `was stopped by ${signal}` : `exited with status ${code}`}`,
        });
    });
  });
}

function describe(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return `pager "${file}" not found`;
  if (code === 'EACCES') return `pager "${file}" is not executable`;
  return `pager "${file}" did not start (${code ?? (error as Error)?.message ?? String(error)})`;
}
