#!/usr/bin/env node
// npm run bench: start-up time of news-read as ratios to, and milliseconds above,
// `node -e 0` timed in the same run; then wall time and peak memory on large
// articles (5 MB and 50 MB, the input limit lifted) for each view. Start-up
// commands run interleaved (one run of each per round) so load from other
// processes on the machine falls on all of them alike; medians are reported.
// Usage: node test/bench/startup.mjs [--runs N] [--large-runs N] [--no-large] [--no-huge] [--bin PATH]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from './random.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const runs = Number(option('--runs', 12)) || 12;
const largeRuns = Number(option('--large-runs', 3)) || 3;
const warmups = 2;
const includeLarge = !argv.includes('--no-large');
const includeHuge = includeLarge && !argv.includes('--no-huge');
const MiB = 1024 * 1024;
// A 50 MB run that has not finished after this long is reported as timed out.
const LARGE_TIMEOUT_MS = 10 * 60 * 1000;

const bin = option('--bin', fileURLToPath(new URL('../../bin/news-read.js', import.meta.url)));
const temporary = mkdtempSync(join(tmpdir(), 'news-read-bench-'));

const startupCases = [
  { label: 'node -e 0', args: ['-e', '0'] },
  { label: '--plain', args: [bin, '--plain'], goal: '≤ 1.25×, ≤ +10 ms' },
  { label: '--json', args: [bin, '--json'], goal: '≤ 1.25×' },
  { label: '--list', args: [bin, '--list'], goal: '≤ 1.25×' },
  { label: '--summary --plain', args: [bin, '--summary', '--plain'], goal: '≤ 1.3×' },
  { label: '--quotes --plain', args: [bin, '--quotes', '--plain'], goal: '≤ 1.3×' },
  { label: '--color always', args: [bin, '--color', 'always'], goal: '≤ 1.4×, ≤ +25 ms' },
];

// View flags for the large rows, and each one's 5 MB time goal.
const largeViews = [
  { label: 'plain', flags: ['--plain'], goal: '≤ 0.3 s' },
  { label: 'styled', flags: ['--color', 'always'], goal: '≤ 0.8 s' },
  { label: 'summary', flags: ['--summary', '--plain'], goal: '≤ 0.6 s' },
  { label: 'quotes', flags: ['--quotes', '--plain'], goal: '' },
];

// CPU time (user + system; GNU time's has 10 ms resolution) is reported beside wall time:
// on a machine shared with other work it moves less than wall time does.
// Peak RSS comes from GNU time when it is installed, else from a preloaded hook
// that reports process.resourceUsage() on exit.
const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
const hook = join(temporary, 'usage-hook.cjs');
writeFileSync(
  hook,
  "process.on('exit', () => { const u = process.resourceUsage(); require('node:fs').writeSync(2, '\\nmeasured:' + u.maxRSS + ':' + u.userCPUTime / 1e6 + ':' + u.systemCPUTime / 1e6 + '\\n'); });\n",
);
const environment = { ...process.env };
delete environment.NO_COLOR;
delete environment.FORCE_COLOR;

