// The hostile-input properties (issue 6), shared by test/properties.test.ts (a
// few hundred cases in `npm test`) and test/fuzz/run.mjs (`npm run fuzz`, over
// 100 000). Each check throws an Error that says what broke; fast-check then
// shrinks the input and prints it with its seed.
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { decodeText } from '../../src/decode.js';
import { NewsReadError } from '../../src/errors.js';
import { parseArticle } from '../../src/parse.js';
import { renderJson } from '../../src/render/json.js';
import { renderPlain } from '../../src/render/plain.js';
import { renderStyled } from '../../src/render/styled.js';
import type { Article, View } from '../../src/types.js';
import { fullView } from '../../src/views/full.js';
import { quotesView } from '../../src/views/quotes.js';
import { summaryView } from '../../src/views/summary.js';

/** What no plain or colourless styled output may hold: ESC and the rest of C0 but tab and newline, DEL, C1, bidi controls. */
export const FORBIDDEN = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
/** chalk's own colour codes, the only escape codes styled output may carry. */
export const SGR = /\x1b\[[\d;]*m/g;

const ARTICLE_KEYS = ['slug', 'title', 'byline', 'role', 'dateline', 'source', 'date', 'contact', 'words'];

// Pieces that have broken terminals, parsers or wrappers somewhere: escape
// sequences whole and cut short, 8-bit controls, bidi overrides, joiners,
// quote marks of every style, Markdown syntax, the renderers' private-use marks.
const HOSTILE_PIECES = [
  '\x1b[31m',
  '\x1b[0m',
  '\x1b[2J\x1b[H',
  '\x1b]0;title\x07',
  '\x1b]8;;http://evil.example/\x1b\\',
  '\x1bP1;2|data\x1b\\',
  '\x1b_apc\x1b\\',
  '\x1b^pm\x07',
  '\x1bX',
  '\x1b',
  '\x1b[',
  '\x1b]',
  '\x9b31m',
  '\x9d0;x\x9c',
  '\x90',
  '\x85',
  '\x07',
  '\x08',
  '\x7f',
  '\x00',
  '\x0b',
  '\x0c',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffd',
  '\u00ad',
  '\r\n',
  '\r',
  '\n',
  '\n\n',
  '\t',
  ' ',
  '\u00a0',
  '"',
  '“',
  '”',
  '‘',
  '’',
  "'",
  '«',
  '»',
  '„',
  '「',
  '」',
  '.',
  '!',
  '?',
  '…',
  ',',
  ';',
  ':',
  '—',
  '–',
  ' // ',
  '*',
  '**',
  '_',
  '__',
  '#',
  '## ',
  '> ',
  '- ',
  '+ ',
  '1. ',
  '2) ',
  '`',
  '```',
  '[',
  ']',
  '(',
  ')',
  '[x](http://y)',
  '<b>',
  '&amp;',
  '\\',
  '|',
  '~',
  '===',
  '---',
  '😀',
  '👍🏽',
  '👩‍👩‍👧‍👦',
  '🇯🇵',
  '❤️',
  '中文',
  '한국어',
  'e\u0301',
  'العربية',
  'עברית',
  '\uE000',
  '\uE001',
  '\uE002',
  '\uE003',
  '\uE0FF',
  '\uE101',
  '\uF8FF',
  'Mr.',
  'U.S.',
  'e.g.',
  'No. 5',
  'said',
  'told',
  'Smith',
  'By ',
  'BEIRUT // ',
  'e-mail: a@b.example',
  'x'.repeat(120),
  '中'.repeat(60),
];

const hostilePiece = fc.constantFrom(...HOSTILE_PIECES);
const anyCharacter = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });

/** anyText is any string at all, weighted towards the pieces above. */
export const anyText = fc
  .array(fc.oneof(anyCharacter, hostilePiece, fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 80 })
  .map((parts) => parts.join(''));

