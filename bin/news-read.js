#!/usr/bin/env node
// Runs the bundles that build.mjs makes, compiled through vm.Script so that V8
// can start from a code cache (Node 20 has no compile cache for modules). The
// cache made at build time sits next to the bundle; if it is missing or V8
// rejects it (another Node version, other flags), one is made in the user's
// cache directory after the run. A failed cache read or write is never an error.
// This file is CommonJS (bin/package.json says so): an ES module entry costs
// Node 20 its module loader and a facade per built-in, ~15% of a bare start-up.
'use strict';
const { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { resolve } = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script } = require('node:vm');

const dist = `${resolve(__dirname, '../dist')}/`;
const loaded = new Map();
const uncached = [];

let bundle;
try {
  bundle = loadChunk('main');
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
  // A checkout built with `tsc` alone has no bundle.
  process.stderr.write(`news-read: ${error.path} is missing; run npm run build\n`);
  process.exitCode = 1;
}
bundle?.main(process.argv.slice(2), process).then((status) => {
  process.exitCode = status;
  for (const write of uncached) write();
});

// loadChunk returns the exports of a bundle ("main", or a chunk that main loads on demand), running it once.
function loadChunk(name) {
  if (loaded.has(name)) return loaded.get(name).exports;
  const file = name === 'main' ? 'news-read.bundle.cjs' : `news-read-${name}.bundle.cjs`;
  const filename = dist + file;
  const source = readFileSync(filename, 'utf8');
  // The first line is "// news-read bundle <hash of the rest>"; V8 only checks a cache's source length.
  const cacheName = `${file}.${source.slice(20, source.indexOf('\n'))}.v8cache`;
  let script;
  for (const cachePath of [dist + cacheName, userCache(cacheName)]) {
    const cachedData = readOptional(cachePath);
    if (!cachedData) continue;
    script = new Script(source, { filename, cachedData });
    if (!script.cachedDataRejected) break;
    script = undefined;
  }
  if (!script) {
    script = new Script(source, { filename });
    uncached.push(() => writeCache(script, userCache(cacheName)));
  }
  const module = { exports: {} };
  loaded.set(name, module);
  script.runInThisContext()(
    module.exports,
    createRequire(filename),
    module,
    filename,
    dist,
    pathToFileURL(filename).href,
    loadChunk,
  );
  return module.exports;
}

function userCache(name) {
  const base = process.env.XDG_CACHE_HOME || (process.env.HOME && `${process.env.HOME}/.cache`);
  return base ? `${base}/news-read/${name}` : undefined;
}

function readOptional(path) {
  try {
    return path && readFileSync(path);
  } catch {
    return undefined;
  }
}

// Written after the run, so the cache also holds the functions the run compiled;
// renamed into place, so a concurrent run never reads half a file.
function writeCache(script, path) {
  if (!path) return;
  const temporary = `${path}.${process.pid}`;
  try {
    mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true });
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, path);
  } catch {
    // A read-only or missing cache directory only costs speed.
    try {
      rmSync(temporary, { force: true });
    } catch {}
  }
}
