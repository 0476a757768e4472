// The parts of the documentation that are not options: --help prints them and
// the man page is generated from them, so the two cannot drift apart.

import { wrapText } from './width.js';

/** One documented item: a term (a command line, a variable, an exit code) and what it means. */
export interface HelpEntry {
  term: string;
  text: string;
}

/** The option groups, in the order --help and the man page show them. */
export const GROUPS = {
  views: 'Views:',
  output: 'Output:',
  input: 'Input:',
  other: 'Other:',
} as const;

/** Commands other than reading an article; `news-read completion` is handled before option parsing. */
export const COMMANDS: readonly HelpEntry[] = [
  {
    term: 'completion bash|zsh|fish',
    text: 'print a shell completion script (a file named "completion" is read as ./completion)',
  },
  { term: 'help', text: 'print this help (a file named "help" is read as ./help)' },
];

/** Examples; the pipe uses come first because they are what plain output is for. */
export const EXAMPLES: readonly HelpEntry[] = [
  { term: 'news-read', text: 'the bundled article, styled' },
  { term: 'news-read --summary --no-header | wc -w', text: "count the summary's words" },
  { term: 'news-read --quotes --no-header | grep Lavrov', text: "find one speaker's quotes" },
  { term: 'news-read --json | jq .article', text: "the article's metadata as JSON" },
  { term: 'curl -s URL | news-read --summary', text: 'summarize a page from a pipe' },
  { term: 'news-read --json a.txt b.txt | jq .article.title', text: 'several articles: a JSON object a line' },
  { term: 'news-read --pager story.txt', text: 'page a long article through less' },
  { term: 'news-read --list --json', text: 'the bundled articles as data' },
];

/** Environment variables news-read reads. */
export const ENVIRONMENT: readonly HelpEntry[] = [
  { term: 'NO_COLOR', text: 'if set and not empty, no colour (--color always still wins)' },
  {
    term: 'FORCE_COLOR',
    text: 'colour even when output is not a terminal; 1, 2 or 3 picks 16, 256 or 16 million colours; 0 turns colour off',
  },
  {
    term: 'FORCE_HYPERLINK',
    text: '1 or 0: show links of web pages as terminal hyperlinks or not, whatever the terminal',
  },
  { term: 'NEWS_READ_PAGER', text: 'the pager for --pager (before PAGER); empty or "cat" means no pager' },
  { term: 'PAGER', text: 'the pager for --pager when NEWS_READ_PAGER is not set (default: "less -R")' },
  { term: 'COLUMNS', text: 'the width for styled output when stdout reports none (e.g. --color always into a pipe)' },
  { term: 'DEBUG', text: 'if it contains "news-read", print the stack trace of an internal error' },
];

/** Exit codes, as in the project's contract. */
export const EXIT_STATUS: readonly HelpEntry[] = [
  { term: '0', text: 'success, --help, --version; also when the reader of a pipe or the pager stops early' },
  { term: '1', text: 'bad input: unknown slug, unreadable file, empty input, no paragraphs' },
  { term: '2', text: 'bad usage: unknown option, two views at once, a bad number' },
];

const HELP_WIDTH = 80;

/** formatHelpSections returns the text --help prints after the options, wrapped to 80 columns. */
export function formatHelpSections(): string {
  return [
    formatSection('Commands:', COMMANDS),
    formatSection('Examples:', EXAMPLES),
    formatSection('Environment:', ENVIRONMENT),
    formatSection('Exit status:', EXIT_STATUS),
  ].join('');
}

// Terms in a column, texts beside them wrapped with a hanging indent, as commander lays out options.
function formatSection(heading: string, entries: readonly HelpEntry[]): string {
  const termWidth = Math.max(...entries.map((entry) => entry.term.length)) + 2;
  const textWidth = Math.max(20, HELP_WIDTH - 2 - termWidth);
  const lines = entries.map((entry) => {
    const [first = '', ...rest] = wrapText(entry.text, textWidth);
    return [
      `  ${entry.term.padEnd(termWidth)}${first}`,
      ...rest.map((line) => `  ${' '.repeat(termWidth)}${line}`),
    ].join('\n');
  });
  return `\n${heading}\n${lines.join('\n')}\n`;
}
