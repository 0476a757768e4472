import { describe, expect, test } from 'vitest';
import { runCli } from './helpers.js';

// Goldens: every view of three articles in every output mode - plain, styled
// (80 columns, colour level 1, escapes shown as ␛) and JSON. The articles are
// the bundled seed (wire text), a Markdown article with every block kind, and
// a saved web page. `vitest -u` rewrites them; review their diffs like code,
// and look at a styled one in a terminal before committing it.
const articles = [
  { name: 'seed', argument: [] },
  { name: 'markdown', argument: ['test/fixtures/markdown-every-block.md'] },
  { name: 'page', argument: ['test/fixtures/html/story.html'] },
] as const;
const views = ['full', 'summary', 'quotes'] as const;
const cases = articles.flatMap((article) => views.map((view) => ({ ...article, view })));

describe.each(cases)('the $name article’s $view view', ({ name, argument, view }) => {
  test('plain', async () => {
    const { code, stdout, stderr } = await runCli([...argument, `--${view}`, '--plain']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    await expect(stdout).toMatchFileSnapshot(`golden/${name}.${view}.plain.txt`);
  });

  test('styled', async () => {
    const { code, stdout } = await runCli([...argument, `--${view}`, '--color', 'always', '--width', '80'], {
      env: { TERM: 'xterm' },
    });
    expect(code).toBe(0);
    await expect(stdout.replaceAll('\x1b', '␛')).toMatchFileSnapshot(`golden/${name}.${view}.styled.txt`);
  });

  test('JSON', async () => {
    const { code, stdout } = await runCli([...argument, `--${view}`, '--json']);
    expect(code).toBe(0);
    await expect(stdout).toMatchFileSnapshot(`golden/${name}.${view}.json`);
  });
});

describe('the list of bundled articles', () => {
  test.each([
    ['plain', ['--plain'], 'txt'],
    ['styled', ['--color', 'always', '--width', '80'], 'txt'],
    ['JSON', ['--json'], 'json'],
  ])('%s', async (mode, flags, extension) => {
    const { code, stdout } = await runCli(['--list', ...flags], { env: { TERM: 'xterm' } });
    expect(code).toBe(0);
    const file = mode === 'JSON' ? 'list.json' : `list.${mode}.${extension}`;
    await expect(stdout.replaceAll('\x1b', '␛')).toMatchFileSnapshot(`golden/${file}`);
  });
});
