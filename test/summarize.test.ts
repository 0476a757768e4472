import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/parse.js';
import { defaultSummaryLength, summarize } from '../src/summarize.js';
import type { Article, SummarySentence } from '../src/types.js';

// A small story of our own: most sentences are about the harbour bridge vote; one is not.
const bridgeStory = [
  'Harbour bridge plan',
  '',
  'The city council approved the harbour bridge plan on Tuesday after a long debate about its cost.',
  'The harbour bridge will link the old port to the new rail station across the bay.',
  'Council members said the bridge plan would cut travel time for commuters and freight.',
  '',
  'A local bakery also won a prize for its rye bread at the county fair.',
  'Critics of the bridge plan said the council had underestimated its cost by millions.',
  'Council bridge costs.',
  '',
  'Building work on the harbour bridge is due to start next spring, the council said.',
  'The mayor called the bridge vote a turning point for the port and the city.',
].join('\n');

function sentencesOf(count: number, words: (index: number) => string): string {
  return Array.from({ length: count }, (_, index) => `${words(index)}.`).join(' ');
}

function expectWellFormed(article: Article, summary: SummarySentence[], wanted: number): void {
  expect(summary).toHaveLength(Math.min(wanted, article.sentences.length));
  summary.forEach((entry, position) => {
    expect(entry.text).toBe(article.sentences[entry.index]!.text);
    if (position > 0) expect(entry.index).toBeGreaterThan(summary[position - 1]!.index);
  });
}

describe('defaultSummaryLength', () => {
  it('gives nothing for no sentences and the one sentence of a one-sentence article', () => {
    expect(defaultSummaryLength(0)).toBe(0);
    expect(defaultSummaryLength(1)).toBe(1);
    expect(defaultSummaryLength(2)).toBe(1);
  });

  it('gives about three sentences for a short article', () => {
    expect(defaultSummaryLength(9)).toBe(3);
    expect(defaultSummaryLength(15)).toBe(3);
    expect(defaultSummaryLength(20)).toBe(3);
  });

  it('grows slowly with length and never shrinks', () => {
    expect(defaultSummaryLength(24)).toBe(4);
    expect(defaultSummaryLength(48)).toBe(5);
    expect(defaultSummaryLength(100_000)).toBeLessThanOrEqual(20);
    let previous = 0;
    for (let count = 0; count <= 5000; count++) {
      const length = defaultSummaryLength(count);
      expect(length).toBeGreaterThanOrEqual(previous);
      previous = length;
    }
  });

  it('never gives more than a third of an article, except one sentence of a tiny one', () => {
    for (let count = 1; count <= 2000; count++) {
      const length = defaultSummaryLength(count);
      expect(length).toBeGreaterThanOrEqual(1);
      expect(length).toBeLessThanOrEqual(Math.max(1, Math.ceil(count / 3)));
    }
  });
});

