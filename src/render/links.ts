import type { ChalkInstance } from 'chalk';
import { stripControls } from '../sanitize.js';
import type { Block, BlockKind, Link, View } from '../types.js';
import { wrapText } from '../width.js';

// Links and block kinds of articles read from web pages, for the plain and
// styled renderers. Plain text numbers each link, `text[1]`, and lists the
// targets at the end; styled text makes the link text an OSC 8 hyperlink where
// the terminal shows them, and numbers the links like plain text elsewhere.

/** linkNumbers returns each distinct link target of the view's blocks and its number, from 1, in reading order. */
export function linkNumbers(blocks: readonly Block[] | undefined): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const block of blocks ?? []) {
    for (const link of block.links) if (!numbers.has(link.href)) numbers.set(link.href, numbers.size + 1);
  }
  return numbers;
}

// Links whose text is not where the block says are skipped rather than misplaced.
function placedLinks(paragraph: string, links: readonly Link[]): Link[] {
  let at = 0;
  return links.filter((link) => {
    const fits = link.start >= at && paragraph.startsWith(link.text, link.start);
    if (fits) at = link.start + link.text.length;
    return fits;
  });
}

const PLAIN_PREFIX: Record<BlockKind, string> = { paragraph: '', heading: '', item: '• ', quote: '    ', caption: '' };

/**
 * plainBlock returns a paragraph for plain output: `[n]` after each link's
 * text, list items with a bullet, block quotes indented; wrapped with a hanging
 * indent when `width` is a number.
 */
export function plainBlock(
  paragraph: string,
  block: Block | undefined,
  numbers: ReadonlyMap<string, number>,
  width: number | null,
): string {
  let text = '';
  let at = 0;
  for (const link of placedLinks(paragraph, block?.links ?? [])) {
    const end = link.start + link.text.length;
    text += `${paragraph.slice(at, end)}[${numbers.get(link.href)}]`;
    at = end;
  }
  text = stripControls(text + paragraph.slice(at));
  const prefix = PLAIN_PREFIX[block?.kind ?? 'paragraph'];
  if (width === null) return prefix + text;
  const indent = block?.kind === 'quote' ? prefix : ' '.repeat(prefix.length);
  return wrapText(text, Math.max(10, width - prefix.length))
    .map((line, index) => (index === 0 ? prefix : indent) + line)
    .join('\n');
}

/** plainReferences returns the "Links" list that ends plain output, or '' when there are no links. */
export function plainReferences(numbers: ReadonlyMap<string, number>): string {
  if (numbers.size === 0) return '';
  return ['Links', ...[...numbers].map(([href, number]) => `[${number}] ${stripControls(href)}`)].join('\n');
}

// Private-use marks for where link n opens (OPEN_BASE + n) and where a link
// closes. They go through wrapping and Markdown as text, and become hyperlinks
// or references once marked-terminal has laid the lines out.
const CLOSE = '\uE0FF';
const OPEN_BASE = 0xe100;
const MAX_MARKED = 0xf8ff - OPEN_BASE;
const MARK = /[\uE0FF\uE101-\uF8FF]/g;

/**
 * markLinks returns styled-path paragraph text with link marks around each
 * link's text, and the link's `[n]` after it. `text` is the paragraph with
 * emphasis marks (U+E000, U+E001) added, which do not count toward the links' offsets.
 */
export function markLinks(
  text: string,
  paragraph: string,
  links: readonly Link[],
  numbers: ReadonlyMap<string, number>,
): string {
  const marks = new Map<number, string>();
  for (const link of placedLinks(paragraph, links)) {
    const number = numbers.get(link.href)!;
    if (number > MAX_MARKED) continue;
    marks.set(link.start, (marks.get(link.start) ?? '') + String.fromCharCode(OPEN_BASE + number));
    // The number goes in now, so that wrapping counts it; finishLinks drops it again for a hyperlink.
    marks.set(link.start + link.text.length, `${CLOSE}[${number}]${marks.get(link.start + link.text.length) ?? ''}`);
  }
  if (marks.size === 0) return text;
  let result = '';
  let offset = 0;
  for (const character of text) {
    if (character !== '\uE000' && character !== '\uE001') {
      result += marks.get(offset) ?? '';
      offset += character.length;
    }
    result += character;
  }
  return result + (marks.get(offset) ?? '');
}

/** Options for finishLinks: the Chalk of the styled output and whether the terminal shows hyperlinks. */
export interface FinishOptions {
  chalk: ChalkInstance;
  hyperlinks: boolean;
}

const LEADING = /^(?:[ \t]|\x1b\[[\d;]*m)*/;

/**
 * finishLinks returns rendered styled output with the link marks replaced: by
 * OSC 8 hyperlinks (closed at each line end and reopened after the next line's
 * indent), or by `[n]` references with a list of targets at the end.
 */
export function finishLinks(rendered: string, view: View, options: FinishOptions): string {
  const numbers = view.view === 'full' ? linkNumbers(view.blocks) : new Map<string, number>();
  if (numbers.size === 0) return rendered.replace(MARK, '');
  const targets = [...numbers.keys()];
  const { chalk } = options;
  // A target is printable ASCII by construction (html.ts); stripping again keeps a bad one from ending the sequence.
  const open = (number: number) =>
    `\x1b]8;;${stripControls(targets[number - 1] ?? '').replace(/[^\x21-\x7e]/g, '')}\x1b\\`;
  const close = '\x1b]8;;\x1b\\';
  let current: number | null = null;
  const lines = rendered.split('\n').map((line) => {
    let output = '';
    let piece = '';
    const flush = () => {
      if (piece !== '' && current !== null && options.hyperlinks)
        output += open(current) + chalk.underline(piece) + close;
      else output += piece;
      piece = '';
    };
    let rest = line;
    if (current !== null) {
      const indent = LEADING.exec(line)![0];
      output = indent;
      rest = line.slice(indent.length);
    }
    for (let index = 0; index < rest.length; index++) {
      const character = rest[index]!;
      const code = character.charCodeAt(0);
      if (character === CLOSE) {
        flush();
        const reference = /^\[\d+\]/.exec(rest.slice(index + 1))?.[0] ?? '';
        if (!options.hyperlinks) output += chalk.dim(reference);
        index += reference.length;
        current = null;
      } else if (code > OPEN_BASE && code <= 0xf8ff) {
        flush();
        current = code - OPEN_BASE;
      } else {
        piece += character;
      }
    }
    flush();
    return output;
  });
  let result = lines.join('\n');
  if (!options.hyperlinks) {
    const list = targets.map((target, index) => chalk.dim(`[${index + 1}] ${stripControls(target)}`));
    result += `\n\n${chalk.dim('Links')}\n${list.join('\n')}`;
  }
  return result;
}
