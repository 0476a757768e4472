import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { paragraphRuns, runsText, wrapRuns } from '../src/render/layout.js';
import { displayWidth, wrapRanges } from '../src/width.js';

// Words of ASCII, wide CJK, emoji and combining marks, separated by one or more spaces.
const word = fc.oneof(
  fc.stringMatching(/^[a-z]{1,12}$/),
  fc.constantFrom('日本語', '中文', '😀', 'é', 'naïve', 'ﬁne', '👍🏽', 'a\u0301'),
  fc.stringMatching(/^[a-z]{20,40}$/),
);
const paragraph = fc.array(fc.tuple(word, fc.constantFrom(' ', '  ')), { minLength: 1, maxLength: 60 }).map((parts) =>
  parts
    .map(([text, gap]) => text + gap)
    .join('')
    .trimEnd(),
);

describe('wrapRanges', () => {
  test('lines fit the width, none could take the next word, and together they hold every word in order', () => {
    fc.assert(
      fc.property(paragraph, fc.integer({ min: 10, max: 80 }), (text, width) => {
        const ranges = wrapRanges(text, width);
        const lines = ranges.map((range) => text.slice(range.start, range.end));
        lines.forEach((line, index) => {
          expect(displayWidth(line)).toBeLessThanOrEqual(width);
          const next = lines[index + 1];
          // A word cut across lines (wider than a line) goes on at once; otherwise the next word did not fit.
          if (next === undefined || ranges[index + 1]?.start === ranges[index]?.end) return;
          const gap = (ranges[index + 1]?.start ?? 0) - (ranges[index]?.end ?? 0);
          const nextWord = next.split(' ')[0] ?? '';
          expect(displayWidth(line) + gap + displayWidth(nextWord)).toBeGreaterThan(width);
        });
        expect(lines.join(' ').split(/ +/).join('')).toBe(text.split(/ +/).join(''));
      }),
    );
  });
});

describe('paragraphRuns and wrapRuns', () => {
  test('runs keep the text and their styles, whatever the marks, quotations and links', () => {
    const text = 'He said “we will go” to the sea today, *twice*.';
    const runs = paragraphRuns(text, {
      block: {
        kind: 'paragraph',
        links: [{ text: 'sea', href: 'https://example.org/sea', start: text.indexOf('sea') }],
        marks: [{ kind: 'emphasis', start: text.indexOf('*'), end: text.indexOf('.', text.indexOf('*')) }],
      },
      quotations: [{ start: text.indexOf('“'), end: text.indexOf('”') + 1 }],
      references: new Map([['https://example.org/sea', 1]]),
    });
    expect(runsText(runs)).toBe('He said “we will go” to the sea[1] today, *twice*.');
    expect(runs.find((run) => run.text === '“we will go”')?.styles).toEqual(['quotation']);
    expect(runs.find((run) => run.text === 'sea')?.href).toBe('https://example.org/sea');
    expect(runs.find((run) => run.text === '[1]')?.styles).toEqual(['reference']);
    expect(runs.find((run) => run.text === '*twice*')?.styles).toEqual(['emphasis']);
  });

  test('wrapping runs cuts them at line ends without losing or repeating a character', () => {
    fc.assert(
      fc.property(paragraph, fc.integer({ min: 10, max: 60 }), fc.nat(), (text, width, seed) => {
        const start = seed % text.length;
        const end = Math.min(text.length, start + 1 + (seed % 17));
        const runs = paragraphRuns(text, { quotations: [{ start, end }] });
        const lines = wrapRuns(runs, width);
        const plain = wrapRanges(text, width).map((range) => text.slice(range.start, range.end));
        expect(lines.map(runsText)).toEqual(plain);
      }),
    );
  });

  test('control characters and escape sequences never reach a run', () => {
    const runs = paragraphRuns('a\x1b[31mred\x1b[0m\u202Eb\tc', { quotations: [{ start: 1, end: 6 }] });
    expect(runsText(runs)).toBe('aredb c');
  });
});
