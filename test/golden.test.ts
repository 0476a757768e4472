import { describe, expect, test } from 'vitest';
import { runCli } from './helpers.js';

// Goldens for the bundled seed article: each view plain, styled (80 columns,
// colour level 1, escapes shown as ␛) and JSON. `vitest -u` rewrites them;
// review their diffs like code.
const views = ['full', 'summary', 'quotes'] as const;

describe.each(views)('the seed article’s %s view', (view) => {
  test('plain', async () => {
    const { code, stdout, stderr } = await runCli([`--${view}`, '--plain']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    await expect(stdout).toMatchFileSnapshot(`golden/seed.${view}.plain.txt`);
  });

  test('styled', async () => {
    const { code, stdout } = await runCli([`--${view}`, '--color', 'always', '--width', '80'], {
      env: { TERM: 'xterm' },
    });
    expect(code).toBe(0);
    await expect(stdout.replaceAll('\x1b', '␛')).toMatchFileSnapshot(`golden/seed.${view}.styled.txt`);
  });

  test('JSON', async () => {
    const { code, stdout } = await runCli([`--${view}`, '--json']);
    expect(code).toBe(0);
    await expect(stdout).toMatchFileSnapshot(`golden/seed.${view}.json`);
  });
});
