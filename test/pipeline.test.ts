import { describe, expect, test } from 'vitest';
import { runCli } from './helpers.js';

// The pipeline end to end: every input kind to every renderer, at sizes and in layouts that broke it before.

describe('articles of many paragraphs', () => {
  // 130 000 paragraphs: each renderer once spread them all into push() and overflowed the stack.
  const paragraphs = Array.from({ length: 130_000 }, (_, index) => `Paragraph ${index} went on.`);
  const article = `Big story\n\n${paragraphs.join('\n\n')}\n`;

  test.each([['--plain'], ['--plain', '--width', '60'], ['--color', 'always'], ['--json']])(
    'render every paragraph with %s',
    async (...flags) => {
      const { code, stdout, stderr } = await runCli(['-', ...flags], { stdin: article });
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toContain('Paragraph 129999 went on.');
    },
    30_000,
  );
});
