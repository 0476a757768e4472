// The man page, generated at build time (build.mjs) from the same commander
// program and help tables that --help prints, so the two cannot drift apart.
import type { Command, Option } from 'commander';
import type { HelpEntry } from './help.js';
import { COMMANDS, ENVIRONMENT, EXAMPLES, EXIT_STATUS, GROUPS } from './help.js';

/** roffText returns `text` safe inside a roff line: backslashes, hyphens and a leading dot or quote escaped. */
export function roffText(text: string): string {
  return text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .replace(/^([.'])/, '\\&$1');
}

/** renderManPage returns the roff source of news-read(1) for `program`. */
export function renderManPage(program: Command): string {
  const name = program.name();
  const help = program.createHelp();
  const options = help.visibleOptions(program);
  const groups = new Map<string, Option[]>();
  for (const option of options) {
    const heading = option.helpGroupHeading ?? 'Options:';
    groups.set(heading, [...(groups.get(heading) ?? []), option]);
  }
  const argument = program.registeredArguments[0];
  const optionEntries = (list: readonly Option[]) =>
    list.map((option) => `.TP\n${flagsRoff(option)}\n${roffText(help.optionDescription(option))}`).join('\n');
  const views = groups.get(GROUPS.views) ?? [];
  const otherGroups = [...groups].filter(([heading]) => heading !== GROUPS.views);

  const lines = [
    `.TH ${name.toUpperCase().replace(/-/g, '\\-')} 1 "" "${roffText(`${name} ${program.version() ?? ''}`.trim())}" "User Commands"`,
    '.SH NAME',
    `${roffText(name)} \\- ${roffText(lowerFirst(program.description()))}`,
    '.SH SYNOPSIS',
    `.B ${roffText(name)}`,
    `[\\fIoptions\\fR] [\\fI${roffText(argument?.name() ?? 'article')}\\fR${argument?.variadic ? ' .\\|.\\|.' : ''}]`,
    '.br',
    ...COMMANDS.map((command) => `.B ${roffText(name)}\n${synopsisCommand(command.term)}\n.br`),
    '.SH DESCRIPTION',
    roffText(program.description()),
    '.PP',
    `\\fI${roffText(argument?.name() ?? 'article')}\\fR is ${roffText(argument?.description ?? '')}.`,
    '.PP',
    'Output to a terminal is styled; output to a pipe or file is plain text with no escape codes and no Markdown markup, so it works with',
    '.BR grep (1),',
    '.BR wc (1)',
    'and the like.',
    '.SS Commands',
    ...COMMANDS.map((command) => `.TP\n${synopsisCommand(command.term)}\n${roffText(command.text)}`),
    '.SH VIEWS',
    'One view at a time; the full article is the default.',
    optionEntries(views),
    '.SH OPTIONS',
    ...otherGroups.map(([heading, list]) => `.SS ${roffText(heading.replace(/:$/, ''))}\n${optionEntries(list)}`),
    '.SH ENVIRONMENT',
    entries(ENVIRONMENT, (term) => `.B ${roffText(term)}`),
    '.SH EXIT STATUS',
    entries(EXIT_STATUS, (term) => `.B ${roffText(term)}`),
    '.SH EXAMPLES',
    ...EXAMPLES.map((example) => `.TP\n.B ${roffText(example.term)}\n${roffText(example.text)}`),
    '.SH SEE ALSO',
    '.BR less (1),',
    '.BR jq (1)',
    '',
  ];
  return lines.join('\n');
}

function entries(list: readonly HelpEntry[], term: (term: string) => string): string {
  return list.map((entry) => `.TP\n${term(entry.term)}\n${roffText(entry.text)}`).join('\n');
}

// "-n, --sentences <n>" becomes bold flags and an italic value name.
function flagsRoff(option: Option): string {
  return option.flags
    .split(/(<[^>]+>|\[[^\]]+\])/)
    .map((part) => {
      if (/^[<[]/.test(part)) return `\\fI${roffText(part.slice(1, -1))}\\fR`;
      return part ? `\\fB${roffText(part)}\\fR` : '';
    })
    .join('');
}

// "completion bash|zsh|fish": the word is literal, each shell too.
function synopsisCommand(term: string): string {
  const [word = '', values = ''] = term.split(' ');
  if (!values) return `\\fB${roffText(word)}\\fR`;
  const shells = values
    .split('|')
    .map((value) => `\\fB${roffText(value)}\\fR`)
    .join('|');
  return `\\fB${roffText(word)}\\fR ${shells}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');
}
