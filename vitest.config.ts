// Two tiers, chosen by file name so that no test file has to move:
//   unit  in-process tests of src/; need no build          npm run test:unit
//   e2e   spawn bin/news-read.js and read dist/             npm run test:e2e (builds first)
// `npm test` builds, type-checks and runs both.
import { defineConfig } from 'vitest/config';

const endToEnd = ['test/bin.test.ts', 'test/bundle.test.ts', 'test/hostile.test.ts', 'test/**/*.e2e.test.ts'];

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: endToEnd } },
      { test: { name: 'e2e', include: endToEnd } },
    ],
  },
});
