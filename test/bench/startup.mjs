#!/usr/bin/env node
// npm run bench: start-up time and peak memory of news-read, as ratios to `node -e 0`
// timed in the same run. Commands run interleaved (one run of each per round) so
// load from other processes on the machine falls on all of them alike; medians
// are reported. Usage: node test/bench/startup.mjs [--runs N] [--no-large] [--bin PATH]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const runs = Number(argv[argv.indexOf('--runs') + 1]) || 12;
const warmups = 2;
const includeLarge = !argv.includes('--no-large');

const bin = argv.includes('--bin')
  ? argv[argv.indexOf('--bin') + 1]
  : fileURLToPath(new URL('../../bin/news-read.js', import.meta.url));
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

// CPU time and peak RSS come from GNU time when it is installed, else from a
// preloaded hook that reports process.resourceUsage() on exit.
const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
const hook = join(temporary, 'usage-hook.cjs');
writeFileSync(
  hook,
  "process.on('exit', () => { const u = process.resourceUsage(); require('node:fs').writeSync(2, `\\nmeasured:${u.maxRSS}:${u.userCPUTime / 1e6}:${u.systemCPUTime / 1e6}\\n`); });\n",
);
const environment = { ...process.env };
delete environment.NO_COLOR;
delete environment.FORCE_COLOR;

// One run, stdout to a pipe as in `news-read | less`. Wall time is timed here; CPU
// time (user + system, 10 ms resolution) and peak RSS are GNU time's (its own
// start-up is the same for every command, node -e 0 included).
function runOnce(args, expectOutput) {
  const command = gnuTime
    ? ['/usr/bin/time', '-f', 'measured:%M:%U:%S', process.execPath, ...args]
    : [process.execPath, '--require', hook, ...args];
  const started = process.hrtime.bigint();
  const result = spawnSync(command[0], command.slice(1), {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: environment,
    maxBuffer: 256 * MiB,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const measured = /measured:(\d+):([\d.]+):([\d.]+)/.exec(String(result.stderr));
  if (result.status !== 0 || (expectOutput && result.stdout.length === 0) || !measured) {
    throw new Error(`${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  }
  return { seconds, cpu: Number(measured[2]) + Number(measured[3]), memory: (Number(measured[1]) * 1024) / MiB };
}

const samples = cases.map(() => []);
for (let round = 0; round < warmups + runs; round++) {
  // Rotate the starting case so no command always runs right after the same one.
  for (let step = 0; step < cases.length; step++) {
    const index = (round + step) % cases.length;
    const sample = runOnce(cases[index].args, index > 0);
    if (round >= warmups) samples[index].push(sample);
  }
}
rmSync(temporary, { recursive: true, force: true });

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
const column = (index, key) => samples[index].map((sample) => sample[key]);
const milliseconds = (seconds) => `${(seconds * 1000).toFixed(0)} ms`;
const floor = median(column(0, 'seconds'));
const floorCpu = median(column(0, 'cpu'));
const rows = cases.map((testCase, index) => {
  const times = column(index, 'seconds');
  const cpu = median(column(index, 'cpu'));
  return [
    testCase.label,
    milliseconds(median(times)),
    `${(Math.min(...times) * 1000).toFixed(0)}–${milliseconds(Math.max(...times))}`,
    `${(median(times) / floor).toFixed(2)}×`,
    `${milliseconds(cpu)} (${(cpu / floorCpu).toFixed(2)}×)`,
    `${median(column(index, 'memory')).toFixed(1)} MiB`,
    testCase.goal ?? '',
  ];
});
const header = ['command', 'median', 'min–max', 'vs node -e 0', 'CPU user+sys', 'peak RSS', 'goal'];
console.log([header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n'));
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(
  `\n${runs} interleaved runs each after ${warmups} warm-up rounds; medians. CPU and peak RSS from ${gnuTime ? '/usr/bin/time' : 'process.resourceUsage()'}. Node ${process.version}, ${os.cpus().length} CPUs, load average ${load} at the end.`,
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
  const people = [
    'John Kerry',
    'Sergey Lavrov',
    'Staffan de Mistura',
    'Boris Johnson',
    'Ban Ki-moon',
    'Mr Lavrov',
    'the spokesman',
  ];
  const places = ['Aleppo', 'Lausanne', 'Geneva', 'Moscow', 'Washington', 'Damascus', 'Beirut', 'Ankara'];
  const subjects = [
    'The delegation',
    'Diplomats',
    'The ministry',
    'Rebel groups',
    'Aid agencies',
    'The council',
    'Officials in ' + 'Brussels',
  ];
  const verbs = [
    'agreed to consider',
    'rejected',
    'called for',
    'warned against',
    'welcomed',
    'postponed',
    'announced',
  ];
  const objects = [
    'a ceasefire',
    'new talks',
    'an aid corridor',
    'further sanctions',
    'a joint statement',
    'the evacuation of civilians',
    'a monitoring mission',
  ];
  const tails = [
    `in ${'the coming days'}`,
    'on Saturday',
    'after a long meeting',
    'despite objections',
    'for the first time since March',
    'without giving details',
  ];
  const sentence = () => {
    const roll = random();
    if (roll < 0.2) return `“${pick(subjects)} ${pick(verbs)} ${pick(objects)} ${pick(tails)},” ${pick(people)} said.`;
    if (roll < 0.3)
      return `${pick(people)} said the situation in ${pick(places)} was “${pick(['dire', 'unacceptable', 'improving', 'a catastrophe'])}”.`;
    return `${pick(subjects)} in ${pick(places)} ${pick(verbs)} ${pick(objects)} ${pick(tails)}, according to ${pick(['a statement', 'officials', 'state media', 'witnesses'])}.`;
  };
  let text =
    '---\ntitle: Talks resume as pressure grows for a truce\n---\nJane Doe\nForeign Correspondent\nBEIRUT // ' +
    sentence() +
    '\n';
  while (text.length < bytes) {
    const count = 1 + Math.floor(random() * 5);
    text += Array.from({ length: count }, sentence).join(' ') + '\n';
  }
  return text;
}
