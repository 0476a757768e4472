// Shell completion scripts for `news-read completion bash|zsh|fish`, generated
// from commander's own option table so a new option is completed without edits here.
//
// Slugs are baked into the script when it is printed rather than listed with
// `news-read --list --json` on every Tab: bundled articles change only with a new
// release (reinstalling reprints the script, or `source <(news-read completion bash)`
// reprints it with every shell), and a Tab should not wait for Node to start.
import type { Command, Option } from 'commander';

/** The shells we print scripts for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** One option as the completion scripts need it. */
export interface CompletionOption {
  long: string | null;
  short: string | null;
  description: string;
  /** The value's name (`n` for `--width <n>`), or null for a flag that takes none. */
  value: string | null;
  choices: readonly string[] | null;
  /** The flags this option cannot be given with (a view excludes the other views). */
  conflicts: readonly string[];
}

/** Everything a completion script completes. */
export interface CompletionSpec {
  name: string;
  options: readonly CompletionOption[];
  slugs: readonly string[];
  /** The subcommand word and what it completes next. */
  command: { name: string; description: string; values: readonly string[] };
}

/** completionSpec returns the options --help shows (help and version included) and the slugs. */
export function completionSpec(program: Command, slugs: readonly string[]): CompletionSpec {
  const visible = program.createHelp().visibleOptions(program);
  const byAttribute = new Map(visible.map((option) => [option.attributeName(), option]));
  const options = visible.map(
    (option: Option): CompletionOption => ({
      long: option.long ?? null,
      short: option.short ?? null,
      description: option.description,
      value: option.required || option.optional ? (/[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1] ?? 'value') : null,
      choices: option.argChoices ?? null,
      conflicts: (option as Option & { conflictsWith: string[] }).conflictsWith.flatMap((name) => {
        const other = byAttribute.get(name);
        return other ? flagsOf(other) : [];
      }),
    }),
  );
  return {
    name: program.name(),
    options,
    slugs,
    command: { name: 'completion', description: 'print a shell completion script', values: SHELLS },
  };
}

function flagsOf(option: { long?: string | null; short?: string | null }): string[] {
  return [option.short, option.long].filter((flag): flag is string => Boolean(flag));
}

/** renderCompletion returns the completion script for `shell`. */
export function renderCompletion(shell: Shell, spec: CompletionSpec): string {
  if (shell === 'bash') return renderBash(spec);
  if (shell === 'zsh') return renderZsh(spec);
  return renderFish(spec);
}

function functionName(spec: CompletionSpec): string {
  return `_${spec.name.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

function renderBash(spec: CompletionSpec): string {
  const name = functionName(spec);
  const allFlags = spec.options.flatMap(flagsOf);
  const valueCases = spec.options
    .filter((option) => option.value !== null)
    .map((option) => {
      const pattern = flagsOf(option).join('|');
      const reply = option.choices
        ? `COMPREPLY=($(compgen -W '${option.choices.join(' ')}' -- "$cur"))`
        : 'COMPREPLY=()';
      return `    ${pattern}) ${reply}; return ;;`;
    });
  return `# bash completion for ${spec.name}
# Install: ${spec.name} completion bash > ~/.local/share/bash-completion/completions/${spec.name}
# or add to ~/.bashrc: source <(${spec.name} completion bash)
${name}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=
  (( COMP_CWORD > 0 )) && prev=\${COMP_WORDS[COMP_CWORD-1]}
  # "--color=al" arrives as "--color" "=" "al" because = is in COMP_WORDBREAKS.
  if [[ $cur == = ]]; then
    cur=
  elif [[ $prev == = ]] && (( COMP_CWORD > 1 )); then
    prev=\${COMP_WORDS[COMP_CWORD-2]}
  fi
  if (( COMP_CWORD > 1 )) && [[ \${COMP_WORDS[1]} == ${spec.command.name} ]]; then
    (( COMP_CWORD == 2 )) && COMPREPLY=($(compgen -W '${spec.command.values.join(' ')}' -- "$cur"))
    return
  fi
  case $prev in
