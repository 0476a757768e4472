// Property tests for hostile input (issue 6): a few hundred cases per run here;
// `npm run fuzz` runs the same properties over 100 000 cases.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { NewsReadError } from '../src/errors.js';
import { parseArticle } from '../src/parse.js';
import { stripControls } from '../src/sanitize.js';
import { checkText, FORBIDDEN, makeProperties } from './fuzz/properties.js';

const NUM_RUNS = 150;

describe('hostile input properties', () => {
  for (const [name, property] of Object.entries(makeProperties(true))) {
    test(`${name}: no crash, nothing reaches the terminal, JSON valid, text from the article, same twice`, () => {
      fc.assert(property as fc.IProperty<unknown[]>, { numRuns: NUM_RUNS });
    }, 120_000);
  }

  test('parseArticle throws nothing but NewsReadError', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        try {
          parseArticle(text);
        } catch (error) {
          expect(error).toBeInstanceOf(NewsReadError);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('stripControls leaves no stripped class behind and keeps newline and tab', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const clean = stripControls(text);
        expect(clean).not.toMatch(FORBIDDEN);
        expect(stripControls(clean)).toBe(clean);
      }),
      { numRuns: 1000 },
    );
    expect(stripControls('a\tb\nc')).toBe('a\tb\nc');
    expect(stripControls('x\x1b[31mred\x1b[0m \x1b]0;title\x07y \x1bPdata\x1b\\z')).toBe('xred y z');
  });

  // Found by `npm run fuzz` (seed 20261147): at width 1 the quote's last line held only the
  // closing emphasis mark, and the piece mark of styled output was left behind.
  test('a long quote whose last wrapped line is only an emphasis mark leaves no renderer mark', () => {
    const quote = `“# # e.g., said the minister. the ##⺀🈚# the the the xxxxxxxxx## ${'x'.repeat(110)} the the. the #######  🈯. 👩‍👩‍👧‍👦 بيروت the  𐀀 # \x1b[31m omen.for \x1b\x1b[31m[31m would 𐀀𐀀𐀀 the the Saturday.`;
    checkText(`---\r\ntitle: the\r\nauthor: John Kerry\r\n---\r\n\r\n${quote}\r\n\r\n\r\nLavrov.`, 1, 1);
  });

  test('a known hostile article passes every check', () => {
    checkText(
      'Title \x1b]0;t\x07\n\nBy Eve \x1b[31mMallory\n\n“Quote \u202eevil,” said Eve Mallory. More text.\r\n',
      40,
      2,
    );
  });
});
