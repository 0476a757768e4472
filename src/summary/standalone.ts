// The stand-alone rules: a summary is read without the article around it, so no chosen sentence
// may lean on one the summary leaves out. Each rule names what a sentence needs from the summary;
// summarize() only chooses a sentence when it has that, or when the sentence can be repaired.
// docs/summary.md lists the rules with examples; test/summarize.test.ts tests each one.

import type { SummarySentence } from '../types.js';
import { findPeople, resolveSpeaker, SPEECH_VERBS } from './speaker.js';
import { contentWords } from './words.js';

export type StandAloneRuleName = 'pronoun-speaker' | 'list-intro' | 'dangling-opener' | 'near-duplicate';

/** One stand-alone rule: the kind of sentence it catches, what that sentence needs, and its repair. */
export interface StandAloneRule {
  name: StandAloneRuleName;
  catches: string;
  needs: string;
  repair: string;
}

/**
 * Two sentences are near-duplicates when their content words overlap at least this much (Dice:
 * twice the shared words over both counts). A standfirst restating the first paragraph scores
 * 0.65-0.9; two sentences of one story that share its core words ("the rail company said … the
 * valley … the city") reach 0.5-0.57, and on the 40 dev articles no pair reaches 0.6.
 */
export const NEAR_DUPLICATE_SIMILARITY = 0.6;
/** Sentences with fewer content words than this are too short to call duplicates ("Not so."). */
const NEAR_DUPLICATE_MIN_WORDS = 3;

export const STAND_ALONE_RULES: readonly StandAloneRule[] = [
  {
    name: 'pronoun-speaker',
    catches: 'words attributed only by "he" or "she" ("…the harbour dies," he said.) or "they"',
    needs: 'the sentence before it',
    repair:
      'the pronoun replaced by the speaker\'s name in brackets ("[Tom Reilly] said"), when the article names them',
  },
  {
    name: 'list-intro',
    catches: 'a sentence that ends with a colon, introducing a list ("The council advised drivers to:")',
    needs: 'the sentence after it',
    repair: 'none',
  },
  {
    name: 'dangling-opener',
    catches:
      'an opening connective ("However, …", "But …", "X, meanwhile, …") or pronoun ("It …", "They …", "This …", "Its …")',
    needs: 'the sentence before it',
    repair: 'an opening "he" or "she" outside quotation marks: the name in brackets, as for a speaker',
  },
  {
    name: 'near-duplicate',
    catches: `a sentence whose content words overlap a chosen sentence's by ${NEAR_DUPLICATE_SIMILARITY} or more (Dice), like a standfirst and its first paragraph`,
    needs: 'no near-duplicate of it in the summary',
    repair: 'none: the better-ranked one is kept',
  },
];

