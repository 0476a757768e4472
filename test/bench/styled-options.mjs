#!/usr/bin/env node
// The measurement behind the styled renderer's design (docs/architecture.md):
// option (a), marked tokens built from the view and rendered by marked-terminal's
// renderer, against option (b), render/styled.ts laying the view out with chalk.
// Each run is a fresh process: import time is what start-up pays, render time
// what a long article pays. Needs `npm run build` (it reads dist/).
// Usage: node test/bench/styled-options.mjs [ARTICLE] [--runs N]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const runs = Number(argv.includes('--runs') ? argv[argv.indexOf('--runs') + 1] : 5) || 5;
const article =
  argv.find((argument, index) => !argument.startsWith('--') && argv[index - 1] !== '--runs') ??
  fileURLToPath(new URL('../../articles/syria-talks-lausanne.txt', import.meta.url));
const dist = new URL('../../dist/', import.meta.url).href;

const prelude = `
import { readFileSync } from 'node:fs';
const { parseArticle } = await import('${dist}parse.js');
const { fullView } = await import('${dist}views/full.js');
const article = parseArticle(readFileSync(${JSON.stringify(article)}, 'utf8'));
const view = fullView(article, { quotations: true });
const report = (importMs, renderMs, output) => console.log(JSON.stringify({ importMs, renderMs, bytes: output.length, rssMiB: process.memoryUsage().rss / 2 ** 20 }));
`;
const options = {
  a: `${prelude}
const started = performance.now();
const { Marked } = await import('marked');
const { markedTerminal } = await import('marked-terminal');
const { Chalk } = await import('chalk');
const imported = performance.now();
const chalk = new Chalk({ level: 1 });
const marked = new Marked({ gfm: false });
marked.use(markedTerminal({ width: 80, reflowText: true, showSectionPrefix: false, paragraph: (text) => text, em: chalk.italic.magenta }));
// Tokens straight from the view: no lexing; quotations become em tokens.
const tokens = view.paragraphs.map((text, index) => {
  const inline = [];
  let at = 0;
  for (const span of view.quotations[index]) {
    if (span.start > at) inline.push({ type: 'text', raw: text.slice(at, span.start), text: text.slice(at, span.start), escaped: true });
    const quoted = text.slice(span.start, span.end);
    inline.push({ type: 'em', raw: quoted, text: quoted, tokens: [{ type: 'text', raw: quoted, text: quoted, escaped: true }] });
    at = span.end;
  }
  if (at < text.length) inline.push({ type: 'text', raw: text.slice(at), text: text.slice(at), escaped: true });
  return { type: 'paragraph', raw: text, text, tokens: inline };
});
const output = marked.parser(tokens);
report(imported - started, performance.now() - imported, output);
`,
  b: `${prelude}
const started = performance.now();
const { Chalk } = await import('chalk');
const { renderStyled } = await import('${dist}render/styled.js');
const imported = performance.now();
const output = renderStyled(view, { chalk: new Chalk({ level: 1 }), width: 80 });
report(imported - started, performance.now() - imported, output);
`,
};

const median = (values) => [...values].sort((x, y) => x - y)[values.length >> 1];
const results = { a: [], b: [] };
for (let run = 0; run < runs; run++) {
  for (const name of ['a', 'b']) {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', options[name]], {
      encoding: 'utf8',
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
      maxBuffer: 1024 ** 3,
    });
    if (child.status !== 0) throw new Error(child.stderr);
    results[name].push(JSON.parse(child.stdout));
  }
}
console.log(`| option | import | render | peak RSS |\n| --- | --- | --- | --- |`);
for (const [name, label] of [
  ['a', '(a) marked tokens → marked-terminal'],
  ['b', '(b) chalk from the view'],
]) {
  const samples = results[name];
  console.log(
    `| ${label} | ${median(samples.map((s) => s.importMs)).toFixed(1)} ms | ${median(samples.map((s) => s.renderMs)).toFixed(0)} ms | ${median(samples.map((s) => s.rssMiB)).toFixed(0)} MiB |`,
  );
}
console.log(`\n${runs} runs each, medians; article ${article}.`);
