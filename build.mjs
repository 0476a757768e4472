// build.mjs: the steps after `tsc -p .` that make what the package ships.
// Run with `npm run build`; each step below is one function, in order.
import { writeFileSync } from 'node:fs';

const dist = new URL('dist/', import.meta.url);

await writeManPage();

// dist/news-read.1, from the same commander program that prints --help (src/manpage.ts).
async function writeManPage() {
  const { createProgram } = await import('./dist/cli.js');
  const { renderManPage } = await import('./dist/manpage.js');
  writeFileSync(new URL('news-read.1', dist), renderManPage(createProgram()));
}