${valueCases.join('\n')}
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W '${allFlags.join(' ')}' -- "$cur"))
    return
  fi
  # One word a line: IFS is a newline below so that file names with spaces stay whole.
  local IFS=$'\\n' words=$'${[...spec.slugs, '-'].join('\\n')}'
  (( COMP_CWORD == 1 )) && words+=$'\\n${spec.command.name}'
  COMPREPLY=($(compgen -W "$words" -- "$cur") $(compgen -f -- "$cur"))
}
complete -o filenames -F ${name} ${spec.name}
`;
}

// Single-quoted zsh word: a ' becomes '\\''.
function zshQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

// _arguments reads [ ] and : in a description as syntax.
function zshDescription(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\[/g, '(').replace(/]/g, ')').replace(/:/g, '\\:');
}

function renderZsh(spec: CompletionSpec): string {
  const name = functionName(spec);
  const specs = spec.options.flatMap((option) => {
    const flags = flagsOf(option);
    const exclusions = [...new Set([...flags, ...option.conflicts])];
    const exclusion = exclusions.length > 1 ? `(${exclusions.join(' ')})` : '';
    const description = `[${zshDescription(option.description)}]`;
    const action =
      option.value === null ? '' : `:${option.value}:${option.choices ? `(${option.choices.join(' ')})` : ' '}`;
    return flags.map((flag) => {
      const suffix = option.value === null ? '' : flag.startsWith('--') ? '=' : '+';
      return `    ${zshQuote(`${exclusion}${flag}${suffix}${description}${action}`)} \\`;
    });
  });
  const slugs = spec.slugs.map(zshQuote).join(' ');
  return `#compdef ${spec.name}
# zsh completion for ${spec.name}
# Install: ${spec.name} completion zsh > "\${fpath[1]}/_${spec.name}" (then restart zsh)
# or add to ~/.zshrc after compinit: source <(${spec.name} completion zsh)
${name}_article() {
  local -a slugs=(${slugs})
  local -a alternatives=(
    'slugs:bundled article:compadd -a slugs'
    'stdin:standard input:compadd -- -'
    'files:article file:_files'
  )
  # The subcommand is only a subcommand as the first word.
  (( CURRENT == 2 )) && alternatives+=(${zshQuote(`commands:command:compadd ${spec.command.name}`)})
  _alternative $alternatives
}
${name}() {
  if (( CURRENT > 2 )) && [[ \${words[2]} == ${spec.command.name} ]]; then
    (( CURRENT == 3 )) && compadd -- ${spec.command.values.join(' ')}
    return
  fi
  _arguments -S \\
${specs.join('\n')}
    '*:article:${name}_article'
}
if [[ \${funcstack[1]} == _${spec.name} ]]; then
  ${name} "$@"
else
  compdef ${name} ${spec.name}
fi
`;
}

// Single-quoted fish string: only \\ and ' are special.
function fishQuote(text: string): string {
  return `'${text.replace(/[\\']/g, '\\$&')}'`;
}

function renderFish(spec: CompletionSpec): string {
  const base = `complete -c ${spec.name}`;
  const notCommand = `-n ${fishQuote(`not __fish_seen_subcommand_from ${spec.command.name}`)}`;
  const options = spec.options.map((option) => {
    const parts = [base, notCommand];
    if (option.short) parts.push('-s', option.short.replace(/^-/, ''));
    if (option.long) parts.push('-l', option.long.replace(/^--/, ''));
    // -x: takes a value and completes no file names for it.
    if (option.value !== null) parts.push('-x');
    if (option.choices) parts.push('-a', fishQuote(option.choices.join(' ')));
    parts.push('-d', fishQuote(option.description));
    return parts.join(' ');
  });
  return `# fish completion for ${spec.name}
# Install: ${spec.name} completion fish > ~/.config/fish/completions/${spec.name}.fish
${options.join('\n')}
${base} ${notCommand} -a ${fishQuote(spec.slugs.join(' '))} -d 'bundled article'
${base} ${notCommand} -a - -d 'standard input'
${base} -n '__fish_use_subcommand' -a ${spec.command.name} -d ${fishQuote(spec.command.description)}
${base} -n ${fishQuote(`__fish_seen_subcommand_from ${spec.command.name}`)} -f -a ${fishQuote(spec.command.values.join(' '))}
`;
}