const word = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'the',
      'talks',
      'minister',
      'said',
      'Aleppo',
      'truce',
      'on',
      'Saturday',
      'Kerry',
      'Lavrov',
      'would',
      'not',
      'be',
      'a',
      'deal',
      'U.S.',
      'Mr',
      'Mr.',
      'Dr.',
      'Jan.',
      '12',
      '3.5',
      'per',
      'cent',
      'e.g.',
      'omen.for',
      '东京',
      '天气',
      'بيروت',
      'ירושלים',
      '😀',
      '👩‍👩‍👧‍👦',
    ),
  },
  { weight: 2, arbitrary: hostilePiece },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
);

const words = (min: number, max: number) =>
  fc.array(word, { minLength: min, maxLength: max }).map((list) => list.join(' '));
const name = fc.constantFrom(
  'John Kerry',
  'Sergey Lavrov',
  'Ana Lima',
  'Rui Costa',
  'Mr Smith',
  'the minister',
  'Eve \x1b[31mMallory',
  'Zoë Ağaoğlu',
);
const cue = fc.constantFrom('said', 'told reporters', 'added', 'warned', 'says');
const [open, close] = [fc.constantFrom('“', '"', '‘', "'", '«', ''), fc.constantFrom('”', '"', '’', "'", '»', '')];
const ending = fc.constantFrom('.', '.', '.', '!', '?', '…', '', '."', '.”', ':');

const quoteSentence = fc
  .tuple(open, words(1, 14), close, name, cue, fc.boolean())
  .map(([start, text, end, speaker, verb, speakerFirst]) =>
    speakerFirst ? `${speaker} ${verb}: ${start}${text}.${end}` : `${start}${text},${end} ${verb} ${speaker}.`,
  );
const sentence = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(words(1, 20), ending).map(([text, end]) => `${text}${end}`) },
  { weight: 1, arbitrary: quoteSentence },
);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((list) => list.join(' '));

/** articleText is article-shaped text: headline, byline, role, dateline, paragraphs with quotes, contact, any line ends. */
export const articleText = fc
  .record({
    bom: fc.boolean(),
    frontMatter: fc.option(fc.tuple(words(1, 6), name), { nil: undefined }),
    headline: fc.option(words(1, 12), { nil: undefined }),
    byline: fc.option(fc.tuple(fc.constantFrom('By ', ''), name), { nil: undefined }),
    role: fc.option(words(1, 4), { nil: undefined }),
    dateline: fc.option(fc.constantFrom('BEIRUT // ', 'LONDON — ', 'NEW YORK, Oct 14 (Reuters) - ', 'PORTO -- '), {
      nil: undefined,
    }),
    paragraphs: fc.array(paragraph, { minLength: 0, maxLength: 8 }),
    lineBreaks: fc.constantFrom('\n\n', '\n', '\n\n\n', '\n \n'),
    contact: fc.option(fc.constantFrom('jwood@thenational.ae', 'e-mail: news@bbc.co.uk', '<a@b.example>'), {
      nil: undefined,
    }),
    lineEnd: fc.constantFrom('\n', '\r\n', '\r'),
    noise: fc.array(fc.tuple(fc.nat(), hostilePiece), { maxLength: 4 }),
  })
  .map((parts) => {
    const lines: string[] = [];
    if (parts.frontMatter)
      lines.push('---', `title: ${parts.frontMatter[0]}`, `author: ${parts.frontMatter[1]}`, '---', '');
    if (parts.headline) lines.push(parts.headline, '');
    if (parts.byline) lines.push(parts.byline.join(''));
    if (parts.role) lines.push(parts.role);
    if (parts.byline || parts.role) lines.push('');
    const body = parts.paragraphs.map((text, index) => (index === 0 && parts.dateline ? parts.dateline + text : text));
    lines.push(body.join(parts.lineBreaks));
    if (parts.contact) lines.push('', parts.contact);
    let text = (parts.bom ? '\ufeff' : '') + lines.join('\n').replace(/\n/g, parts.lineEnd);
    // Control bytes and escape codes dropped in anywhere.
    for (const [at, piece] of parts.noise) {
      const offset = text.length === 0 ? 0 : at % text.length;
      text = text.slice(0, offset) + piece + text.slice(offset);
    }
    return text;
  });