// Words that tie a sentence to the one before it when they open it ("But …", "Meanwhile, …").
// "So", "yet", "still" and "though" open independent sentences too ("So far, …", "Still
// photographs …"), so they count only when a comma follows them ("Still, …").
const CONNECTIVES = [
  'and',
  'or',
  'but',
  'however',
  'meanwhile',
  'also',
  'instead',
  'nevertheless',
  'nonetheless',
  'moreover',
  'furthermore',
  'besides',
  'thus',
  'therefore',
  'hence',
  'then',
  'likewise',
  'similarly',
  'otherwise',
  'indeed',
  'anyway',
];
const COMMA_CONNECTIVES = ['so', 'yet', 'still', 'though'];
// Phrases that do the same ("As a result, …"); they count whatever follows them.
const CONNECTIVE_PHRASES = [
  'as a result',
  'in addition',
  'in contrast',
  'by contrast',
  'on the other hand',
  'for example',
  'for instance',
  'even so',
  'in turn',
  'at the same time',
  'despite this',
  'because of this',
];
// The same connectives set off by commas inside the opening clause ("Russia's foreign ministry, meanwhile, …").
const INNER_CONNECTIVES = [
  'however',
  'meanwhile',
  'though',
  'also',
  'too',
  'instead',
  'therefore',
  'nevertheless',
  'nonetheless',
  'moreover',
  'furthermore',
  'in turn',
  'in contrast',
  'by contrast',
  'for example',
  'for instance',
  'in addition',
  'as a result',
  'on the other hand',
];
/** Pronouns and demonstratives that point back to something named earlier when they open a sentence. */
const POINTING_OPENERS = ['he', 'she', 'it', 'they', 'this', 'these', 'those', 'that', 'his', 'her', 'its', 'their'];
/** Time words after which "this"/"that"/"these" points at the calendar, not at an earlier sentence. */
const TIME_WORDS = [
  'year',
  'week',
  'month',
  'morning',
  'afternoon',
  'evening',
  'weekend',
  'season',
  'spring',
  'summer',
  'autumn',
  'winter',
  'quarter',
  'century',
  'decade',
  'days',
];
/** Words after "It is" that make "it" a placeholder for what follows ("It is likely that …", "It is hard to …"). */
const PLACEHOLDER_IT_WORDS = [
  'likely',
  'unlikely',
  'expected',
  'thought',
  'believed',
  'understood',
  'hoped',
  'feared',
  'estimated',
  'reported',
  'known',
  'clear',
  'unclear',
  'possible',
  'impossible',
  'important',
  'hard',
  'difficult',
  'easy',
  'necessary',
  'vital',
  'essential',
];
/** Degree words that may stand between "It is" and its adjective ("It was very hard to …"). */
const DEGREE_WORDS = ['very', 'so', 'too', 'really', 'quite', 'extremely', 'increasingly', 'more', 'less', 'still'];

