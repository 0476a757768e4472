#!/usr/bin/env node
// The reader-mode extraction benchmark: each page that has an expected article text
// in bench/extract/expected/ (NAME.txt for NAME.html, the page in bench/extract/pages/
// or else in test/fixtures/html/) is read
// by news-read's HTML reader, and the text it keeps is scored against the expected
// text by word 4-gram F1, as the scrapinghub article-extraction benchmark scores
// extractors: the multiset of 4-word shingles of each text, true positives the
// shingles both share. The score is the mean over pages of each page's F1.
//
// Usage: npm run build, then node bench/extract/score.mjs [--module PATH] [--verbose]
//   --module PATH   the compiled html module to score (default: dist/html.js), e.g.
//                   another checkout's dist/html.js to compare before and after
//   --verbose       print each page's precision, recall and F1
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SHINGLE_WORDS = 4;
const argv = process.argv.slice(2);
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const root = new URL('../../', import.meta.url);
const modulePath = option('--module') ?? fileURLToPath(new URL('dist/html.js', root));
const { readHtml } = await import(pathToFileURL(modulePath).href);

const expectedDirectory = new URL('bench/extract/expected/', root);
const benchPages = new URL('bench/extract/pages/', root);
const fixturePages = new URL('test/fixtures/html/', root);
const pageFile = (name) =>
  readdirSync(benchPages).includes(`${name}.html`)
    ? new URL(`${name}.html`, benchPages)
    : new URL(`${name}.html`, fixturePages);
const names = readdirSync(expectedDirectory)
  .filter((file) => file.endsWith('.txt'))
  .map((file) => file.slice(0, -'.txt'.length))
  .sort();

// Words as Python's \w+ finds them (letters, digits, underscore, any script), case kept.
function tokens(text) {
  return text.match(/[\p{L}\p{N}\p{M}_]+/gu) ?? [];
}

// The multiset of n-word shingles; a text shorter than n words is one shingle.
function shingles(text) {
  const words = tokens(text);
  const counts = new Map();
  const count = Math.max(1, words.length - SHINGLE_WORDS + 1);
  for (let start = 0; start < count; start++) {
    const key = words.slice(start, start + SHINGLE_WORDS).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function total(counts) {
  let sum = 0;
  for (const value of counts.values()) sum += value;
  return sum;
}

/** score returns precision, recall and F1 of `predicted` against `expected` by shingle multisets. */
export function score(expected, predicted) {
  const truth = shingles(expected);
  const guess = shingles(predicted);
  let shared = 0;
  for (const [key, value] of guess) shared += Math.min(value, truth.get(key) ?? 0);
  const precision = total(guess) ? shared / total(guess) : 0;
  const recall = total(truth) ? shared / total(truth) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

const rows = [];
for (const name of names) {
  const expected = readFileSync(new URL(`${name}.txt`, expectedDirectory), 'utf8');
  let predicted = '';
  try {
    predicted = readHtml(readFileSync(pageFile(name)), name).article.paragraphs.join('\n');
  } catch (error) {
    predicted = '';
    if (argv.includes('--verbose')) console.log(`${name}: ${error.message}`);
  }
  rows.push({ name, ...score(expected, predicted) });
}

const mean = (key) => rows.reduce((sum, row) => sum + row[key], 0) / rows.length;
if (argv.includes('--verbose')) {
  console.log('| page | precision | recall | F1 |\n| --- | --- | --- | --- |');
  for (const row of rows)
    console.log(`| ${row.name} | ${row.precision.toFixed(3)} | ${row.recall.toFixed(3)} | ${row.f1.toFixed(3)} |`);
}
console.log(
  `${rows.length} pages: mean F1 ${mean('f1').toFixed(3)} (precision ${mean('precision').toFixed(3)}, recall ${mean('recall').toFixed(3)}) for ${modulePath}`,
);
