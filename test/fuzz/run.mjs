// `npm run fuzz`: the hostile-input properties of test/fuzz/properties.ts over
// more than 100 000 cases, split across worker processes, then the time the
// built bin takes on the big inputs of issue 6. Prints the case count and every
// failure with its seed; exits 1 if any property failed.
//
//   node test/fuzz/run.mjs [--scale 0.1] [--seed N] [--workers N] [--no-bench]
import { fork, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bundle = join(root, 'node_modules/.cache/news-read-fuzz/properties.mjs');

// Cases per property; the byte decoder is cheap, the other two render every view four ways.
const CASES = { 'any string': 35_000, 'article-shaped text': 40_000, 'any bytes decode or are refused': 25_000 };
const BATCH = 2_500;

const options = parseOptions(process.argv.slice(2));
if (options.worker) await runWorker();
else await runParent();

function parseOptions(args) {
  const value = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  return {
    worker: args.includes('--worker'),
    scale: value('--scale', 1),
    seed: value('--seed', 20_261_125),
    workers: value('--workers', Math.max(1, Math.min(4, availableParallelism()))),
    bench: !args.includes('--no-bench'),
  };
}

async function runParent() {
  // The properties import src/ as TypeScript; esbuild (a dev dependency) makes one ESM file of them.
  const { build } = await import('esbuild');
  mkdirSync(join(root, 'node_modules/.cache/news-read-fuzz'), { recursive: true });
  await build({
    entryPoints: [join(root, 'test/fuzz/properties.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: bundle,
    logLevel: 'warning',
  });

  const batches = [];
  for (const [name, cases] of Object.entries(CASES)) {
    const total = Math.max(1, Math.round(cases * options.scale));
    for (let start = 0; start < total; start += BATCH) {
      batches.push({ name, numRuns: Math.min(BATCH, total - start), seed: options.seed + batches.length });
    }
  }
  console.log(
    `fuzz: ${batches.reduce((sum, batch) => sum + batch.numRuns, 0)} cases in ${batches.length} batches, ${options.workers} workers, seed ${options.seed}`,
  );

  const started = performance.now();
  const results = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: options.workers }, async () => {
      while (next < batches.length) {
        const batch = batches[next++];
        const result = await runBatch(batch);
        results.push(result);
        const status = result.failed ? `FAILED after ${result.numRuns}` : 'ok';
        console.log(
          `  ${batch.name.padEnd(32)} seed ${batch.seed}  ${String(result.numRuns).padStart(5)} cases  ${status}  (${results.length}/${batches.length})`,
        );
      }
    }),
  );

  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const failures = results.filter((result) => result.failed);
  console.log('');
  for (const name of Object.keys(CASES)) {
    const mine = results.filter((result) => result.name === name);
    const cases = mine.reduce((sum, result) => sum + result.numRuns, 0);
    console.log(
      `${name.padEnd(32)} ${String(cases).padStart(7)} cases  ${mine.filter((result) => result.failed).length} failed batches`,
    );
  }
  const total = results.reduce((sum, result) => sum + result.numRuns, 0);
  console.log(`total: ${total} cases in ${seconds} s, ${failures.length} failures`);
  for (const failure of failures) {
    console.log(`\nFAILURE in "${failure.name}" (seed ${failure.seed}, path ${failure.path}):`);
    console.log(`  error: ${failure.error}`);
    console.log(`  counterexample: ${failure.counterexample}`);
    console.log(`  replay: fc.assert(property, { seed: ${failure.seed}, path: ${JSON.stringify(failure.path)} })`);
  }

  if (options.bench) bench();
  process.exitCode = failures.length > 0 ? 1 : 0;
}

function runBatch(batch) {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--worker'], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('message', (message) => {
      resolve({ ...batch, ...message });
      child.disconnect();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0)
        resolve({
          ...batch,
          numRuns: 0,
          failed: true,
          error: `worker exited with ${code}`,
          counterexample: '',
          path: '',
        });
    });
    child.send(batch);
  });
}

async function runWorker() {
  const [{ default: fc }, { makeProperties }] = await Promise.all([import('fast-check'), import(bundle)]);
  const properties = makeProperties(false);
  process.once('message', (batch) => {
    const details = fc.check(properties[batch.name], { numRuns: batch.numRuns, seed: batch.seed });
    const error =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance ?? '');
    process.send({
      numRuns: details.numRuns,
      failed: details.failed,
      path: details.counterexamplePath ?? '',
      error,
      counterexample: details.counterexample ? fc.stringify(details.counterexample) : '',
    });
  });
}

// The issue's big inputs through the built bin, each view and output: times are printed, not judged.
function bench() {
  const scratch = mkdtempSync(join(tmpdir(), 'news-read-bench-'));
  const bin = join(root, 'bin/news-read.js');
  const inputs = {
    '2 MB paragraph, no punctuation': Array.from(
      { length: 350_000 },
      (_, index) => ['alpha', 'beta', 'gamma', 'word'][index % 4],
    ).join(' '),
    '1 MB line of " marks': '"'.repeat(1024 * 1024),
    '1 MB line of curly quotes': '“”‘’'.repeat(90_000),
    '10 000 tiny paragraphs': Array.from({ length: 10_000 }, (_, index) => `Item ${index} is short.`).join('\n\n'),
    '200 000 full stops': `Start ${'.'.repeat(200_000)} end`,
    'Markdown, 100 000 unclosed ** __ [': `# Title\n\n${'**a __b [c '.repeat(100_000)}`,
  };
  console.log('\nbench: wall time of the built bin (start-up included)');
  try {
    for (const [name, text] of Object.entries(inputs)) {
      const path = join(scratch, 'input.txt');
      writeFileSync(path, `${text}\n`);
      const times = [];
      for (const view of ['--full', '--summary', '--quotes']) {
        for (const output of [['--plain'], ['--json'], ['--color', 'always']]) {
          const started = performance.now();
          const result = spawnSync(process.execPath, [bin, path, view, ...output], {
            stdio: ['ignore', 'ignore', 'pipe'],
            timeout: 120_000,
          });
          const milliseconds = Math.round(performance.now() - started);
          const failure = `exit ${result.status ?? result.signal} (${String(result.stderr).split('\n')[0]})`;
          times.push(`${view.slice(2)} ${output.at(-1)} ${result.status === 0 ? `${milliseconds} ms` : failure}`);
        }
      }
      console.log(`  ${name}: ${times.join(', ')}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
