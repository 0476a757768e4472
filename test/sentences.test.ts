import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { splitSentences } from '../src/sentences.js';

const split = (text: string, from = 0, breaks: number[] = []) =>
  splitSentences(text, from, breaks).map((span) => text.slice(span.start, span.end));

describe('splitSentences', () => {
  test('does not end a sentence after an honorific', () => {
    expect(split('Mr. Smith met Dr. Jones and Mrs. Patel. They talked.')).toEqual([
      'Mr. Smith met Dr. Jones and Mrs. Patel.',
      'They talked.',
    ]);
  });

  test('keeps initials with their name', () => {
    expect(split('The novel by J. R. R. Tolkien sold well. Critics agreed.')).toHaveLength(2);
  });

  test('reads "U.S." inside a sentence and at its end', () => {
    expect(split('The U.S. Senate voted. Then it rested.')).toEqual(['The U.S. Senate voted.', 'Then it rested.']);
    expect(split('She moved to the U.S. The move was hard.')).toEqual(['She moved to the U.S.', 'The move was hard.']);
  });

  test('keeps decimals and money whole', () => {
    expect(split('Sales rose 3.5% to $1.13bn. Profit fell.')).toEqual(['Sales rose 3.5% to $1.13bn.', 'Profit fell.']);
  });

  test('ends sentences inside closing quotes', () => {
    expect(split('He asked: “Why now?” Nobody knew. She said: "Go!" They went. It was “over.” Done.')).toEqual([
      'He asked: “Why now?”',
      'Nobody knew.',
      'She said: "Go!"',
      'They went.',
      'It was “over.”',
      'Done.',
    ]);
  });

  test('does not split a quoted question followed by its attribution', () => {
    expect(split('"Why now?" he asked. Nobody knew.')).toEqual(['"Why now?" he asked.', 'Nobody knew.']);
  });

  test('keeps "omen.for" as one sentence', () => {
    expect(split('It is hardly an auspicious omen.for the new talks.')).toHaveLength(1);
  });

  test('reads "No. 10" and "Jan. 5" as abbreviations before numbers', () => {
    expect(split('He went to No. 10 on Jan. 5 to talk. It rained.')).toHaveLength(2);
  });

  test('skips a prefix such as a dateline', () => {
    expect(split('PARIS // It rained. It stopped.', 'PARIS // '.length)).toEqual(['It rained.', 'It stopped.']);
  });

  test('ends a sentence at a joined line break after terminal punctuation', () => {
    const text = 'The vote was lost. the count went on.';
    expect(split(text, 0, [18])).toEqual(['The vote was lost.', 'the count went on.']);
  });

  test('sentences rejoin to the paragraph, up to whitespace, and none is empty', () => {
    const words = fc.constantFrom(
      'The',
      'vote',
      'Mr.',
      'U.S.',
      '“Yes.”',
      'said',
      '$1.5bn.',
      'he',
      'Why?',
      '"No!"',
      'J.',
      'omen.for',
      'it.',
      'And',
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 40 }), (list) => {
        const text = list.join(' ');
        const sentences = split(text);
        expect(sentences.every((sentence) => sentence.trim() === sentence && sentence !== '')).toBe(true);
        expect(sentences.join(' ').replace(/\s+/g, ' ')).toBe(text.trim().replace(/\s+/g, ' '));
      }),
      { numRuns: 500 },
    );
  });
});