describe('summarize', () => {
  const article = parseArticle(bridgeStory);

  it('gives the same summary every time', () => {
    expect(summarize(parseArticle(bridgeStory), 4)).toEqual(summarize(article, 4));
    expect(summarize(article)).toEqual(summarize(article));
  });

  it('keeps article order and each sentence’s own index and text', () => {
    for (let wanted = 0; wanted <= article.sentences.length + 2; wanted++) {
      expectWellFormed(article, summarize(article, wanted), wanted);
    }
  });

  it('uses the default length when no length is given', () => {
    expect(summarize(article)).toHaveLength(defaultSummaryLength(article.sentences.length));
  });

  it('picks sentences about the story over an aside', () => {
    const texts = summarize(article, 3).map((entry) => entry.text);
    expect(texts.every((text) => /bridge/.test(text))).toBe(true);
    expect(texts.join(' ')).not.toMatch(/bakery/);
  });

  it('takes a very short fragment only when nothing else is left', () => {
    const count = article.sentences.length;
    for (let wanted = 1; wanted < count - 1; wanted++) {
      expect(summarize(article, wanted).map((entry) => entry.text)).not.toContain('Council bridge costs.');
    }
    expect(summarize(article, count).map((entry) => entry.text)).toContain('Council bridge costs.');
  });

  it('returns the only sentence of a one-sentence article', () => {
    const single = parseArticle('The ferry service resumed on Monday after the storm.');
    expect(summarize(single)).toEqual([{ text: 'The ferry service resumed on Monday after the storm.', index: 0 }]);
    expect(summarize(single, 5)).toHaveLength(1);
  });

  it('returns nothing for an article without sentences or for zero sentences wanted', () => {
    expect(summarize({ ...article, sentences: [] })).toEqual([]);
    expect(summarize({ ...article, sentences: [] }, 3)).toEqual([]);
    expect(summarize(article, 0)).toEqual([]);
  });

  it('skips a repeat of a sentence it already chose', () => {
    const repeated = parseArticle(
      [
        'The river flooded the lower town on Sunday night and the river rose again on Monday.',
        'Rescue teams moved families from the lower town as the river flooded more streets.',
        'The river flooded the lower town on Sunday night and the river rose again on Monday.',
        'Schools stayed open in the upper town.',
      ].join('\n'),
    );
    const texts = summarize(repeated, 2).map((entry) => entry.text);
    expect(new Set(texts).size).toBe(2);
  });

  it('passes over a subheading line and the tail of a quotation', () => {
    const story = parseArticle(
      [
        'The museum reopened its west wing on Friday after a two-year restoration of the wing.',
        '',
        'Museum wing and museum archive reopen',
        '',
        'The restored wing holds the museum collection of maps and the museum archive.',
        '"We waited a long time for the wing to reopen.',
        'The museum wing is the finest in the region," said the museum director.',
        'Tickets for the museum wing are free during the first week of the reopening.',
      ].join('\n'),
    );
    const texts = summarize(story, 3).map((entry) => entry.text);
    expect(texts).not.toContain('Museum wing and museum archive reopen');
    expect(texts.some((text) => text.startsWith('The museum wing is the finest'))).toBe(false);
  });

  it('handles one huge paragraph of thousands of sentences', () => {
    const topics = ['port', 'rail', 'budget', 'school', 'harbour', 'council'];
    const huge = parseArticle(
      sentencesOf(5000, (index) => `Sentence ${index} says the ${topics[index % 6]} plan and the ${topics[(index * 7) % 6]} vote moved ahead`),
    );
    expect(huge.paragraphs).toHaveLength(1);
    const summary = summarize(huge);
    expectWellFormed(huge, summary, defaultSummaryLength(huge.sentences.length));
    expectWellFormed(huge, summarize(huge, 4000), 4000);
  });
});

const word = fc.constantFrom(
  'council', 'vote', 'bridge', 'the', 'a', 'said', 'minister', 'budget', 'rail', 'port', 'storm', 'of', 'and',
  'Mr', 'talks', '2024', '“truce”', '"peace"', 'it', 'rebels', 'harbour', 'school',
);
const sentence = fc
  .array(word, { minLength: 1, maxLength: 14 })
  .map((words) => `${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}${'.'}`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((sentences) => sentences.join(' '));
const articleText = fc.array(paragraph, { minLength: 1, maxLength: 8 }).map((paragraphs) => paragraphs.join('\n\n'));

describe('summarize, for any article', () => {
  it('gives min(N, count) sentences in strictly increasing order, each the sentence at its index', () => {
    fc.assert(
      fc.property(articleText, fc.nat(40), (text, wanted) => {
        const article = parseArticle(text);
        expectWellFormed(article, summarize(article, wanted), wanted);
        expectWellFormed(article, summarize(article), defaultSummaryLength(article.sentences.length));
      }),
      { numRuns: 200 },
    );
  });
});
