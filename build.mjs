// build.mjs: makes what the package ships, with esbuild alone (tsc only type-checks).
// Run it with `npm run build`; the steps are at the bottom, in order.
//
// dist/news-read.1                     the man page
// dist/THIRD-PARTY-NOTICES             the licence of every package a bundle contains
// dist/news-read.bundle.cjs            src/cli.ts, the plain and JSON pipeline, commander
// dist/news-read-<chunk>.bundle.cjs    one per import() in src/, loaded only when it runs:
//                                      "styled" is chalk + render/styled.ts;
//                                      "html" is linkedom + readability
// dist/*.bundle.cjs.<hash>.v8cache     V8 code caches, made here by running the bundles
//
// Each bundle is one function expression, `(function (exports, require, module,
// __filename, __dirname, importMetaUrl, loadChunk) { … })`, that bin/news-read.js
// compiles with vm.Script, because that is how Node 20 lets a program use a V8 code
// cache. Its first line names a hash of the rest, which keys its caches (V8 itself
// only checks that the source length matches). A chunk takes the src/ modules that
// the main bundle already has from it, so there is one NewsReadError class, not two.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('./', import.meta.url));
const dist = `${root}dist/`;
const HEADER = '// news-read bundle ';
const WRAPPER_PARAMETERS = 'exports, require, module, __filename, __dirname, importMetaUrl, loadChunk';

// Two stand-ins in src/stubs/, chosen by who imports: commander requires node:child_process
// at start-up only for executable subcommands; chalk's #supports-color probes the terminal.
// test/bundle.test.ts proves the bundled output equal to the unbundled code's.
const importerStandIns = {
  name: 'importer-stand-ins',
  setup(builder) {
    builder.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes('/node_modules/commander/') ? { path: `${root}src/stubs/child-process.ts` } : undefined,
    );
    builder.onResolve({ filter: /^#supports-color$/ }, (args) =>
      args.importer.includes('/node_modules/chalk/') ? { path: `${root}src/stubs/supports-color.ts` } : undefined,
    );
  },
};

// cli.ts imports chalk and render/styled.js together, for styled output only: one chunk.
const STYLED = {
  name: 'styled',
  contents: "export { Chalk } from 'chalk';\nexport * from './src/render/styled.ts';\n",
};

/** bundleFile returns the file name of a chunk's bundle in dist/. */
function bundleFile(chunk) {
  return chunk === 'main' ? 'news-read.bundle.cjs' : `news-read-${chunk}.bundle.cjs`;
}

// Every import() of a src/ module (or of chalk) becomes a call to loadChunk, and,
// in a chunk, every static import of a module the main bundle has becomes a read
// of the main bundle's `shared` table. `found` collects the chunks to build.
function chunkingPlugin({ mainModules, found }) {
  return {
    name: 'news-read-chunks',
    setup(builder) {
      builder.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === 'inner' || args.namespace === 'chunk') return undefined;
        if (args.kind === 'dynamic-import' && (args.path === 'chalk' || /render\/styled\.js$/.test(args.path))) {
          found.set(STYLED.name, STYLED);
          return { path: STYLED.name, namespace: 'chunk' };
        }
        if (args.kind !== 'dynamic-import' && !mainModules) return undefined;
        if (!args.path.startsWith('.')) return undefined;
        const resolved = await builder.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          pluginData: 'inner',
        });
        const module = relative(root, resolved.path);
        if (mainModules?.has(module)) return { path: `shared:${module}`, namespace: 'chunk' };
        if (args.kind !== 'dynamic-import') return undefined;
        const name = module
          .replace(/^src\//, '')
          .replace(/\.ts$/, '')
          .replaceAll('/', '-');
        found.set(name, { name, contents: `export * from './${module}';\n` });
        return { path: name, namespace: 'chunk' };
      });
      builder.onLoad({ filter: /.*/, namespace: 'chunk' }, (args) => ({
        contents: args.path.startsWith('shared:')
          ? `module.exports = loadChunk('main').shared[${JSON.stringify(args.path.slice('shared:'.length))}];`
          : `module.exports = loadChunk(${JSON.stringify(args.path)});`,
        loader: 'js',
      }));
    },
  };
}

// Bundles `contents` (an entry module, resolved from the package root) into a wrapped script.
async function bundle(contents, plugin) {
  const result = await build({
    stdin: { contents, resolveDir: root, sourcefile: 'entry.ts', loader: 'ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    metafile: true,
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    // A script has no import.meta; bin passes each bundle its file URL.
    define: { 'import.meta.url': 'importMetaUrl' },
    plugins: [importerStandIns, plugin],
  });
  const body = `(function (${WRAPPER_PARAMETERS}) {\n${result.outputFiles[0].text}\n})`;
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  const inputs = Object.keys(result.metafile.inputs);
  for (const input of inputs) bundledInputs.add(input);
  return { code: `${HEADER}${hash}\n${body}`, inputs };
}

// Every file any bundle contains, for the notices.
const bundledInputs = new Set();

// dist/news-read.1, from the same commander program that prints --help (src/manpage.ts).
// The two modules are bundled to a scratch ES module (commander left as an import);
// import.meta.url is src/'s, so the version is read from package.json as in the tests.
async function writeManPage() {
  const scratch = `${root}node_modules/.cache/news-read-build/`;
  mkdirSync(scratch, { recursive: true });
  await build({
    stdin: {
      contents: "export { createProgram } from './src/cli.ts';\nexport { renderManPage } from './src/manpage.ts';\n",
      resolveDir: root,
      sourcefile: 'manpage-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: `${scratch}manpage-${process.pid}.mjs`,
    logLevel: 'warning',
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(`${root}src/cli.ts`).href) },
  });
  // One file per build, so two builds at once (tests build checkouts) never share it.
  const module = `${scratch}manpage-${process.pid}.mjs`;
  try {
    const { createProgram, renderManPage } = await import(pathToFileURL(module).href);
    writeFileSync(`${dist}news-read.1`, renderManPage(createProgram()));
  } finally {
    rmSync(module, { force: true });
  }
}

