import { readFileSync } from 'node:fs';
import { PassThrough, Writable } from 'node:stream';
import type { Io } from '../src/cli.js';
import { main } from '../src/cli.js';

/** The bundled seed article's text, front matter and all. */
export const seedText = readFileSync(new URL('../articles/syria-talks-lausanne.txt', import.meta.url), 'utf8');

/** readFixture returns the text of test/fixtures/<name>. */
export function readFixture(name: string): string {
  return readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
}

class Capture extends Writable {
  text = '';
  isTTY: boolean;
  columns: number | undefined;
  rows: number | undefined;

  constructor(isTTY: boolean, columns?: number) {
    super();
    this.isTTY = isTTY;
    this.columns = columns;
    this.rows = 24;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

/** Options for a fake process: a terminal or a pipe, stdin text, environment. */
export interface FakeIoOptions {
  tty?: boolean;
  columns?: number;
  stdin?: string;
  stdinTTY?: boolean;
  env?: Record<string, string | undefined>;
}

/** runCli runs main in-process against a fake process and returns what it wrote and its exit code. */
export async function runCli(
  argv: string[],
  options: FakeIoOptions = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  stdin.isTTY = options.stdinTTY ?? false;
  stdin.end(options.stdin ?? '');
  const stdout = new Capture(options.tty ?? false, options.columns);
  const stderr = new Capture(false);
  const io: Io = { stdin, stdout, stderr, env: options.env ?? {} };
  const code = await main(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}
