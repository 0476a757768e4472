#!/usr/bin/env node
// npm run bench: start-up time and peak memory of news-read, as ratios to `node -e 0`
// timed in the same run. Commands run interleaved (one run of each per round) so
// load from other processes on the machine falls on all of them alike; medians
// are reported. Usage: node test/bench/startup.mjs [--runs N] [--no-large] [--bin PATH]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const runs = Number(argv[argv.indexOf('--runs') + 1]) || 12;
const warmups = 2;
const memoryRuns = Math.min(5, runs);
const includeLarge = !argv.includes('--no-large');

const bin = argv.includes('--bin') ? argv[argv.indexOf('--bin') + 1] : fileURLToPath(new URL('../../bin/news-read.js', import.meta.url));
const temporary = mkdtempSync(join(tmpdir(), 'news-read-bench-'));
const largeArticle = join(temporary, 'large.txt');
writeFileSync(largeArticle, generateArticle(5 * 1024 * 1024));

const MiB = 1024 * 1024;
const cases = [
  { label: 'node -e 0', args: ['-e', '0'] },
  { label: 'news-read --plain', args: [bin, '--plain'], goal: '≤ 1.25×' },
  { label: 'news-read --summary --plain', args: [bin, '--summary', '--plain'], goal: '≤ 1.3×' },
  { label: 'news-read --quotes --plain', args: [bin, '--quotes', '--plain'], goal: '≤ 1.3×' },
  { label: 'news-read --json', args: [bin, '--json'], goal: '≤ 1.3×' },
  { label: 'news-read --color always', args: [bin, '--color', 'always'], goal: '≤ 1.5×' },
  { label: 'news-read --list', args: [bin, '--list'], goal: '≤ 1.25×' },
];
if (includeLarge) {
  cases.push(
    { label: '5 MB: --plain', args: [bin, largeArticle, '--plain'], goal: '≤ 0.4 s' },
    { label: '5 MB: --color always', args: [bin, largeArticle, '--color', 'always'], goal: '≤ 0.8 s' },
    { label: '5 MB: --summary --plain', args: [bin, largeArticle, '--summary', '--plain'], goal: '≤ 2 s' },
  );
}

// Peak RSS comes from GNU time when it is installed, else from a preloaded hook
// that reports process.resourceUsage().maxRSS (KiB) on exit.
const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
const hook = join(temporary, 'rss-hook.cjs');
writeFileSync(hook, "process.on('exit', () => require('node:fs').writeSync(2, `\\nmaxrss:${process.resourceUsage().maxRSS}\\n`));\n");
const environment = { ...process.env, NO_COLOR: '', FORCE_COLOR: '' };
delete environment.NO_COLOR;
delete environment.FORCE_COLOR;

function runOnce(args, expectOutput) {
  const started = process.hrtime.bigint();
  // stdout goes to a pipe, never a terminal, as in `news-read | less`.
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: environment, maxBuffer: 256 * MiB });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 || (expectOutput && result.stdout.length === 0)) {
    throw new Error(`${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  }
  return seconds;
}

function peakMemory(args) {
  const result = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', 'maxrss:%M', process.execPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: environment, maxBuffer: 256 * MiB })
    : spawnSync(process.execPath, ['--require', hook, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: environment, maxBuffer: 256 * MiB });
  const match = /maxrss:(\d+)/.exec(String(result.stderr));
  if (!match) throw new Error(`no peak RSS for ${args.join(' ')}: ${result.stderr}`);
  return (Number(match[1]) * 1024) / MiB;
}

const times = cases.map(() => []);
const memory = cases.map(() => []);
for (let round = 0; round < warmups + runs; round++) {
  // Rotate the starting case so no command always runs right after the same one.
  for (let step = 0; step < cases.length; step++) {
    const index = (round + step) % cases.length;
    const seconds = runOnce(cases[index].args, index > 0);
    if (round >= warmups) times[index].push(seconds);
    if (round >= warmups && round < warmups + memoryRuns) memory[index].push(peakMemory(cases[index].args));
  }
}
rmSync(temporary, { recursive: true, force: true });

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const floor = median(times[0]);
const rows = cases.map((testCase, index) => [
  testCase.label,
  `${(median(times[index]) * 1000).toFixed(0)} ms`,
  `${(Math.min(...times[index]) * 1000).toFixed(0)}–${(Math.max(...times[index]) * 1000).toFixed(0)} ms`,
  `${(median(times[index]) / floor).toFixed(2)}×`,
  `${median(memory[index]).toFixed(1)} MiB`,
  testCase.goal ?? '',
]);
const header = ['command', 'median', 'min–max', 'vs node -e 0', 'peak RSS', 'goal'];
const lines = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`);
console.log(lines.join('\n'));
console.log(
  `\n${runs} interleaved runs each after ${warmups} warm-up rounds; peak RSS is the median of ${memoryRuns} runs (${gnuTime ? '/usr/bin/time' : 'process.resourceUsage'}). Node ${process.version}, ${readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown CPU'}.`,
);

// generateArticle returns a deterministic, news-like article of about `bytes` bytes:
// a headline, byline, dateline and paragraphs of sentences with quotations.
function generateArticle(bytes) {
  let state = 0x9e3779b9;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  const people = ['John Kerry', 'Sergey Lavrov', 'Staffan de Mistura', 'Boris Johnson', 'Ban Ki-moon', 'Mr Lavrov', 'the spokesman'];
  const places = ['Aleppo', 'Lausanne', 'Geneva', 'Moscow', 'Washington', 'Damascus', 'Beirut', 'Ankara'];
  const subjects = ['The delegation', 'Diplomats', 'The ministry', 'Rebel groups', 'Aid agencies', 'The council', 'Officials in ' + 'Brussels'];
  const verbs = ['agreed to consider', 'rejected', 'called for', 'warned against', 'welcomed', 'postponed', 'announced'];
  const objects = ['a ceasefire', 'new talks', 'an aid corridor', 'further sanctions', 'a joint statement', 'the evacuation of civilians', 'a monitoring mission'];
  const tails = [`in ${'the coming days'}`, 'on Saturday', 'after a long meeting', 'despite objections', 'for the first time since March', 'without giving details'];
  const sentence = () => {
    const roll = random();
    if (roll < 0.2) return `“${pick(subjects)} ${pick(verbs)} ${pick(objects)} ${pick(tails)},” ${pick(people)} said.`;
    if (roll < 0.3) return `${pick(people)} said the situation in ${pick(places)} was “${pick(['dire', 'unacceptable', 'improving', 'a catastrophe'])}”.`;
    return `${pick(subjects)} in ${pick(places)} ${pick(verbs)} ${pick(objects)} ${pick(tails)}, according to ${pick(['a statement', 'officials', 'state media', 'witnesses'])}.`;
  };
  let text = '---\ntitle: Talks resume as pressure grows for a truce\n---\nJane Doe\nForeign Correspondent\nBEIRUT // ' + sentence() + '\n';
  while (text.length < bytes) {
    const count = 1 + Math.floor(random() * 5);
    text += Array.from({ length: count }, sentence).join(' ') + '\n';
  }
  return text;
}
