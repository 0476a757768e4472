#!/usr/bin/env node
// Runs the bundles that build.mjs makes, compiled through vm.Script so that V8
// can start from a code cache (Node 20 has no compile cache for modules). The
// cache made at build time sits next to the bundle; if it is missing or V8
// rejects it (another Node version, other flags), one is made in the user's
// cache directory after the run. A failed cache read or write is never an error.
// This file is CommonJS (bin/package.json says so): an ES module entry costs
// Node 20 its module loader and a facade per built-in, ~15% of a bare start-up.
'use strict';
const { existsSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } =
  require('node:fs');
const { createRequire } = require('node:module');
const { isAbsolute, join, resolve } = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script } = require('node:vm');

const dist = `${resolve(__dirname, '../dist')}/`;
const loaded = new Map();
const uncached = [];

const bundle = loadMainBundle();
bundle?.main(process.argv.slice(2), process).then((status) => {
  process.exitCode = status;
  for (const write of uncached) write();
});

// A fresh checkout has no dist/ until something builds it; rather than a lifecycle
// script on every install, the first run in a checkout (build.mjs is never packed)
// builds, silently, and goes on. An installed package always has its bundles.
function loadMainBundle() {
  try {
    return loadChunk('main');
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    const buildScript = resolve(__dirname, '../build.mjs');
    if (existsSync(buildScript)) {
      // Required here, not at the top: loading child_process costs every run a few milliseconds.
      const { spawnSync } = require('node:child_process');
      const built = spawnSync(process.execPath, [buildScript], { stdio: ['ignore', 'ignore', 'pipe'] });
      if (built.status === 0) return loadChunk('main');
      // One line, as for any error; the build's own output with DEBUG=news-read.
      if (process.env.DEBUG?.includes('news-read')) process.stderr.write(built.stderr);
      process.stderr.write('news-read: building dist/ failed; run npm install, then npm run build\n');
    } else {
      process.stderr.write(`news-read: ${error.path} is missing; reinstall news-read\n`);
    }
    process.exitCode = 1;
    return undefined;
  }
}

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

// The user's cache directory for news-read, or undefined when there is no proper one:
// XDG_CACHE_HOME only when absolute (as the XDG spec says), else the platform's place.
function cacheDirectory() {
  const { XDG_CACHE_HOME, HOME, LOCALAPPDATA } = process.env;
  if (XDG_CACHE_HOME && isAbsolute(XDG_CACHE_HOME)) return join(XDG_CACHE_HOME, 'news-read');
  if (process.platform === 'win32')
    return LOCALAPPDATA && isAbsolute(LOCALAPPDATA) ? join(LOCALAPPDATA, 'news-read', 'Cache') : undefined;
  if (!HOME || !isAbsolute(HOME)) return undefined;
  return process.platform === 'darwin' ? join(HOME, 'Library/Caches/news-read') : join(HOME, '.cache/news-read');
}

// A user cache is named for its bundle's hash and for the Node that made it, so
// two Node versions never take turns rejecting and rewriting each other's cache.
function userCache(name) {
  const directory = cacheDirectory();
  return directory && join(directory, name.replace(/\.v8cache$/, `.node${process.versions.v8}.v8cache`));
}

function readOptional(path) {
  try {
    return path && readFileSync(path);
  } catch {
    return undefined;
  }
}

// Written after the run, so the cache also holds the functions the run compiled;
// renamed into place, so a concurrent run never reads half a file. The temporary
// file is opened before the cache is made, so an unusable directory costs one
// failed open per run and no serialisation. After a write, the bundle's older
// caches (other hashes or Node versions) are removed.
function writeCache(script, path) {
  if (!path) return;
  const directory = path.slice(0, path.lastIndexOf('/'));
  const temporary = `${path}.${process.pid}`;
  let descriptor;
  try {
    mkdirSync(directory, { recursive: true });
    descriptor = openSync(temporary, 'wx');
    writeFileSync(descriptor, script.createCachedData());
    closeSync(descriptor);
    descriptor = undefined;
    renameSync(temporary, path);
    pruneOldCaches(directory, path);
  } catch {
    // A read-only or missing cache directory only costs speed.
    try {
      if (descriptor !== undefined) closeSync(descriptor);
      rmSync(temporary, { force: true });
    } catch {}
  }
}

function pruneOldCaches(directory, current) {
  const bundleFile = current.slice(directory.length + 1).replace(/\.[0-9a-f]+\.node[^/]*\.v8cache$/, '');
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (path !== current && name.startsWith(`${bundleFile}.`) && name.endsWith('.v8cache'))
      rmSync(path, { force: true });
  }
}