const alternatives = (words: readonly string[]) => words.map((word) => word.replace(/ /g, '\\s+')).join('|');
const CONNECTIVE_OPENING = new RegExp(
  `^\\W*(?:(?:${alternatives(CONNECTIVES)})(?=[\\s,])|(?:${alternatives(COMMA_CONNECTIVES)})\\s*,|(?:${alternatives(CONNECTIVE_PHRASES)})\\b)`,
  'i',
);
const INNER_CONNECTIVE = new RegExp(`^[^,;:]{1,60},\\s*(?:${alternatives(INNER_CONNECTIVES)}),`, 'i');
/** Connectives that cannot be dropped: without them the sentence says something else. */
const KEPT_CONNECTIVES = ['otherwise'];
const droppable = (words: readonly string[]) => words.filter((word) => !KEPT_CONNECTIVES.includes(word));
// The same openings as above, outside quotation marks, with the comma and space after them.
const DROPPABLE_OPENING = new RegExp(
  `^(?:(?:${alternatives(droppable(CONNECTIVES))})(?=[\\s,])|(?:${alternatives(COMMA_CONNECTIVES)})(?=\\s*,)|(?:${alternatives(CONNECTIVE_PHRASES)})\\b)\\s*,?\\s*`,
  'i',
);
const DROPPABLE_INNER = new RegExp(`^([^,;:"“]{1,60}),\\s*(?:${alternatives(droppable(INNER_CONNECTIVES))}),\\s*`, 'i');
// Inside a quotation the pronoun is the speaker's, who is talking about the story's subject.
const POINTING_OPENING = new RegExp(`^[^\\p{L}"“'‘]*(?:${alternatives(POINTING_OPENERS)})\\b(?!-)`, 'iu');
const CALENDAR_OPENING = new RegExp(`^\\W*(?:this|that|these|those)\\s+(?:${alternatives(TIME_WORDS)})\\b`, 'i');
const PLACEHOLDER_IT = new RegExp(
  `^\\W*it(?:\\s+is|['’]s|\\s+was|\\s+has\\s+been|\\s+had\\s+been|\\s+will\\s+be|\\s+would\\s+be|\\s+remains|\\s+seems)\\s+(?:not\\s+)?(?:yet\\s+)?(?:(?:${alternatives(DEGREE_WORDS)})\\s+)?(?:${alternatives(PLACEHOLDER_IT_WORDS)})\\s+(?:that|whether|if|how|what|when|why|who|to)\\b`,
  'i',
);
// "…," he said.  He added: "…"  "…," said she.  They told reporters …
const SPEECH = alternatives(SPEECH_VERBS);
const ANY_SPEAKER_PRONOUN = /\b(?:he|she|they)\b/i;
const PRONOUN_BEFORE_VERB = new RegExp(
  `(^|[,;:"“”'‘’—–(]\\s*|\\s)(he|she|they)(\\s+(?:also\\s+|later\\s+|then\\s+|had\\s+|has\\s+|have\\s+)?(?:${SPEECH})\\b)`,
  'i',
);
const VERB_BEFORE_PRONOUN = new RegExp(`(\\b(?:${SPEECH})\\s+)(he|she|they)\\b(?=\\s*[.,;:!?"”]|$)`, 'i');
const SUBJECT_PRONOUN = /^([^\p{L}"“'‘]*)(he|she)\b(?!-)/iu;
const LIST_INTRO = /:\s*["'”’)\]]*$/;

/** Where a sentence attributes words to a pronoun, and to which one. */
export interface PronounSpeaker {
  pronoun: 'he' | 'she' | 'they';
  /** UTF-16 offsets of the pronoun in the sentence. */
  start: number;
  end: number;
}

/** leansOnPrevious tells whether a sentence opens with a connective that ties it to the sentence before it. */
export function leansOnPrevious(text: string): boolean {
  return CONNECTIVE_OPENING.test(text) || INNER_CONNECTIVE.test(text);
}

/**
 * opensWithPointer tells whether a sentence opens with a pronoun or demonstrative that points at
 * something named before it ("It was…", "They said…", "This means…", "Its price…"); calendar
 * phrases ("This year…") and a placeholder "it" ("It is likely that…") stand alone.
 */
export function opensWithPointer(text: string): boolean {
  return POINTING_OPENING.test(text) && !CALENDAR_OPENING.test(text) && !PLACEHOLDER_IT.test(text);
}

/**
 * findPronounSpeaker returns where the sentence credits words to "he", "she" or "they" alone; null
 * if it does not, or if it names a person before the pronoun ("Mr Lee said … and he added …").
 */
export function findPronounSpeaker(text: string): PronounSpeaker | null {
  // Most sentences hold no he, she or they: a small test spares them the two large patterns.
  if (!ANY_SPEAKER_PRONOUN.test(text)) return null;
  const before = PRONOUN_BEFORE_VERB.exec(text);
  const after = before ? null : VERB_BEFORE_PRONOUN.exec(text);
  const match = before ?? after;
  if (!match) return null;
  const start = match.index + (match[1] ?? '').length;
  if (findPeople(text.slice(0, start)).length > 0) return null;
  const word = match[2] ?? '';
  return { pronoun: word.toLowerCase() as PronounSpeaker['pronoun'], start, end: start + word.length };
}

/** introducesList tells whether a sentence ends with a colon, so that its meaning is the list after it. */
export function introducesList(text: string): boolean {
  return LIST_INTRO.test(text);
}

/** What one article sentence needs from the summary to be read alone. */
export interface SentenceNeeds {
  /** The sentence before it must be chosen too (or the repair made). */
  previous: boolean;
  /** The sentence after it must be chosen too. */
  next: boolean;
  /** The repaired text for when the sentence before it is not chosen; null if none is possible. */
  repaired: string | null;
}

/** sentenceNeeds returns what sentence `index` of `texts` needs from a summary to stand alone. */
export function sentenceNeeds(texts: readonly string[], index: number): SentenceNeeds {
  const text = texts[index] ?? '';
  const next = introducesList(text) && index + 1 < texts.length;
  if (index === 0) return { previous: false, next, repaired: null };
  const leans = leansOnPrevious(text);
  // "But she said …" is first "She said …", then "[Ann Lee] said …".
  const rest = leans ? dropConnective(text) : text;
  if (rest === null) return { previous: true, next, repaired: null };
  const pronoun = findPronounSpeaker(rest) ?? findSubjectPronoun(rest);
  if (pronoun === null) {
    if (opensWithPointer(rest)) return { previous: true, next, repaired: null };
    return { previous: leans, next, repaired: leans ? rest : null };
  }
  // "It was, he said, …": the opening pointer is not the speaker, and no name repairs it.
  const pronounOpens = /^\W*$/.test(rest.slice(0, pronoun.start));
  if (!pronounOpens && opensWithPointer(rest)) return { previous: true, next, repaired: null };
  return { previous: true, next, repaired: repairPronoun(texts, index, rest, pronoun) };
}

/**
 * dropConnective returns the sentence without the connective that ties it to the one before
 * ("However, the board said no." gives "The board said no."; "The board, meanwhile, said no."
 * gives "The board said no."); null when there is none, when it opens a quotation (a quotation is
 * never altered), or when dropping it would change what the sentence says ("Otherwise …").
 */
export function dropConnective(text: string): string | null {
  const opening = DROPPABLE_OPENING.exec(text);
  if (opening) return capitalise(text.slice(opening[0].length));
  const inner = DROPPABLE_INNER.exec(text);
  if (inner) return `${inner[1] ?? ''} ${text.slice(inner[0].length)}`;
  return null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * findSubjectPronoun returns the "he" or "she" that opens a sentence of narrative ("He is working
 * with …"); null for any other opening, and inside a quotation, where the speaker's words are theirs.
 */
export function findSubjectPronoun(text: string): PronounSpeaker | null {
  const match = SUBJECT_PRONOUN.exec(text);
  if (!match) return null;
  const start = (match[1] ?? '').length;
  const word = match[2] ?? '';
  return { pronoun: word.toLowerCase() as PronounSpeaker['pronoun'], start, end: start + word.length };
}

// "[Tom Reilly] said": the brackets tell the reader the name is the summary's, not the article's.
function repairPronoun(texts: readonly string[], index: number, text: string, pronoun: PronounSpeaker): string | null {
  if (pronoun.pronoun === 'they') return null;
  const name = resolveSpeaker(texts, index, pronoun.pronoun);
  if (name === null) return null;
  return `${text.slice(0, pronoun.start)}[${name}]${text.slice(pronoun.end)}`;
}

/** contentSimilarity returns the Dice overlap of two sets of content words (0 to 1); 0 when either is tiny. */
export function contentSimilarity<Word>(a: ReadonlySet<Word>, b: ReadonlySet<Word>): number {
  if (a.size < NEAR_DUPLICATE_MIN_WORDS || b.size < NEAR_DUPLICATE_MIN_WORDS) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** A summary sentence that breaks a stand-alone rule. */
export interface StandAloneProblem {
  rule: StandAloneRuleName;
  /** The article index of the summary sentence. */
  index: number;
  text: string;
}

/**
 * findStandAloneProblems returns every sentence of `summary` (of the article whose sentence texts
 * are `texts`) that breaks a stand-alone rule: the check the dev-set script and the tests run.
 * A repaired sentence is checked as the summary gives it.
 */
export function findStandAloneProblems(
  texts: readonly string[],
  summary: readonly SummarySentence[],
): StandAloneProblem[] {
  const chosen = new Set(summary.map((entry) => entry.index));
  const problems: StandAloneProblem[] = [];
  const words = summary.map((entry) => contentWords(entry.text));
  summary.forEach((entry, position) => {
    const { index, text } = entry;
    const report = (rule: StandAloneRuleName) => problems.push({ rule, index, text });
    const hasPrevious = index === 0 || chosen.has(index - 1);
    if (!hasPrevious && findPronounSpeaker(text) !== null) report('pronoun-speaker');
    else if (!hasPrevious && (leansOnPrevious(text) || opensWithPointer(text))) report('dangling-opener');
    if (introducesList(text) && index + 1 < texts.length && !chosen.has(index + 1)) report('list-intro');
    const duplicate = words
      .slice(0, position)
      .some((other) => contentSimilarity(other, words[position] ?? new Set()) >= NEAR_DUPLICATE_SIMILARITY);
    if (duplicate) report('near-duplicate');
  });
  return problems;
}