// dist/THIRD-PARTY-NOTICES: each package in node_modules that a bundle took code
// from, with its version, licence and the licence file it ships.
function writeNotices() {
  const packageDirectories = new Set();
  for (const input of bundledInputs) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packageDirectories.add(match[1]);
  }
  const sections = [...packageDirectories].sort().map((directory) => {
    const manifest = JSON.parse(readFileSync(`${root}${directory}/package.json`, 'utf8'));
    const licenceFile = readdirSync(`${root}${directory}`).find((name) => /^(licen[cs]e|copying)/i.test(name));
    const text = licenceFile
      ? readFileSync(`${root}${directory}/${licenceFile}`, 'utf8').trim()
      : `(the package ships no licence file; package.json says "${manifest.license}")`;
    return [`${manifest.name} ${manifest.version} (${manifest.license})`, manifest.homepage ?? '', '', text].join('\n');
  });
  const heading = [
    'news-read bundles code from these packages into dist/*.bundle.cjs. Their licences follow.',
    `${sections.length} packages.`,
  ].join('\n');
  writeFileSync(`${dist}THIRD-PARTY-NOTICES`, `${[heading, ...sections].join(`\n\n${'-'.repeat(72)}\n\n`)}\n`);
}

function removeOldBundles() {
  for (const name of readdirSync(dist)) {
    if (/\.bundle\.cjs(\.[0-9a-f]+\.v8cache)?$/.test(name)) rmSync(dist + name);
  }
}

// The main bundle exports cli.ts and, as `shared`, every src/ module in it, for the chunks.
async function writeMainBundle(found) {
  const { inputs } = await bundle("export * from './src/cli.ts';\n", chunkingPlugin({ found: new Map() }));
  const modules = inputs.filter((input) => input.startsWith('src/'));
  const entry = [
    "export * from './src/cli.ts';",
    ...modules.map((module, index) => `import * as m${index} from './${module}';`),
    `export const shared = { ${modules.map((module, index) => `${JSON.stringify(module)}: m${index}`).join(', ')} };`,
  ].join('\n');
  const { code } = await bundle(entry, chunkingPlugin({ found }));
  writeFileSync(dist + bundleFile('main'), code);
  return new Set(modules);
}

// Chunks can import() further chunks (fetch.ts loads html.ts), so build until none is new.
async function writeChunkBundles(mainModules, found) {
  const built = new Set();
  for (
    let pending = [...found.values()];
    pending.length > 0;
    pending = [...found.values()].filter(({ name }) => !built.has(name))
  ) {
    for (const chunk of pending) {
      const { code } = await bundle(chunk.contents, chunkingPlugin({ mainModules, found }));
      writeFileSync(dist + bundleFile(chunk.name), code);
      built.add(chunk.name);
    }
  }
  return [...built];
}

// Runs the main bundle in every view, as bin does, then loads every chunk, so each
// cache holds the bytecode of the functions a run needs, not only the top level.
async function writeCodeCaches(chunks) {
  const scripts = new Map();
  const loadChunk = (chunk) => {
    if (scripts.has(chunk)) return scripts.get(chunk).module.exports;
    const filename = dist + bundleFile(chunk);
    const source = readFileSync(filename, 'utf8');
    const script = new Script(source, { filename });
    const module = { exports: {} };
    scripts.set(chunk, { script, module, hash: source.slice(HEADER.length, source.indexOf('\n')), filename });
    script.runInThisContext()(
      module.exports,
      createRequire(filename),
      module,
      filename,
      dist,
      `file://${filename}`,
      loadChunk,
    );
    return module.exports;
  };
  const { main } = loadChunk('main');
  const views = [
    ['--plain'],
    ['--summary', '--plain'],
    ['--quotes', '--plain'],
    ['--json'],
    ['--list'],
    ['--color', 'always'],
    ['--summary', '--color', 'always'],
    ['--quotes', '--color', 'always'],
  ];
  for (const argv of views) {
    const io = fakeIo();
    const status = await main(argv, io);
    // Only the cache is at stake here; the tests say whether the view works.
    if (status !== 0)
      console.warn(
        `build.mjs: news-read ${argv.join(' ')} exited ${status} while warming the code cache: ${io.stderr.text}`,
      );
  }
  for (const chunk of chunks) loadChunk(chunk);
  for (const { script, hash, filename } of scripts.values())
    writeFileSync(`${filename}.${hash}.v8cache`, script.createCachedData());
}

// Stands in for process: real streams, output collected, nothing a terminal.
function fakeIo() {
  const sink = () => {
    const stream = new Writable({
      write(chunk, _encoding, callback) {
        stream.text += chunk;
        callback();
      },
    });
    stream.text = '';
    return stream;
  };
  return { stdin: Readable.from([]), stdout: sink(), stderr: sink(), env: {} };
}

mkdirSync(dist, { recursive: true });
await writeManPage();
removeOldBundles();
const found = new Map();
const mainModules = await writeMainBundle(found);
const chunks = await writeChunkBundles(mainModules, found);
writeNotices();
await writeCodeCaches(chunks);
