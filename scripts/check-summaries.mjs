#!/usr/bin/env node
// check-summaries.mjs: runs news-read's default summary over every article of a data set and
// reports each chosen sentence that breaks a stand-alone rule (docs/summary.md): a pronoun
// speaker, a list intro without its list, an opener whose antecedent is left out, a near-duplicate.
//
//   npm run check:summaries -- [options]   (tsc -p . first: it imports dist/summary/standalone.js)
//   node scripts/check-summaries.mjs [--data DIR] [--reference-length] [--verbose]
//
// --data DIR          folder with article/<topic>/<NNN>.txt (default: ../shared/eval/summary
//                     beside the repository)
// --reference-length  ask for as many sentences as summary/<topic>/<NNN>.txt has lines (the
//                     length the ROUGE scorer passes) instead of the default length
// --verbose           print each offending sentence, not only the counts
// --bin FILE          the news-read entry to run (default: this repository's bin/news-read.js),
//                     e.g. another checkout's, to count the problems of its summaries
//
// Prints one line per rule with its count and a last line "problems N articles M"; exits 1 when
// any problem is found, 0 otherwise. The rules are the summarizer's own (dist/summary/standalone.js),
// applied to what the command line prints.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const { parseArticle } = await import(join(root, 'dist/parse.js'));
const { findStandAloneProblems, STAND_ALONE_RULES } = await import(join(root, 'dist/summary/standalone.js'));

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const data = option('--data') ?? join(root, '../shared/eval/summary');
const referenceLength = args.includes('--reference-length');
const verbose = args.includes('--verbose');
const binary = option('--bin') ?? join(root, 'bin/news-read.js');

const articleDirectory = join(data, 'article');
if (!existsSync(articleDirectory)) {
  process.stderr.write(`check-summaries: no article/ folder in ${data}\n`);
  process.exit(2);
}

const counts = Object.fromEntries(STAND_ALONE_RULES.map((rule) => [rule.name, 0]));
let articles = 0;
let problemCount = 0;
for (const topic of readdirSync(articleDirectory).sort()) {
  for (const file of readdirSync(join(articleDirectory, topic)).sort()) {
    if (!file.endsWith('.txt')) continue;
    const path = join(articleDirectory, topic, file);
    const lengthArguments = [];
    if (referenceLength) {
      const reference = readFileSync(join(data, 'summary', topic, file), 'utf8');
      lengthArguments.push('--sentences', String(reference.split('\n').filter((line) => line.trim()).length));
    }
    const output = execFileSync(process.execPath, [binary, '--summary', '--json', ...lengthArguments, path], {
      encoding: 'utf8',
    });
    const { summary } = JSON.parse(output);
    const texts = parseArticle(readFileSync(path, 'utf8')).sentences.map((sentence) => sentence.text);
    articles++;
    for (const problem of findStandAloneProblems(texts, summary)) {
      counts[problem.rule]++;
      problemCount++;
      if (verbose) process.stdout.write(`${topic}/${file} #${problem.index} ${problem.rule}: ${problem.text}\n`);
    }
  }
}
for (const [rule, count] of Object.entries(counts)) process.stdout.write(`${rule} ${count}\n`);
process.stdout.write(`problems ${problemCount} articles ${articles}\n`);
process.exitCode = problemCount > 0 ? 1 : 0;
