// Bundle-time stand-in for node:child_process as commander requires it. Commander
// loads it at start-up (with net and dgram, a few ms) only to run executable
// subcommands, which news-read has none of; this loads it on first use instead.
import type { spawn as spawnType } from 'node:child_process';
import { createRequire } from 'node:module';

/** spawn is child_process.spawn, loaded when first called. */
export function spawn(...args: Parameters<typeof spawnType>): ReturnType<typeof spawnType> {
  const childProcess = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  return childProcess.spawn(...args);
}
