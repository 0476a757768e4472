// Attribution strategies: each reads one pattern of English news writing that
// ties a quote to its speaker, in its own function, tried in a fixed order.

import type { QuoteKind } from '../types.js';
import { isCue, isOrganisation, mainSubject, nameOf, phraseBackward, phraseForward, subjectBefore } from './chunker.js';
import type { Attribution, Attributor, Speaker } from './discourse.js';
import { nth } from './nth.js';
import type { Draft, Token } from './tokens.js';
import { isReportingForm, STATEMENT_NOUNS } from './verbs.js';
import { CARRY_SENTENCES, SAYING_NOUN_WINDOW, VERB_AFTER_WINDOW } from './windows.js';
import { LABEL_WORDS, PHRASE_BREAKS, PRONOUNS, SAYING_NOUNS, SKIPPABLE, TITLE_WORDS } from './words.js';
// An unclosed quote whose paragraph the next quote reopens shares that quote's speaker.
export function nextOpensSoon(drafts: Draft[], draft: Draft): boolean {
  const next = drafts[draft.index + 1];
  return next !== undefined && next.sentence - draft.sentence <= CARRY_SENTENCES;
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

/** What every strategy reads: the token list, the discourse, the quote, and the bounds of its sentence. */
export interface StrategyInput {
  tokens: Token[];
  attributor: Attributor;
  draft: Draft;
  /** First and last token the strategy may read: the quote's sentence, within QUOTE_WINDOW of the quote. */
  floor: number;
  ceiling: number;
}

/** One way an English news sentence ties a quote to its speaker. */
export interface Strategy {
  name: string;
  run: (input: StrategyInput) => Attribution | null;
}

// `"…," said X`, `"…," X said`, `"…" — X`, `"…," the party's leader, Claire Dubois, said`.
export function cueAfterQuote({ tokens, attributor, draft, ceiling }: StrategyInput): Attribution | null {
  return attributionAfter(tokens, attributor, draft, ceiling);
}

// `X said: "…"`, `X accused Y of "…"`: the nearest reporting verb before the quote.
export function cueBeforeQuote({ tokens, attributor, draft, floor, ceiling }: StrategyInput): Attribution | null {
  for (let verb = draft.token - 1; verb >= floor; verb--) {
    if (!isCue(tokens, verb) || isAccording(tokens, verb)) continue;
    const attribution = attributor.fromCue(verb, floor, ceiling);
    if (attribution) return attribution;
  }
  return null;
}

// "Mrs Bell was more blunt: “…”": a named subject (or a pronoun) introduces the quote with a colon.
export function colonIntroduction({ tokens, attributor, draft, floor }: StrategyInput): Attribution | null {
  if (tokens[draft.token - 1]?.text !== ':') return null;
  const subject = mainSubject(tokens, draft.token - 1, floor);
  if (!subject || !(nameOf(subject) || PRONOUNS.has(nth(subject.tokens, 0).text.toLowerCase()))) return null;
  const speaker = attributor.speakerOf(subject, subject.start);
  return speaker ? { speaker, cue: null } : null;
}

// Later in the sentence, after a comma: `was "too unlikely", Mr Beith said`, `"shocking" …, a new study shows`.
export function cueLaterInSentence(input: StrategyInput): Attribution | null {
  return laterCue(input, false);
}

// "according to the report", "according to Ms Hale": a source credited for the words, tried
// after every reporting verb because it is often a second source in the sentence.
export function accordingTo(input: StrategyInput): Attribution | null {
  const { tokens, attributor, draft, floor, ceiling } = input;
  for (let verb = draft.token - 1; verb >= floor; verb--) {
    if (!isCue(tokens, verb) || !isAccording(tokens, verb)) continue;
    const attribution = attributor.fromCue(verb, floor, ceiling);
    if (attribution) return attribution;
  }
  return laterCue(input, true);
}

// "recent comments in a major newspaper that the “time is ripe”": a noun of saying and its source.
export function sayingNounSource({ tokens, attributor, draft, floor }: StrategyInput): Attribution | null {
  for (let noun = draft.token - 2; noun >= floor && noun >= draft.token - SAYING_NOUN_WINDOW; noun--) {
    if (!SAYING_NOUNS.has(nth(tokens, noun).text) || !/^(?:in|by|from)$/.test(nth(tokens, noun + 1).text)) continue;
    const phrase = phraseForward(tokens, noun + 2, draft.token - 1);
    const speaker = phrase && attributor.speakerOf(phrase, noun + 2);
    if (speaker) return { speaker, cue: null };
  }
  return null;
}

// "In the words of the judge, the case was "a disgrace"", "Ms Hale's statement called it "overdue"":
// words credited to their owner through a noun of saying.
export function statementOwner({ tokens, attributor, draft, floor }: StrategyInput): Attribution | null {
  for (let noun = draft.token - 1; noun >= floor && noun >= draft.token - SAYING_NOUN_WINDOW; noun--) {
    const word = nth(tokens, noun).text.toLowerCase();
    if (!STATEMENT_NOUNS.includes(word)) continue;
    if (word === 'words' && tokens[noun + 1]?.text === 'of' && tokens[noun - 1]?.text.toLowerCase() === 'the') {
      const phrase = phraseForward(tokens, noun + 2, draft.token - 1);
      const speaker = phrase && attributor.speakerOf(phrase, noun + 2);
      if (speaker) return { speaker, cue: null };
    }
    const owner = tokens[noun - 1];
    if (owner?.kind === 'word' && /['’]s$/.test(owner.text)) {
      const phrase = phraseBackward(tokens, noun - 1, floor);
      const speaker = phrase && attributor.speakerOf(phrase, phrase.start);
      if (speaker) return { speaker, cue: null };
    }
  }
  return null;
}

/** The strategies for a quote that reads as a sentence, in the order they are tried. */
export const SENTENCE_STRATEGIES: readonly Strategy[] = [
  { name: 'cueAfterQuote', run: cueAfterQuote },
  { name: 'cueBeforeQuote', run: cueBeforeQuote },
  { name: 'colonIntroduction', run: colonIntroduction },
  { name: 'cueLaterInSentence', run: cueLaterInSentence },
  { name: 'accordingTo', run: accordingTo },
  { name: 'statementOwner', run: statementOwner },
];

/** The strategies for a fragment set in a sentence ("accused X of “lies”"): the verb before it governs it. */
export const FRAGMENT_STRATEGIES: readonly Strategy[] = [
  { name: 'cueBeforeQuote', run: cueBeforeQuote },
  { name: 'cueAfterQuote', run: cueAfterQuote },
  { name: 'cueLaterInSentence', run: cueLaterInSentence },
  { name: 'accordingTo', run: accordingTo },
  { name: 'statementOwner', run: statementOwner },
  { name: 'sayingNounSource', run: sayingNounSource },
];

/** explicitAttribution returns the first attribution a strategy finds in the quote's own sentence. */
export function explicitAttribution(input: StrategyInput): Attribution | null {
  for (const strategy of input.draft.fragment ? FRAGMENT_STRATEGIES : SENTENCE_STRATEGIES) {
    const found = strategy.run(input);
    if (found) return found;
  }
  return null;
}

function isAccording(tokens: Token[], verb: number): boolean {
  return nth(tokens, verb).text.toLowerCase() === 'according';
}

function laterCue({ tokens, attributor, draft, ceiling }: StrategyInput, according: boolean): Attribution | null {
  for (let verb = draft.token + 1; verb <= ceiling; verb++) {
    if (nth(tokens, verb).kind === 'quote' && !draft.fragment) break;
    if (!isCue(tokens, verb) || isAccording(tokens, verb) !== according) continue;
    // The last comma between the quote and the verb (searched back to the quote only: a search of
    // the whole token list from here made this quadratic in the article's length).
    let comma = verb - 1;
    while (comma > draft.token && nth(tokens, comma).text !== ',') comma--;
    if (comma <= draft.token) continue;
    const attribution = attributor.fromCue(verb, comma + 1, ceiling);
    if (attribution) return attribution;
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
  for (let verb = next; verb <= ceiling && verb < next + VERB_AFTER_WINDOW; verb++) {
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
      if (!subject || (subject.start !== next && !describedBefore(tokens, next, subject.start))) return null;
    }
    return attribution;
  }
  return null;
}

/** Words a description before a name in apposition may hold ("the party's leader, Claire Dubois, said"). */
const DESCRIPTION_WORDS = 8;

// `"…," the party's leader, Claire Dubois, said`: between the quote and the name, only a description
// and the comma that sets the name off.
function describedBefore(tokens: Token[], from: number, name: number): boolean {
  if (name - from - 1 > DESCRIPTION_WORDS || tokens[name - 1]?.text !== ',') return false;
  for (let at = from; at < name - 1; at++) {
    const token = nth(tokens, at);
    if (token.kind !== 'word' || isReportingForm(token.text)) return false;
  }
  return name - 1 > from;
}
