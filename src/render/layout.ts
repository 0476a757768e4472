import { stripControls } from '../sanitize.js';
import type { Block, Link, QuotationSpan } from '../types.js';
import { displayWidth, wrapRanges } from '../width.js';

// Layout shared by the plain and styled renderers: a paragraph becomes runs of
// text, each with the styles the view gives it (inline marks, quotations,
// links), and runs are wrapped into lines by the text's display width alone.
// The renderers then write each run as they style it, so no invisible mark is
// ever counted toward a line and nothing in the text is read as markup.

/** How a run of text is shown; the renderer decides what each looks like. */
export type RunStyle = 'emphasis' | 'strong' | 'code' | 'quotation' | 'reference';

/** A run of clean text (no control characters) with its styles and, inside a link, the link's target. */
export interface Run {
  text: string;
  styles: RunStyle[];
  href?: string;
}

/** What a paragraph's runs are built from: the block's marks and links, the view's quotations. */
export interface RunSource {
  block?: Block;
  quotations?: readonly QuotationSpan[];
  /** Link numbers, for a `[n]` reference after each link's text; no references when absent. */
  references?: ReadonlyMap<string, number>;
}

/** cleanText returns text safe to write to a terminal on one line: no escape sequences or controls, no line breaks. */
export function cleanText(text: string): string {
  // One scan for the common case: no control character at all (tab and line breaks included).
  if (!ANY_CONTROL.test(text)) return text;
  return stripControls(text.replace(/[\t\n\r]/g, ' '));
}

const ANY_CONTROL = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/** linkNumbers returns each distinct link target of the blocks and its number, from 1, in reading order. */
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

interface Range {
  start: number;
  end: number;
  style?: RunStyle;
  href?: string;
}

// Ranges of one kind, in order, none overlapping the one before (later overlapping ones are dropped).
function inOrder(ranges: readonly Range[]): Range[] {
  let at = 0;
  return ranges.filter((range) => {
    const fits = range.start >= at && range.end > range.start;
    if (fits) at = range.end;
    return fits;
  });
}

/**
 * paragraphRuns returns the paragraph as runs: a new run wherever a mark, a
 * quotation or a link starts or ends, and a `[n]` reference run after each
 * link when `references` are asked for. One pass: each kind of range is in
 * order and does not overlap itself, so a cursor per kind finds what covers a piece.
 */
export function paragraphRuns(paragraph: string, source: RunSource = {}): Run[] {
  const { block, quotations } = source;
  if (!block?.marks?.length && !block?.links.length) return quotationRuns(paragraph, quotations ?? []);
  const links = placedLinks(paragraph, source.block?.links ?? []);
  const kinds = [
    inOrder((source.block?.marks ?? []).map((mark) => ({ start: mark.start, end: mark.end, style: mark.kind }))),
    inOrder((source.quotations ?? []).map((span) => ({ ...span, style: 'quotation' as const }))),
    inOrder(links.map((link) => ({ start: link.start, end: link.start + link.text.length, href: link.href }))),
  ].map((ranges) => ranges.filter((range) => range.end <= paragraph.length));
  if (kinds.every((ranges) => ranges.length === 0)) return [{ text: cleanText(paragraph), styles: [] }];

  const cuts = new Set<number>([0, paragraph.length]);
  for (const ranges of kinds) {
    for (const range of ranges) {
      cuts.add(range.start);
      cuts.add(range.end);
    }
  }
  const sorted = Array.from(cuts).sort((a, b) => a - b);
  const cursors = kinds.map(() => 0);
  const runs: Run[] = [];
  for (let index = 0; index + 1 < sorted.length; index++) {
    const start = sorted[index] ?? 0;
    const end = sorted[index + 1] ?? start;
    const run: Run = { text: cleanText(paragraph.slice(start, end)), styles: [] };
    let closedLink: string | null = null;
    kinds.forEach((ranges, kind) => {
      let cursor = cursors[kind] ?? 0;
      while (cursor < ranges.length && (ranges[cursor]?.end ?? 0) <= start) cursor++;
      cursors[kind] = cursor;
      const range = ranges[cursor];
      if (!range || range.start > start) return;
      if (range.style) run.styles.push(range.style);
      if (range.href) {
        run.href = range.href;
        if (range.end === end) closedLink = range.href;
      }
    });
    if (run.text !== '') runs.push(run);
    const number = closedLink === null ? undefined : source.references?.get(closedLink);
    if (number !== undefined) runs.push({ text: `[${number}]`, styles: ['reference'] });
  }
  return runs;
}

// The common case, a paragraph with quotations only, in one pass without the general bookkeeping.
function quotationRuns(paragraph: string, quotations: readonly QuotationSpan[]): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const span of quotations) {
    if (span.start < at || span.end <= span.start || span.end > paragraph.length) continue;
    if (span.start > at) runs.push({ text: cleanText(paragraph.slice(at, span.start)), styles: [] });
    runs.push({ text: cleanText(paragraph.slice(span.start, span.end)), styles: ['quotation'] });
    at = span.end;
  }
  if (at < paragraph.length || runs.length === 0) runs.push({ text: cleanText(paragraph.slice(at)), styles: [] });
  return runs;
}

/**
 * wrapRuns returns the runs cut into lines of at most `width` columns, as
 * wrapRanges breaks their text; `width` null keeps them on one line.
 */
export function wrapRuns(runs: readonly Run[], width: number | null): Run[][] {
  if (width === null) return [runs.slice()];
  const text = runs.map((run) => run.text).join('');
  const lines: Run[][] = [];
  let runIndex = 0;
  let runStart = 0;
  for (const range of wrapRanges(text, Math.max(1, width))) {
    const line: Run[] = [];
    // Runs wholly before the line (the spaces between lines) are passed over.
    while (runIndex < runs.length && runStart + (runs[runIndex]?.text.length ?? 0) <= range.start) {
      runStart += runs[runIndex]?.text.length ?? 0;
      runIndex++;
    }
    let index = runIndex;
    let start = runStart;
    while (index < runs.length && start < range.end) {
      const run = runs[index];
      if (!run) break;
      const from = Math.max(range.start, start) - start;
      const to = Math.min(range.end, start + run.text.length) - start;
      if (to > from) line.push({ ...run, text: run.text.slice(from, to) });
      if (start + run.text.length > range.end) break;
      start += run.text.length;
      index++;
    }
    runIndex = index;
    runStart = start;
    lines.push(line);
  }
  return lines;
}

/** runsText returns the runs' text as one string. */
export function runsText(runs: readonly Run[]): string {
  let text = '';
  for (const run of runs) text += run.text;
  return text;
}

/** metaLines returns the meta line's parts joined by " · ", broken between parts, never after a dangling " · ". */
export function metaLines(parts: readonly string[], width: number | null): string[] {
  if (width === null) return [parts.join(' · ')];
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines.at(-1);
    if (last !== undefined && displayWidth(`${last} · ${part}`) <= width) {
      lines[lines.length - 1] = `${last} · ${part}`;
      continue;
    }
    for (const line of wrapRuns([{ text: part, styles: [] }], width)) lines.push(runsText(line));
  }
  return lines;
}
