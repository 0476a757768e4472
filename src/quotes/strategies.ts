// Attribution strategies: each reads one pattern of English news writing that
// ties a quote to its speaker, in its own function, tried in a fixed order.
// An unclosed quote whose paragraph the next quote reopens shares that quote's speaker.

import type { QuoteKind } from '../types.js';
import { isCue, isOrganisation, mainSubject, nameOf, phraseBackward, phraseForward, subjectBefore } from './chunker.js';
import type { Attribution, Attributor, Speaker } from './discourse.js';
import { nth } from './nth.js';
import type { Draft, Token } from './tokens.js';
import { isReportingForm } from './verbs.js';
import { LABEL_WORDS, PHRASE_BREAKS, PRONOUNS, SAYING_NOUNS, SKIPPABLE, TITLE_WORDS } from './words.js';
export function nextOpensSoon(drafts: Draft[], draft: Draft): boolean {
  const next = drafts[draft.index + 1];
  return next !== undefined && next.sentence - draft.sentence <= 2;
}

// "Richard Thomas “totally condemned” the deletion": a quoted verb phrase right after a named subject.
export function verbLikeQuote(tokens: Token[], attributor: Attributor, draft: Draft): Speaker | null {
  const before = tokens[draft.token - 1];
  if (before?.kind !== 'word' || !/^\p{Lu}/u.test(before.text)) return null;
  const phrase = phraseBackward(tokens, draft.token - 1, Math.max(0, draft.token - 8));
  const name = phrase && nameOf(phrase);
  if (!phrase || !name || (name.words.length < 2 && !name.honorific) || isOrganisation(phrase)) return null;
  const start = phrase.start;
  if (start > 0 && nth(tokens, start - 1).sentence === draft.sentence) return null;
  return attributor.speakerOf(phrase, start);
}

export function labelKind(tokens: Token[], draft: Draft): QuoteKind | null {
  if (!draft.fragment) return null;
  const before = tokens[draft.token - 1];
  if (!before || before.kind === 'quote') return null;
  const lower = before.text.toLowerCase();
  if (TITLE_WORDS.has(lower)) return 'title';
  // "a report, called “Counting the Cost”": a capitalised name of several words is a title.
  const words = draft.quote.text.split(/\s+/);
  if (
    (lower === 'called' || lower === 'named') &&
    words.length >= 2 &&
    words.filter((word) => /^\p{Lu}/u.test(word)).length * 2 > words.length &&
    /^\p{Lu}/u.test(nth(words, words.length - 1))
  )
    return 'title';
  if (LABEL_WORDS.has(lower)) return 'scare';
  if ((lower === 'as' || lower === 'the') && LABEL_WORDS.has(tokens[draft.token - 2]?.text.toLowerCase() ?? ''))
    return 'scare';
  // "the study "Whose Secretary are You"", "their album, "Northern Skies"": a capitalised
  // phrase named by the noun before it.
  const noun = lower === ',' ? (tokens[draft.token - 2]?.text.toLowerCase() ?? '') : lower;
  if (
    /^(?:study|report|book|film|album|song|programme|program|show|series|campaign|play|novel|survey|paper|documentary|exhibition|single|movie|musical|opera|poem|painting|game)$/.test(
      noun,
    ) &&
    /^\p{Lu}/u.test(draft.quote.text)
  )
    return 'title';
  return null;
}

