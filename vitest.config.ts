// Two tiers, chosen by file name so that no test file has to move:
//   unit  in-process tests of src/; need no build          npm run test:unit
//   e2e   spawn bin/news-read.js and read dist/             npm run test:e2e (builds first)
// `npm test` builds, type-checks and runs both.
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const endToEnd = ['test/bin.test.ts', 'test/bundle.test.ts', 'test/hostile.test.ts', 'test/**/*.e2e.test.ts'];

export default defineConfig({
  test: {
    // vitest leaves one core free by default, which on a 2-core machine runs the files one by one;
    // many tests wait on a spawned bin, so a worker per core keeps both busy.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      { test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: endToEnd } },
      { test: { name: 'e2e', include: endToEnd } },
    ],
  },
});
