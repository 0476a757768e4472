#!/usr/bin/env node
// npm run bench:html: start-up time and peak memory of news-read on web pages, a
// 200 KB page and a 5 MB page, as ratios to and milliseconds above `node -e 0`
// timed in the same run. Commands run interleaved (one run of each per round) so
// load from other processes falls on all of them alike; medians are reported.
// Usage: node test/bench/html.mjs [--runs N] [--bin PATH] [--before PATH] [--write DIR]
// --before PATH adds the same pages read by another build's bin (say, a checkout of
// the commit before a change), interleaved in the same rounds, for a fair before/after;
// --write DIR saves the generated pages, for profiling with node --cpu-prof.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from './random.mjs';

const argv = process.argv.slice(2);
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const runs = Number(option('--runs')) || 10;
const warmups = 2;
const bin = option('--bin') ?? fileURLToPath(new URL('../../bin/news-read.js', import.meta.url));
const MiB = 1024 * 1024;
const SMALL_PAGE_BYTES = 200 * 1024;
const LARGE_PAGE_BYTES = 5 * MiB;

const temporary = mkdtempSync(join(tmpdir(), 'news-read-bench-html-'));
const smallPage = join(temporary, 'page-200k.html');
const largePage = join(temporary, 'page-5m.html');
writeFileSync(smallPage, generatePage(SMALL_PAGE_BYTES));
writeFileSync(largePage, generatePage(LARGE_PAGE_BYTES));
const keep = option('--write');
if (keep) {
  mkdirSync(keep, { recursive: true });
  writeFileSync(join(keep, 'page-200k.html'), readFileSync(smallPage));
  writeFileSync(join(keep, 'page-5m.html'), readFileSync(largePage));
}

const cases = [
  { label: 'node -e 0', args: ['-e', '0'] },
  { label: '200 KB page --plain', args: [bin, smallPage, '--plain'], goal: '≤ 2.5×' },
  { label: '5 MB page --plain', args: [bin, largePage, '--plain'], goal: '≤ 1.5 s, ≤ 250 MiB' },
];
const before = option('--before');
if (before) {
  cases.push(
    { label: 'before: 200 KB page --plain', args: [before, smallPage, '--plain'] },
    { label: 'before: 5 MB page --plain', args: [before, largePage, '--plain'] },
  );
}

