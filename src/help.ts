// The parts of the documentation that are not options: --help prints them and
// the man page is generated from them, so the two cannot drift apart.

import type { Command, Help } from 'commander';
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
  {
    term: 'COLUMNS',
    text: 'the width for styled output when neither stdout nor stderr is a terminal (e.g. --color always into a pipe)',
  },
  { term: 'DEBUG', text: 'if it contains "news-read", print the stack trace of an internal error' },
];

/** Exit codes, as in the project's contract. */
export const EXIT_STATUS: readonly HelpEntry[] = [
  { term: '0', text: 'success, --help, --version; also when the reader of a pipe or the pager stops early' },
  { term: '1', text: 'bad input: unknown slug, unreadable file, empty input, no paragraphs' },
  { term: '2', text: 'bad usage: unknown option, two views at once, a bad number' },
];

const HELP_WIDTH = 80;
// Narrower help than this cannot be laid out; the terminal wraps it as it can.
const MIN_HELP_WIDTH = 40;
// Below this many columns beside the terms, a description goes under its term instead.
const MIN_DESCRIPTION_WIDTH = 30;
const ITEM_INDENT = 2;
const STACKED_INDENT = 6;

/**
 * helpLayout returns commander help settings for a terminal of `columns`
 * (undefined when stdout is not one: 80): every description wrapped to the
 * width, and under its term when the column beside the terms would be too narrow.
 */
export function helpLayout(columns: number | undefined): Partial<Help> {
  const width = columns ? Math.max(MIN_HELP_WIDTH, columns) : HELP_WIDTH;
  return {
    helpWidth: width,
    // Commander leaves text unwrapped below 40 columns for the description; wrap it at any width.
    minWidthToWrap: 1,
    formatItem(term: string, termWidth: number, description: string, helper: Help): string {
      if (!description || width - ITEM_INDENT * 2 - termWidth >= MIN_DESCRIPTION_WIDTH) {
        return helper.constructor.prototype.formatItem.call(helper, term, termWidth, description, helper);
      }
      return formatStacked(term, description, width);
    },
  };
}

// A term on its own line (an example command wider than the screen breaks at a space) and its text under it, indented.
function formatStacked(term: string, text: string, width: number): string {
  const terms = wrapText(term, width - STACKED_INDENT).map(
    (line, index) => `${' '.repeat(index === 0 ? ITEM_INDENT : STACKED_INDENT)}${line}`,
  );
  const lines = wrapText(text, width - STACKED_INDENT).map((line) => `${' '.repeat(STACKED_INDENT)}${line}`);
  return [...terms, ...lines].join('\n');
}

/** formatHelpSections returns the text --help prints after the options, wrapped to the help's width. */
export function formatHelpSections(context?: { command?: Command }): string {
  const width = context?.command?.createHelp().helpWidth ?? HELP_WIDTH;
  return [
    formatSection('Commands:', COMMANDS, width),
    formatSection('Examples:', EXAMPLES, width),
    formatSection('Environment:', ENVIRONMENT, width),
    formatSection('Exit status:', EXIT_STATUS, width),
  ].join('');
}

// Terms in a column, texts beside them wrapped with a hanging indent, as commander lays out options;
// texts under their terms when the column beside them would be too narrow.
function formatSection(heading: string, entries: readonly HelpEntry[], width: number): string {
  let termWidth = 0;
  for (const entry of entries) termWidth = Math.max(termWidth, entry.term.length + 2);
  const textWidth = width - ITEM_INDENT - termWidth;
  const lines = entries.map((entry) => {
    if (textWidth < MIN_DESCRIPTION_WIDTH) return formatStacked(entry.term, entry.text, width);
    const [first = '', ...rest] = wrapText(entry.text, textWidth);
    return [
      `${' '.repeat(ITEM_INDENT)}${entry.term.padEnd(termWidth)}${first}`,
      ...rest.map((line) => `${' '.repeat(ITEM_INDENT + termWidth)}${line}`),
    ].join('\n');
  });
  return `\n${heading}\n${lines.join('\n')}\n`;
}