// The attribution in the quote's own sentence: `"…," said X`, `"…," X said`,
// `X said: "…"`, `X accused Y of "…"`, `"…" — X`, `according to X`, `Speaking to …, X …`.
export function explicitAttribution(
  tokens: Token[],
  attributor: Attributor,
  draft: Draft,
  floor: number,
  ceiling: number,
): Attribution | null {
  let according: Attribution | null = null;
  const take = (verb: number, from: number, to: number): Attribution | null => {
    const attribution = attributor.fromCue(verb, from, to);
    if (attribution && nth(tokens, verb).text === 'according') {
      according ??= attribution;
      return null;
    }
    return attribution;
  };
  const before = () => {
    for (let verb = draft.token - 1; verb >= floor; verb--) {
      if (!isCue(tokens, verb)) continue;
      const attribution = take(verb, floor, ceiling);
      if (attribution) return attribution;
    }
    return null;
  };
  const found = draft.fragment
    ? (before() ?? attributionAfter(tokens, attributor, draft, ceiling))
    : (attributionAfter(tokens, attributor, draft, ceiling) ?? before());
  if (found) return found;
  if (!draft.fragment && tokens[draft.token - 1]?.text === ':') {
    // "Mrs Bell was more blunt: “…”": a named subject introduces the quote.
    const subject = mainSubject(tokens, draft.token - 1, floor);
    if (subject && (nameOf(subject) || PRONOUNS.has(nth(subject.tokens, 0).text.toLowerCase()))) {
      const speaker = attributor.speakerOf(subject, subject.start);
      if (speaker) return { speaker, cue: null };
    }
  }
  // Later in the sentence: `was "too unlikely", Mr Beith said`, `"shocking" …, a new study shows`.
  for (let verb = draft.token + 1; verb <= ceiling; verb++) {
    if (nth(tokens, verb).kind === 'quote' && !draft.fragment) break;
    if (!isCue(tokens, verb)) continue;
    // The last comma between the quote and the verb (searched back to the quote only: a search of
    // the whole token list from here made this quadratic in the article's length).
    let comma = verb - 1;
    while (comma > draft.token && nth(tokens, comma).text !== ',') comma--;
    if (comma <= draft.token) continue;
    const attribution = take(verb, comma + 1, ceiling);
    if (attribution) return attribution;
  }
  if (according || !draft.fragment) return according;
  // "recent comments in a major Chinese newspaper that the “time is ripe”": a noun of saying and its source.
  for (let noun = draft.token - 2; noun >= floor && noun >= draft.token - 16; noun--) {
    if (!SAYING_NOUNS.has(nth(tokens, noun).text) || !/^(?:in|by|from)$/.test(nth(tokens, noun + 1).text)) continue;
    const phrase = phraseForward(tokens, noun + 2, draft.token - 1);
    const speaker = phrase && attributor.speakerOf(phrase, noun + 2);
    if (speaker) return { speaker, cue: null };
  }
  return null;
}

// Right after the quote: `"…," said X`, `"…," X said`, `"…" — X`.
function attributionAfter(tokens: Token[], attributor: Attributor, draft: Draft, ceiling: number): Attribution | null {
  const at = draft.token;
  let next = at + 1;
  while (next <= ceiling && /^[,—–-]$/.test(nth(tokens, next).text) && next < at + 3) next++;
  if (next > ceiling || nth(tokens, next).kind !== 'word') return null;
  if (/^[—–-]$/.test(nth(tokens, at + 1).text)) {
    const phrase = phraseForward(tokens, next, ceiling);
    const after = phrase ? tokens[next + phrase.tokens.length] : undefined;
    if (
      phrase &&
      (!after || after.sentence !== nth(tokens, next).sentence || /^[.,]$/.test(after.text)) &&
      nameOf(phrase)
    ) {
      const speaker = attributor.speakerOf(phrase, next);
      if (speaker) return { speaker, cue: null };
    }
  }
  if (draft.fragment && next === at + 1) return null;
  for (let verb = next; verb <= ceiling && verb < next + 12; verb++) {
    const token = nth(tokens, verb);
    if (token.kind === 'quote' || /^[.;:!?]$/.test(token.text)) return null;
    if (!isCue(tokens, verb) || token.text === 'according') continue;
    // The subject must fill the gap between the quote and its verb.
    let gapEnd = verb;
    while (gapEnd > next && SKIPPABLE.has(nth(tokens, gapEnd - 1).text)) gapEnd--;
    const gap = tokens.slice(next, gapEnd);
    if (
      gap.length > 0 &&
      gap.every((word) => word.kind === 'word') &&
      !PHRASE_BREAKS.has(nth(gap, 0).text) &&
      !isReportingForm(nth(gap, 0).text)
    ) {
      const speaker = attributor.speakerOf({ tokens: gap, start: next }, next);
      return speaker ? { speaker, cue: token.text } : null;
    }
    const attribution = attributor.fromCue(verb, next, ceiling);
    if (!attribution) return null;
    if (verb > next) {
      const subject = subjectBefore(tokens, verb, next);
      if (!subject || subject.start !== next) return null;
    }
    return attribution;
  }
  return null;
}