/** anyBytes is raw input as it comes off a file or pipe, BOMs and NULs included. */
export const anyBytes = fc
  .tuple(
    fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]),
    fc.uint8Array({ maxLength: 200 }),
    fc.boolean(),
  )
  .map(([bom, bytes, text]) =>
    Uint8Array.from([
      ...bom,
      ...(text ? Buffer.from(String.fromCharCode(...bytes.map((byte) => 32 + (byte % 95)))) : bytes),
    ]),
  );

/** checkDecode fails unless decodeText returns text or throws NewsReadError. */
export function checkDecode(bytes: Uint8Array): void {
  try {
    const { text, warnings } = decodeText(bytes, 'input');
    if (typeof text !== 'string' || !Array.isArray(warnings)) throw new Error('decodeText returned no text');
    for (const warning of warnings)
      if (/\n/.test(warning)) throw new Error(`a warning spans lines: ${JSON.stringify(warning)}`);
  } catch (error) {
    if (!(error instanceof NewsReadError)) throw error;
  }
}

/** Everything one input produces: the parsed article and each view in each output. */
export interface Rendered {
  article: Article | null;
  outputs: Map<string, string>;
  views: View[];
}

/**
 * renderAll returns every output of `text` (null article when it is refused
 * with a NewsReadError). Any other throw is a failure, reported with the stage.
 */
export function renderAll(
  text: string,
  width: number,
  sentences: number,
  levels: readonly (0 | 3)[] = [0, 3],
): Rendered {
  let article: Article;
  try {
    article = parseArticle(text);
  } catch (error) {
    if (error instanceof NewsReadError) return { article: null, outputs: new Map(), views: [] };
    throw stage('parseArticle', error);
  }
  const views: View[] = [];
  for (const [label, make] of [
    ['fullView', () => fullView(article)],
    ['summaryView', () => summaryView(article)],
    [`summaryView(${sentences})`, () => summaryView(article, sentences)],
    ['quotesView', () => quotesView(article)],
  ] as const) {
    try {
      views.push(make());
    } catch (error) {
      if (!(error instanceof NewsReadError)) throw stage(label, error);
    }
  }
  const outputs = new Map<string, string>();
  for (const [index, view] of views.entries()) {
    const key = `${view.view}#${index}`;
    for (const [label, render] of [
      ['plain', () => renderPlain(view, { width: null })],
      ['plain-wrapped', () => renderPlain(view, { width })],
      ...levels.map(
        (level) => [`styled-level${level}`, () => renderStyled(view, { chalk: new Chalk({ level }), width })] as const,
      ),
      ['json', () => renderJson(view)],
    ] as const) {
      try {
        outputs.set(`${key} ${label}`, render());
      } catch (error) {
        throw stage(`${label} of ${key}`, error);
      }
    }
  }
  return { article, outputs, views };
}