// Peak RSS and CPU from GNU time when it is installed, else from a preloaded hook.
const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
const hook = join(temporary, 'usage-hook.cjs');
// The hook's source is this function's text: it runs in the measured CommonJS process, where require exists.
function reportUsage() {
  const usage = process.resourceUsage();
  require('node:fs').writeSync(
    2,
    `\nmeasured:${usage.maxRSS}:${usage.userCPUTime / 1e6}:${usage.systemCPUTime / 1e6}\n`,
  );
}
writeFileSync(hook, `process.on('exit', ${String(reportUsage)});\n`);
const environment = { ...process.env };
delete environment.NO_COLOR;
delete environment.FORCE_COLOR;

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
const ms = (seconds) => `${(seconds * 1000).toFixed(0)} ms`;
const floor = median(column(0, 'seconds'));
const floorCpu = median(column(0, 'cpu'));
const rows = cases.map((testCase, index) => {
  const times = column(index, 'seconds');
  const wall = median(times);
  const cpu = median(column(index, 'cpu'));
  return [
    testCase.label,
    ms(wall),
    `${(Math.min(...times) * 1000).toFixed(0)}–${ms(Math.max(...times))}`,
    `${(wall / floor).toFixed(2)}×`,
    index === 0 ? '' : `+${ms(wall - floor)}`,
    `${ms(cpu)} (${(cpu / floorCpu).toFixed(2)}×)`,
    `${median(column(index, 'memory')).toFixed(1)} MiB`,
    testCase.goal ?? '',
  ];
});
const header = ['command', 'median', 'min–max', 'vs node -e 0', 'above node -e 0', 'CPU user+sys', 'peak RSS', 'goal'];
console.log([header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n'));
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(
  `\n${runs} interleaved runs each after ${warmups} warm-up rounds; medians. Pages: ${SMALL_PAGE_BYTES} and ${LARGE_PAGE_BYTES} bytes, generated. CPU and peak RSS from ${gnuTime ? '/usr/bin/time' : 'process.resourceUsage()'}. Node ${process.version}, ${os.cpus().length} CPUs, load average ${load} at the end.`,
);

// generatePage returns a deterministic news page of about `bytes` bytes, shaped like a
// saved page from a news site: a head heavy with inline styles, scripts and JSON,
// SVG icons, navigation, the article, a related-links rail, comments and a footer.
// A third of the bytes are markup no reader shows (scripts, styles, SVG), as on real pages.
function generatePage(bytes) {
  const random = createRandom(0x2545f491);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const subjects = ['The council', 'Harbour workers', 'The ferry operator', 'Residents', 'The county engineer'];
  const verbs = ['approved', 'questioned', 'delayed', 'welcomed', 'costed', 'rejected'];
  const objects = [
    'the new sea wall',
    'a dredging plan',
    'the night ferry',
    'a flood barrier',
    'the fish market lease',
  ];
  const tails = ['on Tuesday', 'after a long meeting', 'for the second time', 'without a vote', 'despite objections'];
  const sentence = () => {
    if (random() < 0.2)
      return `“${pick(subjects)} ${pick(verbs)} ${pick(objects)},” said ${pick(['Ana Ruiz', 'Tom Hale', 'the harbourmaster'])}.`;
    return `${pick(subjects)} ${pick(verbs)} ${pick(objects)} ${pick(tails)}.`;
  };
  const paragraph = () => `<p>${Array.from({ length: 2 + Math.floor(random() * 4) }, sentence).join(' ')}</p>\n`;
  const script = () =>
    `<script>window.__data=${JSON.stringify({
      id: Math.floor(random() * 1e9),
      items: Array.from({ length: 40 }, (_, i) => ({
        i,
        slot: `ad-${i}`,
        sizes: [
          [300, 250],
          [728, 90],
        ],
      })),
    })};(function(){var a=document.querySelectorAll('.slot');for(var i=0;i<a.length;i++){a[i].dataset.ready='1'}})();</script>\n`;
  const style = () =>
    `<style>${Array.from({ length: 60 }, (_, i) => `.c${Math.floor(random() * 1e6)}-${i}{margin:0 ${i}px;padding:${i % 7}px;color:#${(i * 4099).toString(16).padStart(6, '0').slice(0, 6)}}`).join('')}</style>\n`;
  const icon = () =>
    `<svg viewBox="0 0 24 24" width="24" height="24"><path d="${Array.from({ length: 30 }, () => `M${Math.floor(random() * 24)} ${Math.floor(random() * 24)}L${Math.floor(random() * 24)} ${Math.floor(random() * 24)}`).join('')}"/></svg>`;
  const nav = `<nav><ul>${Array.from({ length: 30 }, (_, i) => `<li><a href="/section/${i}">${icon()}Section ${i}</a></li>`).join('')}</ul></nav>\n`;
  const comment = () =>
    `<li class="comment"><span class="user">reader${Math.floor(random() * 1000)}</span><p>${sentence()} ${sentence()}</p><button>Reply</button></li>\n`;
  const head = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour plan moves ahead | The Estuary Post</title><meta property="og:site_name" content="The Estuary Post"><meta property="article:published_time" content="2026-04-02T09:00:00Z">${style()}${style()}${script()}${script()}</head><body>${nav}<main><article><h1>Harbour plan moves ahead</h1><p class="byline">By Ana Ruiz</p>\n`;
  let body = '';
  let rail = '';
  let comments = '';
  const tail = () =>
    `</article><aside>${rail}</aside><section class="comments"><ol>${comments}</ol></section></main>${script()}<footer>${nav}</footer></body></html>\n`;
  while (head.length + body.length + rail.length + comments.length + 4000 < bytes) {
    const roll = random();
    if (roll < 0.5) body += paragraph();
    else if (roll < 0.62) body += script();
    else if (roll < 0.7) body += style();
    else if (roll < 0.8) body += `<figure>${icon()}${icon()}<figcaption>${sentence()}</figcaption></figure>\n`;
    else if (roll < 0.9) rail += `<a href="/story/${Math.floor(random() * 1e6)}">${sentence()}</a>\n`;
    else comments += comment();
  }
  return head + body + tail();
}
