import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { NewsReadError } from '../src/errors.js';
import { parseArticle } from '../src/parse.js';
import { readFixture, seedText } from './helpers.js';

// The bundle is front matter followed by the seed exactly as received.
const seedBody = seedText.replace(/^---\n[\s\S]*?\n---\n/, '');
const seedLines = seedBody.split('\n').filter((line) => line.trim() !== '');
const sharedSeed = new URL('../../shared/seed/article.txt', import.meta.url);

describe('the seed article (wire layout)', () => {
  const article = parseArticle(seedText, { slug: 'syria-talks-lausanne' });

  test('reads byline, role, dateline, contact and source from the text', () => {
    expect(article).toMatchObject({
      slug: 'syria-talks-lausanne',
      byline: 'Josh Wood',
      role: 'Foreign Correspondent',
      dateline: 'BEIRUT',
      contact: 'jwood@thenational.ae',
      source: 'The National',
      date: null,
    });
  });

  test('takes the headline from the bundle’s front matter', () => {
    expect(article.title).toMatch(/Lausanne/);
    expect(parseArticle(seedLines.join('\n')).title).toBeNull();
  });

  // The seed lives in ../shared beside a checkout of the project; a clone elsewhere has no copy to compare with.
  test.skipIf(!existsSync(sharedSeed))(
    `bundles the seed byte for byte after its front matter${existsSync(sharedSeed) ? '' : ' (skipped: no ../shared/seed beside the checkout)'}`,
    () => {
      expect(seedBody).toBe(readFileSync(sharedSeed, 'utf8'));
    },
  );

  test('keeps the body paragraphs character for character', () => {
    expect(article.paragraphs).toEqual(seedLines.slice(2, -1));
  });

  test('keeps header lines out of the sentences', () => {
    const texts = article.sentences.map((sentence) => sentence.text);
    expect(texts).not.toContain('Josh Wood');
    expect(texts.join(' ')).not.toMatch(/Foreign Correspondent|jwood@/);
  });

  test('leaves the dateline out of the first sentence', () => {
    expect(article.sentences[0]?.text).toMatch(/^American secretary of state/);
    expect(article.datelineLength).toBe('BEIRUT // '.length);
  });

  test('keeps "omen.for" as one sentence', () => {
    expect(article.sentences.at(-1)?.text).toBe('It is hardly an auspicious omen.for the new talks.');
  });

  test('numbers sentences over the whole article with their paragraphs', () => {
    article.sentences.forEach((sentence, index) => {
      expect(sentence.index).toBe(index);
      expect(article.paragraphs[sentence.paragraph]?.slice(sentence.start, sentence.start + sentence.text.length)).toBe(
        sentence.text,
      );
    });
    expect(article.sentences).toHaveLength(21);
  });

  test('counts the body’s words', () => {
    expect(article.words).toBe(587);
  });
});

describe('layouts', () => {
  test('wire layout: byline, role, CITY // dateline, one paragraph per line, contact line', () => {
    const article = parseArticle(readFixture('wire-layout.txt'));
    expect(article).toMatchObject({
      byline: 'Maria Ostrova',
      role: 'Science Editor',
      dateline: 'GENEVA',
      contact: 'mostrova@dailyplanet.com',
      source: 'Dailyplanet',
    });
    expect(article.paragraphs).toHaveLength(3);
    expect(article.sentences.map((sentence) => sentence.text)).toEqual([
      'Engineers at the particle laboratory switched the collider back on at dawn on Tuesday after a two-year refit that cost about $1.13bn.',
      'The first beams circulated within an hour.',
      'Dr. Ana Lima, who led the refit, said the machine was "running sweeter than ever".',
      'Critics say the money would have been better spent elsewhere.',
    ]);
  });

  test('headline first: a headline, a blank line, paragraphs with their lines joined', () => {
    const article = parseArticle(readFixture('headline-first.txt'));
    expect(article.title).toBe('Harbour bridge reopens after storm repairs');
    expect(article.paragraphs).toEqual([
      'The harbour bridge reopened to traffic on Monday, six weeks after a winter storm tore away part of its deck and left the town cut in two.',
      'Mayor Tom Reid cut a ribbon at the north end. "We have our town back," he told a small crowd.',
      'Ferry crews, who carried commuters across the water during the closure, were thanked by name.',
    ]);
    expect(article.byline).toBeNull();
  });

  test('Markdown: front matter, # headline, inline markup removed', () => {
    const article = parseArticle(readFixture('markdown.md'));
    expect(article).toMatchObject({
      title: 'Orchard growers count the cost of a late frost',
      byline: 'Priya Natarajan',
      date: '2026-03-14',
      source: 'The Valley Courier',
    });
    expect(article.paragraphs[0]).toContain('a single night of frost');
    expect(article.paragraphs[1]).toBe(
      '"It was over in six hours," said Luis Ortega, who farms forty acres near the river.',
    );
  });

  test('"By" bylines, date lines and CRLF line endings', () => {
    const article = parseArticle(
      'Flood waters recede\r\n\r\nBy Sam Okafor, Staff Writer\r\n14 March 2026\r\n\r\nThe river fell a metre overnight. Roads reopened by noon.\r\n',
    );
    expect(article).toMatchObject({
      title: 'Flood waters recede',
      byline: 'Sam Okafor',
      role: 'Staff Writer',
      date: '14 March 2026',
    });
    expect(article.sentences).toHaveLength(2);
  });

  test('one-sentence-per-line paragraphs keep each line a sentence', () => {
    const article = parseArticle('Title here\n\nThe U.S. team won.\nIt was a first.\n');
    expect(article.sentences.map((sentence) => sentence.text)).toEqual(['The U.S. team won.', 'It was a first.']);
  });

  test('hard-wrapped prose is one paragraph, not one per line', () => {
    const article = parseArticle(
      'The council met on Monday and agreed\nto close the old library by the end\nof the year, despite protests.\n',
    );
    expect(article.paragraphs).toHaveLength(1);
  });

  test('text without paragraphs is refused with NO_PARAGRAPHS', () => {
    expect(() => parseArticle(readFixture('no-paragraphs.txt'))).toThrow(NewsReadError);
    try {
      parseArticle('---\ntitle: x\n---\n');
    } catch (error) {
      expect((error as NewsReadError).code).toBe('NO_PARAGRAPHS');
    }
  });
});

describe('properties', () => {
  test('parseArticle throws nothing but NewsReadError, and sentences are substrings of their paragraphs', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        try {
          const article = parseArticle(text);
          for (const sentence of article.sentences) {
            expect(sentence.text.trim()).not.toBe('');
            expect(
              article.paragraphs[sentence.paragraph]?.slice(sentence.start, sentence.start + sentence.text.length),
            ).toBe(sentence.text);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(NewsReadError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