// One run, stdout to a pipe as in `news-read | less`; wall time is timed here.
// Returns {seconds, memory} or {failure} when the command fails or times out.
function runOnce(args, { expectOutput = true, timeout } = {}) {
  const command = gnuTime
    ? ['/usr/bin/time', '-f', 'measured:%M:%U:%S', process.execPath, ...args]
    : [process.execPath, '--require', hook, ...args];
  const started = process.hrtime.bigint();
  const result = spawnSync(command[0], command.slice(1), {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: environment,
    maxBuffer: 1024 * MiB,
    timeout,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const measured = /measured:(\d+):([\d.]+):([\d.]+)/.exec(String(result.stderr));
  if (result.error?.code === 'ETIMEDOUT') return { failure: `timed out after ${Math.round(seconds)} s` };
  if (result.status !== 0 || (expectOutput && result.stdout.length === 0) || !measured) {
    const message = String(result.stderr)
      .replace(/measured:.*/, '')
      .trim()
      .split('\n')[0]
      .slice(0, 80);
    return { failure: `exit ${result.status}: ${message}` };
  }
  return { seconds, cpu: Number(measured[2]) + Number(measured[3]), memory: (Number(measured[1]) * 1024) / MiB };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
const milliseconds = (seconds) => `${(seconds * 1000).toFixed(0)} ms`;
const table = (header, rows) =>
  [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');

// Start-up: interleaved rounds, medians.
const samples = startupCases.map(() => []);
for (let round = 0; round < warmups + runs; round++) {
  // Rotate the starting case so no command always runs right after the same one.
  for (let step = 0; step < startupCases.length; step++) {
    const index = (round + step) % startupCases.length;
    const sample = runOnce(startupCases[index].args, { expectOutput: index > 0 });
    if (sample.failure) throw new Error(`${startupCases[index].label}: ${sample.failure}`);
    if (round >= warmups) samples[index].push(sample);
  }
}
const floor = median(samples[0].map((sample) => sample.seconds));
const cpuFloor = median(samples[0].map((sample) => sample.cpu));
const above = (value, base) => `${value >= base ? '+' : ''}${milliseconds(value - base)}`;
console.log(
  table(
    ['command', 'median', 'vs node -e 0', 'above node -e 0', 'CPU (vs node, above)', 'peak RSS', 'goal'],
    startupCases.map((testCase, index) => {
      const time = median(samples[index].map((sample) => sample.seconds));
      const cpu = median(samples[index].map((sample) => sample.cpu));
      return [
        index === 0 ? testCase.label : `news-read ${testCase.label}`,
        milliseconds(time),
        `${(time / floor).toFixed(2)}×`,
        index === 0 ? '' : above(time, floor),
        index === 0
          ? milliseconds(cpu)
          : `${milliseconds(cpu)} (${(cpu / cpuFloor).toFixed(2)}×, ${above(cpu, cpuFloor)})`,
        `${median(samples[index].map((sample) => sample.memory)).toFixed(1)} MiB`,
        testCase.goal ?? '',
      ];
    }),
  ),
);
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(
  `\nStart-up: ${runs} interleaved runs each after ${warmups} warm-up rounds; medians. Peak RSS from ${gnuTime ? '/usr/bin/time' : 'process.resourceUsage()'}. Node ${process.version}, ${os.cpus().length} CPUs, load average ${load()}.`,
);

// Large articles: each view, median of `largeRuns` runs at 5 MB and one run at 50 MB.
if (includeLarge) {
  const sizes = [{ label: '5 MB', bytes: 5 * MiB, runs: largeRuns }];
  if (includeHuge) sizes.push({ label: '50 MB', bytes: 50 * MiB, runs: 1 });
  const rows = [];
  for (const size of sizes) {
    const file = join(temporary, `large-${size.bytes}.txt`);
    writeFileSync(file, generateArticle(size.bytes));
    for (const view of largeViews) {
      const args = [bin, file, ...view.flags, '--max-bytes', String(size.bytes * 2)];
      const results = Array.from({ length: size.runs }, () => runOnce(args, { timeout: LARGE_TIMEOUT_MS }));
      const failure = results.find((result) => result.failure);
      const goal = size.bytes === 5 * MiB ? [view.goal, '≤ 150 MiB'].filter(Boolean).join(', ') : 'completes';
      rows.push(
        failure
          ? [`${size.label}: ${view.label}`, failure.failure, '', '', goal]
          : [
              `${size.label}: ${view.label}`,
              `${median(results.map((result) => result.seconds)).toFixed(2)} s`,
              `${median(results.map((result) => result.cpu)).toFixed(2)} s`,
              `${median(results.map((result) => result.memory)).toFixed(0)} MiB`,
              goal,
            ],
      );
      process.stderr.write('.');
    }
  }
  process.stderr.write('\n');
  console.log(`\n${table(['article: view', 'wall time', 'CPU', 'peak RSS', 'goal'], rows)}`);
  console.log(
    `\nLarge articles: 5 MB the median of ${largeRuns} runs, 50 MB one run; --max-bytes lifted; load average ${load()} at the end.`,
  );
}
rmSync(temporary, { recursive: true, force: true });

// generateArticle returns a deterministic, news-like article of about `bytes` bytes:
// a headline, byline, dateline and paragraphs of sentences with quotations.
function generateArticle(bytes) {
  const random = createRandom(0x9e3779b9);
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
    'Officials in Brussels',
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
    'in the coming days',
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
  const parts = [
    `---\ntitle: Talks resume as pressure grows for a truce\n---\nJane Doe\nForeign Correspondent\nBEIRUT // ${sentence()}\n`,
  ];
  let length = parts[0].length;
  while (length < bytes) {
    const count = 1 + Math.floor(random() * 5);
    const paragraph = `${Array.from({ length: count }, sentence).join(' ')}\n`;
    parts.push(paragraph);
    length += paragraph.length;
  }
  return parts.join('');
}