function stage(label: string, error: unknown): Error {
  const wrapped = new Error(
    `${label} threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
  );
  wrapped.cause = error;
  return wrapped;
}

/** checkOutputs fails when an output breaks a rule of issue 6. */
export function checkOutputs({ article, outputs, views }: Rendered): void {
  for (const [key, output] of outputs) {
    if (key.endsWith('json')) {
      checkJson(key, output);
      continue;
    }
    const visible = key.endsWith('level3') ? output.replace(SGR, '') : output;
    const bad = FORBIDDEN.exec(visible);
    if (bad)
      throw new Error(
        `${key}: U+${(bad[0].codePointAt(0) ?? 0).toString(16).padStart(4, '0')} at ${bad.index} in ${JSON.stringify(visible.slice(Math.max(0, bad.index - 20), bad.index + 20))}`,
      );
  }
  if (!article) return;
  const paragraphs = article.paragraphs;
  const inArticle = (text: string) => paragraphs.some((paragraph) => paragraph.includes(text));
  for (const view of views) {
    if (view.view === 'summary') {
      let previous = -1;
      for (const entry of view.summary) {
        if (!inArticle(entry.text))
          throw new Error(`summary sentence not in the article: ${JSON.stringify(entry.text)}`);
        if (article.sentences[entry.index]?.text !== entry.text)
          throw new Error(`summary index ${entry.index} is not its sentence`);
        if (entry.index <= previous) throw new Error('summary out of article order');
        previous = entry.index;
      }
    }
    if (view.view === 'quotes') {
      for (const quote of view.quotes) {
        if (!inArticle(quote.context))
          throw new Error(`quote context not in the article: ${JSON.stringify(quote.context)}`);
      }
    }
  }
}

function checkJson(key: string, output: string): void {
  if (FORBIDDEN.test(output) || /[\u2028\u2029]/.test(output))
    throw new Error(`${key}: a control character is raw, not escaped`);
  if (!output.endsWith('}\n') || output.indexOf('\n{') !== -1)
    throw new Error(`${key}: not exactly one JSON object and a newline`);
  const data = JSON.parse(output) as Record<string, unknown>;
  const article = data.article as Record<string, unknown> | undefined;
  if (!article || typeof data.view !== 'string') throw new Error(`${key}: no view or article`);
  for (const name of ARTICLE_KEYS) if (!(name in article)) throw new Error(`${key}: article.${name} missing`);
  const list = data.view === 'full' ? data.paragraphs : data.view === 'summary' ? data.summary : data.quotes;
  if (!Array.isArray(list)) throw new Error(`${key}: no ${data.view} list`);
  if (data.view === 'summary') {
    for (const entry of list as Record<string, unknown>[])
      if (typeof entry.text !== 'string' || typeof entry.index !== 'number')
        throw new Error(`${key}: summary entry shape`);
  }
  if (data.view === 'quotes') {
    for (const quote of list as Record<string, unknown>[]) {
      if (typeof quote.text !== 'string' || typeof quote.context !== 'string' || !('speaker' in quote))
        throw new Error(`${key}: quote shape`);
    }
  }
}

/** checkText runs every check on one input: it renders twice, from scratch, and the two runs must agree. */
export function checkText(text: string, width = 80, sentences = 3, levels: readonly (0 | 3)[] = [0, 3]): void {
  const first = renderAll(text, width, sentences, levels);
  checkOutputs(first);
  const second = renderAll(text, width, sentences, levels);
  if (first.outputs.size !== second.outputs.size) throw new Error('a second run made different outputs');
  for (const [key, output] of first.outputs) {
    if (second.outputs.get(key) !== output) throw new Error(`${key}: a second run rendered it differently`);
  }
}

const width = fc.integer({ min: 1, max: 120 });
const sentences = fc.integer({ min: 1, max: 12 });
// Styled output is most of the cost; the fuzz run draws one colour level per case instead of rendering both.
const levels = (both: boolean) => (both ? fc.constant([0, 3] as (0 | 3)[]) : fc.constantFrom<(0 | 3)[]>([0], [3]));

/** makeProperties returns the properties by name; `bothLevels` renders styled output colourless and in colour for every case. */
export function makeProperties(bothLevels: boolean) {
  return {
    'any string': fc.property(anyText, width, sentences, levels(bothLevels), (text, columns, count, colour) =>
      checkText(text, columns, count, colour),
    ),
    'article-shaped text': fc.property(
      articleText,
      width,
      sentences,
      levels(bothLevels),
      (text, columns, count, colour) => checkText(text, columns, count, colour),
    ),
    'any bytes decode or are refused': fc.property(anyBytes, (bytes) => checkDecode(bytes)),
  };
}
