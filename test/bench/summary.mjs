#!/usr/bin/env node
// Benchmark for `news-read --summary`: generates long news-like articles (about 50 KB,
// 500 KB and 5 MB) from word lists with a seeded PRNG, runs the built CLI on each,
// interleaved with `node -e 0` so both see the same machine load, and prints median wall
// time, peak RSS, the ratio to bare Node, the growth per 10× input, and the time of the
// parse and summarize stages on their own.
//
// Usage: npm run build && node test/bench/summary.mjs [--runs N] [--keep]
// This prints figures; it asserts nothing, because timings depend on the machine.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from './random.mjs';

const arguments_ = process.argv.slice(2);
const runs = Number(arguments_[arguments_.indexOf('--runs') + 1]) || 5;
const keep = arguments_.includes('--keep');
const binary = fileURLToPath(new URL('../../bin/news-read.js', import.meta.url));
const sizes = [50_000, 500_000, 5_000_000];

const people = [
  'Ana Ruiz',
  'the finance minister',
  'Mr Okafor',
  'the mayor',
  'a union spokesman',
  'Dr Lena Park',
  'the chief executive',
  'Ms Haddad',
  'the opposition leader',
  'a senior diplomat',
];
const bodies = [
  'the council',
  'the central bank',
  'the port authority',
  'the health ministry',
  'the rail operator',
  'the league',
  'the regulator',
  'the coalition',
  'the school board',
  'the energy firm',
];
const places = [
  'Lisbon',
  'the northern province',
  'Nairobi',
  'the coastal towns',
  'Osaka',
  'the capital',
  'Valparaiso',
  'the border region',
  'Leeds',
  'the river valley',
];
const actions = [
  'approved',
  'delayed',
  'rejected',
  'announced',
  'expanded',
  'reviewed',
  'cut',
  'defended',
  'questioned',
  'funded',
];
const topics = [
  'the harbour bridge',
  'a new tax on fuel',
  'the hospital budget',
  'the rail strike',
  'interest rates',
  'the stadium plan',
  'water prices',
  'the ceasefire talks',
  'school meals',
  'the wind farm',
];
const reasons = [
  'after months of debate',
  'despite fierce protests',
  'to cut waiting times',
  'amid rising costs',
  'before the winter',
  'as exports slowed',
  'under pressure from investors',
  'following a court ruling',
];
const verbs = ['said', 'told reporters', 'warned', 'added', 'insisted', 'argued'];
const claims = [
  'the plan would save money within five years',
  'nobody had been consulted',
  'prices would keep rising',
  'the decision was long overdue',
  'families deserved better',
  'talks would resume next week',
];

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

function sentence(random) {
  const amount = `${Math.floor(random() * 900) + 10}`;
  const percent = `${(random() * 20).toFixed(1)}%`;
  switch (Math.floor(random() * 6)) {
    case 0:
      return `${capitalize(pick(random, bodies))} ${pick(random, actions)} ${pick(random, topics)} on ${pick(random, ['Monday', 'Tuesday', 'Friday', 'Sunday'])} ${pick(random, reasons)}.`;
    case 1:
      return `"${capitalize(pick(random, claims))}," ${pick(random, verbs)} ${pick(random, people)}.`;
    case 2:
      return `The cost of ${pick(random, topics)} in ${pick(random, places)} rose ${percent} to $${amount}m, ${pick(random, bodies)} said.`;
    case 3:
      return `${capitalize(pick(random, people))} ${pick(random, verbs)} that ${pick(random, claims)}.`;
    case 4:
      return `In ${pick(random, places)}, ${pick(random, bodies)} ${pick(random, actions)} ${pick(random, topics)} ${pick(random, reasons)}, and ${pick(random, people)} ${pick(random, actions)} it.`;
    default:
      return `About ${amount} people in ${pick(random, places)} will be affected.`;
  }
}

function capitalize(text) {
  return text[0].toUpperCase() + text.slice(1);
}

function generateArticle(bytes, seed) {
  const random = createRandom(seed);
  const parts = [`${capitalize(pick(random, bodies))} ${pick(random, actions)} ${pick(random, topics)}`, ''];
  let length = parts[0].length + 1;
  while (length < bytes) {
    const count = 2 + Math.floor(random() * 4);
    const paragraph = Array.from({ length: count }, () => sentence(random)).join(' ');
    parts.push(paragraph, '');
    length += paragraph.length + 2;
  }
  return parts.join('\n');
}

