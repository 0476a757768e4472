import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const bin = fileURLToPath(new URL('../bin/news-read.js', import.meta.url));

// These spawn the built tool, as a user's shell would.
describe('the built bin', () => {
  test('prints the plain full view through a pipe', () => {
    const result = spawnSync(process.execPath, [bin], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toContain('\x1b');
    expect(result.stdout).toContain('omen.for');
  });

  test('`news-read | head -1` prints one line and exits 0 with nothing on stderr', () => {
    const output = execFileSync(
      'bash',
      ['-c', `set -o pipefail; "${process.execPath}" "${bin}" --json | head -1; echo "status=$?"`],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    expect(output).toBe('{\nstatus=0\n');
  });

  test('--help and --version into a pipe closed early exit 0 with nothing on stderr', () => {
    for (const flag of ['--help', '--version']) {
      const output = execFileSync(
        'bash',
        ['-c', `"${process.execPath}" "${bin}" ${flag} | true; echo "status=\${PIPESTATUS[0]}"`],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      expect(output).toBe('status=0\n');
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

  test('reports usage errors with exit 2 and one line', () => {
    const result = spawnSync(process.execPath, [bin, '--full', '--quotes'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