const hasTime = existsSync('/usr/bin/time');

// Runs a command once; returns wall milliseconds and peak RSS in KiB.
function measure(command, commandArguments) {
  const start = process.hrtime.bigint();
  const result = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', command, ...commandArguments], { encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(
        process.execPath,
        [
          '-e',
          `const r=require('child_process').spawnSync(process.argv[1],process.argv.slice(2),{stdio:['ignore','ignore','inherit']});process.stderr.write('\\n'+process.resourceUsage().maxRSS+'\\n');process.exitCode=r.status`,
          command,
          ...commandArguments,
        ],
        { encoding: 'utf8', maxBuffer: 1 << 28 },
      );
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${commandArguments.join(' ')} failed: ${result.stderr}`);
  const lines = result.stderr.trim().split('\n');
  return { wall, rss: Number(lines.at(-1)) };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const directory = mkdtempSync(join(tmpdir(), 'news-read-bench-'));
const files = sizes.map((bytes, index) => {
  const path = join(directory, `article-${bytes}.txt`);
  writeFileSync(path, generateArticle(bytes, 20241 + index));
  return path;
});

// Parse and summarize once in a fresh process (cold, as the CLI runs them), timed apart,
// so the summarizer's own share and growth show apart from start-up and parsing.
const stageScript = `
const { readFileSync } = await import('node:fs');
const { parseArticle } = await import(${JSON.stringify(new URL('../../dist/parse.js', import.meta.url).href)});
const { summarize } = await import(${JSON.stringify(new URL('../../dist/summarize.js', import.meta.url).href)});
const text = readFileSync(process.argv[1], 'utf8');
const start = performance.now();
const article = parseArticle(text);
const parsed = performance.now();
summarize(article);
const done = performance.now();
console.log(JSON.stringify({ parse: parsed - start, summarize: done - parsed, sentences: article.sentences.length }));
`;

function measureStages(file) {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', stageScript, file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`stage timing failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

const times = sizes.map(() => []);
const stages = sizes.map(() => []);
const memory = sizes.map(() => []);
const baseline = { times: [], memory: [] };
for (let run = 0; run < runs; run++) {
  files.forEach((file, index) => {
    const summary = measure(process.execPath, [binary, '--summary', '--plain', '--max-bytes', '50000000', file]);
    times[index].push(summary.wall);
    memory[index].push(summary.rss);
    stages[index].push(measureStages(file));
    const bare = measure(process.execPath, ['-e', '0']);
    baseline.times.push(bare.wall);
    baseline.memory.push(bare.rss);
  });
}

const bareTime = median(baseline.times);
const rows = [
  [
    'input',
    'sentences',
    'median wall',
    'peak RSS',
    'vs node -e 0',
    'growth per 10×',
    'parse',
    'summarize',
    'summarize growth',
  ],
];
rows.push([
  'node -e 0',
  '',
  `${bareTime.toFixed(0)} ms`,
  `${(median(baseline.memory) / 1024).toFixed(1)} MiB`,
  '1.0×',
  '',
  '',
  '',
  '',
]);
sizes.forEach((bytes, index) => {
  const wall = median(times[index]);
  const previous = index > 0 ? median(times[index - 1]) : null;
  const summarizeTime = median(stages[index].map((stage) => stage.summarize));
  const previousSummarize = index > 0 ? median(stages[index - 1].map((stage) => stage.summarize)) : null;
  rows.push([
    `${bytes >= 1e6 ? `${bytes / 1e6} MB` : `${bytes / 1e3} KB`}`,
    `${stages[index][0].sentences}`,
    `${wall.toFixed(0)} ms`,
    `${(Math.max(...memory[index]) / 1024).toFixed(1)} MiB`,
    `${(wall / bareTime).toFixed(1)}×`,
    previous ? `${(wall / previous).toFixed(2)}×` : '',
    `${median(stages[index].map((stage) => stage.parse)).toFixed(0)} ms`,
    `${summarizeTime.toFixed(0)} ms`,
    previousSummarize ? `${(summarizeTime / previousSummarize).toFixed(2)}×` : '',
  ]);
});
const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
for (const row of rows)
  console.log(
    row
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd(),
  );
console.log(`(${runs} runs each, interleaved; peak RSS is the largest of the runs; parse and summarize are`);
console.log(' medians of in-process timings, one cold run per fresh process)');

if (keep) console.log(`articles kept in ${directory}`);
else rmSync(directory, { recursive: true, force: true });
