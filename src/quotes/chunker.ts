// Reading the words around a quote: tokens, the noun phrases before and after a
// reporting verb, and what a phrase names (a person, an organisation, a role).
// Every reader looks at a bounded number of tokens, so attribution stays linear.

import { nth } from './nth.js';
import type { Token } from './tokens.js';
import { isReportingForm } from './verbs.js';
import {
  HONORIFICS,
  LY_NOUNS,
  NEVER_SPEAKER_LEADS,
  NOT_NAME_WORDS,
  ORGANISATION_LABELS,
  ORGANISATION_WORDS,
  PERSON_ROLES,
  PHRASE_BREAKS,
  PRONOUNS,
  ROLE_WORDS,
  ROYAL_TITLES,
  SKIPPABLE,
} from './words.js';

export type { Token } from './tokens.js';

/** Name particles that stay inside a name ("Nick Van den Brul", "Charles de Gaulle"). */
export const PARTICLES = new Set([
  'van',
  'von',
  'den',
  'der',
  'de',
  'da',
  'du',
  'del',
  'di',
  'le',
  'la',
  'al',
  'bin',
  'ibn',
  'el',
]);
/** Words that open a noun phrase. */
export const DETERMINERS = new Set([
  'a',
  'an',
  'the',
  'one',
  'another',
  'some',
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
]);
const SPEAKING_LINKS = new Set(['to', 'on', 'at', 'in', 'after', 'before', 'from', 'during', 'with', 'about', 'ahead']);

/** A run of word tokens, and where it starts in the token list. */
export interface Phrase {
  tokens: Token[];
  start: number;
}

/** isNameWord returns true for a capitalised word or a particle joined to one ("al-Amr", "el-Sayed", "van-Dijk"). */
export function isNameWord(word: string): boolean {
  if (/^\p{Lu}/u.test(word)) return true;
  const hyphen = word.indexOf('-');
  return hyphen > 0 && PARTICLES.has(word.slice(0, hyphen)) && /^\p{Lu}/u.test(word.slice(hyphen + 1));
}

/** isCapitalized returns true when the word starts with a capital letter or a digit. */
export function isCapitalized(word: string): boolean {
  return /^[\p{Lu}\d]/u.test(word);
}

/** isWord returns true when the token is a word (and, if given, that word, in any case). */
export function isWord(token: Token | undefined, text?: string): boolean {
  return token !== undefined && token.kind === 'word' && (text === undefined || token.text.toLowerCase() === text);
}

/** isCue returns true when the token at `at` is a reporting verb used as a verb. */
export function isCue(tokens: Token[], at: number): boolean {
  const token = nth(tokens, at);
  if (token.kind !== 'word') return false;
  const lower = token.text.toLowerCase();
  if (lower === 'according') return isWord(tokens[at + 1], 'to');
  if (lower === 'speaking') return isWord(tokens[at + 1]) && SPEAKING_LINKS.has(nth(tokens, at + 1).text.toLowerCase());
  // "United States", "Reports": a capitalised word is a name, not a verb.
  if (!isReportingForm(token.text)) return false;
  const previous = tokens[at - 1];
  // "an amber warning", "the report": after a determiner it is a noun.
  if (previous && DETERMINERS.has(previous.text.toLowerCase())) return false;
  // "…, telling people to": an -ing form is a cue only where a clause can start.
  if (/ing$/.test(token.text))
    return (
      previous?.kind !== 'word' ||
      /^(?:and|by|as|after|before|while|whilst|when|was|were|is|are|been|be|not)$/.test(previous.text) ||
      withNameBefore(tokens, at)
    );
  return true;
}

/** Words between "with" and its participle: "with Boswell stating", "with the union saying". */
const WITH_NAME_WORDS = 4;

// "…, with Boswell stating: …", "with the union saying": a subject after "with" makes the
// participle a reporting verb. The subject is a name, or a determiner and its noun.
function withNameBefore(tokens: Token[], verb: number): boolean {
  for (let at = verb - 1; at >= 0 && at >= verb - WITH_NAME_WORDS; at--) {
    const token = nth(tokens, at);
    // ", the government recommending": an absolute clause after a comma reads the same way.
    if (token.text === 'with' || token.text === ',') return at < verb - 1;
    if (token.kind !== 'word') return false;
    const lower = token.text.toLowerCase();
    if (isReportingForm(lower) || PHRASE_BREAKS.has(lower)) return false;
    if (!/^\p{Lu}/u.test(token.text) && !(DETERMINERS.has(lower) && /^(?:with|,)$/.test(tokens[at - 1]?.text ?? ''))) {
      // A lowercase noun counts only right after its determiner ("the union").
      if (!DETERMINERS.has(tokens[at - 1]?.text.toLowerCase() ?? '')) return false;
    }
  }
  return false;
}

/** stripPossessive returns the word without a trailing possessive ("Russia’s" → "Russia"). */
export function stripPossessive(word: string): string {
  return word.replace(/['’]s?$/, '');
}

/** A person's name without the role words before it, and its honorific, if any. */
export interface TrimmedName {
  words: string[];
  honorific: string | null;
}

/** Name words a run keeps when it opens its sentence ("Chef Omar Haddad" is chef Omar Haddad). */
export const NAME_WORDS_AT_SENTENCE_START = 2;
/** Name words a run keeps inside a sentence, where every capital is deliberate ("Mary Anne Wilson"). */
export const NAME_WORDS_IN_SENTENCE = 3;

/** A capitalised compound ending in a participle: "Leeds-based", "London-born", "Labour-run". */
const PARTICIPLE_COMPOUND = /^\p{Lu}\p{Ll}*-(?:\p{Ll}+ed|born|run|made|built)$/u;

/**
 * trimName returns the name in a capitalised run: "British foreign secretary Boris Johnson" →
 * Boris Johnson; "Mr Lavrov" → Lavrov with its honorific; "Crown Prince Frederik" keeps the royal title.
 * At most `most` name words are kept.
 */
export function trimName(run: string[], most = NAME_WORDS_AT_SENTENCE_START): TrimmedName | null {
  const words = run.filter((word) => word !== '');
  for (let at = words.length - 1; at >= 0; at--) {
    const honorific = nth(words, at);
    if (HONORIFICS.has(honorific) && at < words.length - 1) {
      return { words: words.slice(at + 1), honorific: honorific.replace(/\.$/, '') };
    }
  }
  const kept: string[] = [];
  let names = 0;
  for (let at = words.length - 1; at >= 0; at--) {
    const word = nth(words, at);
    const plain = stripPossessive(word);
    // "Nick Van den Brul": a particle inside a name is part of it, capitalised or not.
    const particle = PARTICLES.has(word) || (at > 0 && at < words.length - 1 && PARTICLES.has(word.toLowerCase()));
    if (particle || /^\p{Lu}\.?$/u.test(word) || word === '&') {
      kept.unshift(word);
      continue;
    }
    if (ROYAL_TITLES.has(plain) && kept.length > 0) {
      kept.unshift(word);
      continue;
    }
    // "Leeds-based", "London-born": a compound ending in a participle describes ("Jun-seo" is a name).
    if (kept.length > 0 && (ROLE_WORDS.has(plain) || NOT_NAME_WORDS.has(plain) || PARTICIPLE_COMPOUND.test(plain)))
      break;
    if (names >= most) {
      // "the United States Hamdullah Mohib": a run longer than a name holds something else
      // before it, and which words are the name is a guess: keep the safe two.
      if (most > NAME_WORDS_AT_SENTENCE_START) return trimName(run, NAME_WORDS_AT_SENTENCE_START);
      break;
    }
    kept.unshift(word);
    names++;
  }
  while (kept.length > 0 && (PARTICLES.has(nth(kept, 0)) || kept[0] === '&')) kept.shift();
  if (kept.length === 0) return null;
  return { words: kept, honorific: null };
}

/** subjectBefore returns the reporting verb's subject: the noun phrase that ends just before `verb`. */
export function subjectBefore(tokens: Token[], verb: number, floor: number): Phrase | null {
  let at = verb - 1;
  for (;;) {
    const token = tokens[at];
    if (at < floor || !token) return null;
    if (token.kind === 'word' && (SKIPPABLE.has(token.text) || isAdverb(token.text))) {
      at--;
    } else if (
      token.text === ',' &&
      tokens[at - 2]?.text === ',' &&
      isWord(tokens[at - 1]) &&
      (SKIPPABLE.has(nth(tokens, at - 1).text) || /ly$/.test(nth(tokens, at - 1).text))
    ) {
      // ", meanwhile," between a subject and its verb.
      at -= 3;
    } else {
      break;
    }
  }
  if (
    /ing$/.test(nth(tokens, verb).text) &&
    at === verb - 1 &&
    /^(?:as|while|whilst|after|before|by|when)$/.test(nth(tokens, at).text)
  ) {
    // "was quoted as saying", "said while announcing": the main clause's subject.
    return mainSubject(tokens, at, floor);
  }
  if (nth(tokens, at).text === ',' && /ing$/.test(nth(tokens, verb).text) && at === verb - 1) {
    // "He warned his supporters, saying: …": the participle shares the main clause's subject.
    return mainSubject(tokens, at, floor);
  }
  if (nth(tokens, at).text === ',') {
    // "David Frost, director general of the British Chambers of Commerce, warned".
    let comma = at - 1;
    while (
      comma >= floor &&
      comma >= at - 22 &&
      nth(tokens, comma).text !== ',' &&
      !/^[.;:!?]$/.test(nth(tokens, comma).text)
    )
      comma--;
    if (comma >= floor && nth(tokens, comma).text === ',' && comma < at - 1) {
      const apposition = nth(tokens, comma + 1).text === 'who' ? null : phraseBackward(tokens, at - 1, comma + 1);
      const main = phraseBackward(tokens, comma - 1, floor);
      if (main && nameOf(main)) return main;
      // "Sam Reid, 61, a retired baker, said": an age or a second apposition stands between the name and its verb.
      const earlier = earlierNamedPhrase(tokens, main, floor);
      if (earlier) return earlier;
      if (apposition && nameOf(apposition)) return apposition;
      return main ?? apposition;
    }
    return null;
  }
  if (nth(tokens, at).text === 'and' || nth(tokens, at).text === 'but') {
    // "Male MPs pretended to … and jeered": the first verb's subject opens the sentence.
    let start = at;
    while (start > floor && nth(tokens, start - 1).sentence === nth(tokens, at).sentence) start--;
    const opening = subjectAfterComma(tokens, start);
    const lead = (opening ? nth(opening.tokens, 0).text : '').toLowerCase() ?? '';
    return opening && (nameOf(opening) || PRONOUNS.has(lead) || DETERMINERS.has(lead)) ? opening : null;
  }
  const found = phraseBackward(tokens, at, floor);
  if (!found) return null;
  const phrase = beyondSetting(tokens, found, floor);
  const first = phrase.start;
  // "Colin Asplin, Blackpool Hotel Association said": the person before the organisation speaks.
  if (!nameOf(phrase) || isOrganisation(phrase)) {
    if (first > floor && nth(tokens, first - 1).text === ',') {
      const person = phraseBackward(tokens, first - 2, floor);
      const name = person && nameOf(person);
      if (person && name && (name.words.length >= 2 || name.honorific) && !isOrganisation(person)) {
        const start = person.start;
        if (start === floor || tokens[start - 1]?.sentence !== nth(tokens, start).sentence) return person;
      }
    }
  }
  return phrase;
}

// "the page initially described", "did literally say": a lowercase -ly word before a verb is an adverb.
function isAdverb(word: string): boolean {
  return /^\p{Ll}+ly$/u.test(word) && word.length > 4 && !LY_NOUNS.has(word);
}

/** Appositions set off by commas that may stand between a name and its verb ("Sam Reid, 61, a baker,"). */
const STACKED_APPOSITIONS = 2;

// The named phrase before one or more comma-set appositions, if the phrase before them is a name.
function earlierNamedPhrase(tokens: Token[], phrase: Phrase | null, floor: number): Phrase | null {
  let current = phrase;
  for (let step = 0; step < STACKED_APPOSITIONS && current; step++) {
    const before = current.start - 1;
    if (before <= floor || tokens[before]?.text !== ',') return null;
    current = phraseBackward(tokens, before - 1, floor);
    if (current && nameOf(current)) return current;
  }
  return null;
}

/** Words that open a sentence's opening phrase, before the comma that ends it. */
const OPENING_PHRASE_LEADS = new Set([
  'in',
  'on',
  'at',
  'after',
  'before',
  'during',
  'asked',
  'with',
  'for',
  'according',
]);

/** Prepositions that set a place or body after the noun that speaks: "Islanders on Rum", "a nurse at the clinic". */
const SETTING_LINKS = new Set(['on', 'in', 'at', 'near', 'outside', 'across']);

/** Past participles that set an agent after the noun that speaks: "a letter seen by Sky News says". */
const AGENT_PARTICIPLES = new Set([
  'seen',
  'written',
  'given',
  'sent',
  'obtained',
  'published',
  'signed',
  'issued',
  'leaked',
]);

// "Islanders on Rum said": the place is the setting, the noun before it the subject. "A letter
// seen by Sky News says": the agent of a participle is not the subject either.
function beyondSetting(tokens: Token[], phrase: Phrase, floor: number): Phrase {
  const agent = tokens[phrase.start - 1];
  const participle = tokens[phrase.start - 2];
  if (agent?.text === 'by' && participle && phrase.start - 3 >= floor && AGENT_PARTICIPLES.has(participle.text)) {
    const before = phraseBackward(tokens, phrase.start - 3, floor);
    if (before && nth(before.tokens, 0).sentence === agent.sentence) return before;
  }
  const link = tokens[phrase.start - 1];
  if (phrase.start - 2 < floor || !link || !SETTING_LINKS.has(link.text)) return phrase;
  const before = phraseBackward(tokens, phrase.start - 2, floor);
  if (!before || nth(before.tokens, 0).sentence !== link.sentence) return phrase;
  const lead = nth(before.tokens, 0).text.toLowerCase();
  if (isReportingForm(lead) || NEVER_SPEAKER_LEADS.has(lead)) return phrase;
  return { tokens: [...before.tokens, link, ...phrase.tokens], start: before.start };
}

/** mainSubject returns the subject that opens the sentence, after an opening phrase such as "In a statement,". */
export function mainSubject(tokens: Token[], before: number, floor: number): Phrase | null {
  let start = before;
  while (start > floor && nth(tokens, start - 1).sentence === nth(tokens, before).sentence) start--;
  let opening = subjectAfterComma(tokens, start);
  const lead = () => (opening ? nth(opening.tokens, 0).text : '').toLowerCase() ?? '';
  // "In a statement,", "Writing on his blog,", "According to the agency,": an opening phrase is never the subject.
  if (!opening || OPENING_PHRASE_LEADS.has(lead()) || isReportingForm(lead()) || /^\p{L}{3,}ing$/u.test(lead())) {
    let comma = start;
    while (comma < before && nth(tokens, comma).text !== ',') comma++;
    opening = comma < before ? subjectAfterComma(tokens, comma + 1) : null;
  }
  // "Ostravia's government", "the club's manager": a possessive owner opens a noun phrase as "the" does.
  const owned = /['’]s$/.test(lead()) && opening !== null && opening.tokens.length > 1;
  return opening && (nameOf(opening) || PRONOUNS.has(lead()) || DETERMINERS.has(lead()) || owned) ? opening : null;
}

/** isOrganisation returns true when the phrase holds a word that names an organisation. */
export function isOrganisation(phrase: Phrase): boolean {
  return phrase.tokens.some((token) => ORGANISATION_WORDS.has(stripPossessive(token.text)));
}

/** phraseBackward returns the noun phrase that ends at `last`, read back no further than `floor`. */
export function phraseBackward(tokens: Token[], last: number, floor: number): Phrase | null {
  let at = last;
  const token = tokens[at];
  if (!token || at < floor) return null;
  // "Russia – which often refers to": the relative pronoun stands for the phrase before it.
  if (token.kind === 'word' && /^(?:which|who)$/.test(token.text)) {
    at--;
    if (at >= floor && /^[,—–-]$/.test(nth(tokens, at).text)) at--;
    if (at < floor) return null;
  }
  // "Research by the EOC last year revealed": a time phrase is not part of the subject.
  if (
    at - 1 >= floor &&
    /^(?:year|week|month|night|weekend|summer|winter|spring|autumn)$/.test(nth(tokens, at).text) &&
    /^(?:last|this|next)$/.test(nth(tokens, at - 1).text)
  )
    at -= 2;
  const collected: Token[] = [];
  let start = at + 1;
  while (at >= floor && collected.length < 12) {
    const current = nth(tokens, at);
    if (current.kind !== 'word') break;
    const lower = current.text.toLowerCase();
    const capital = /^\p{Lu}/u.test(current.text);
    if (!capital && (PHRASE_BREAKS.has(current.text) || /^(?:how|what|why|despite|whether)$/.test(lower))) break;
    if (!capital && /ing$/.test(lower) && lower.length > 5) break;
    if (capital && NOT_NAME_WORDS.has(current.text) && !/^(?:The|A|An|One|Another|Some)$/.test(current.text)) {
      // "He" and "She" are subjects in their own right.
      if (collected.length === 0 && PRONOUNS.has(lower)) {
        collected.unshift(current);
        start = at;
      }
      break;
    }
    collected.unshift(current);
    start = at;
    if (PRONOUNS.has(lower)) break;
    // "one of her male colleagues", "a spokesman for the council": the phrase goes on past "of" and "for".
    if (DETERMINERS.has(lower) && !isWord(tokens[at - 1], 'of') && !isWord(tokens[at - 1], 'for')) break;
    at--;
  }
  if (collected.length === 0) return null;
  return { tokens: collected, start };
}

/** phraseForward returns the noun phrase that starts at `first`, read no further than `ceiling`. */
export function phraseForward(tokens: Token[], first: number, ceiling: number): Phrase | null {
  const collected: Token[] = [];
  for (let at = first; at <= ceiling && at < tokens.length && collected.length < 12; at++) {
    const token = nth(tokens, at);
    if (token.kind !== 'word') break;
    const lower = token.text.toLowerCase();
    const capital = /^\p{Lu}/u.test(token.text);
    if (
      collected.length === 0 &&
      !capital &&
      (PHRASE_BREAKS.has(lower) || SKIPPABLE.has(lower) || isReportingForm(lower))
    )
      return null;
    // "Richard and Judy executive producer Amanda Ross".
    if (
      lower === 'and' &&
      collected.length > 0 &&
      /^\p{Lu}/u.test(nth(collected, collected.length - 1).text) &&
      /^\p{Lu}/u.test(tokens[at + 1]?.text ?? '')
    ) {
      collected.push(token);
      continue;
    }
    if (
      collected.length > 0 &&
      !capital &&
      (PHRASE_BREAKS.has(lower) || lower === 'of' || isReportingForm(lower) || SKIPPABLE.has(lower))
    )
      break;
    if (collected.length > 0 && /^\p{Lu}/u.test(token.text) && NOT_NAME_WORDS.has(token.text)) break;
    collected.push(token);
    if (PRONOUNS.has(lower) && collected.length === 1) break;
  }
  return collected.length > 0 ? { tokens: collected, start: first } : null;
}

/** subjectAfterComma returns the subject starting at `first`: a name, or a possessive and its noun ("Syria's president"). */
export function subjectAfterComma(tokens: Token[], first: number): Phrase | null {
  const collected: Token[] = [];
  let lowercase = 0;
  for (let at = first; at < tokens.length && collected.length < 8; at++) {
    const token = nth(tokens, at);
    if (token.kind !== 'word') break;
    const lower = token.text.toLowerCase();
    if (/^\p{Lu}/u.test(token.text) && NOT_NAME_WORDS.has(token.text) && collected.length > 0) break;
    if (!/^\p{Lu}/u.test(token.text) && !DETERMINERS.has(lower)) {
      if (isReportingForm(lower) || SKIPPABLE.has(lower) || PHRASE_BREAKS.has(lower)) break;
      const previous = collected.at(-1);
      const afterPossessive = previous && /['’]s$/.test(previous.text);
      if (
        !afterPossessive &&
        lowercase === 0 &&
        collected.some((word) => /^\p{Lu}/u.test(word.text)) &&
        !(previous && DETERMINERS.has(previous.text.toLowerCase())) &&
        !labelsName(tokens, at)
      )
        break;
      // "the county's own inspection report": a possessive opens a new noun phrase, so its words count afresh.
      if (afterPossessive) lowercase = 0;
      // A lowercase word before "his", "the" or an -ed ending is the verb, not the noun.
      if (lowercase >= 3 || /ed$/.test(lower) || DETERMINERS.has(tokens[at + 1]?.text.toLowerCase() ?? '')) break;
      lowercase++;
    }
    collected.push(token);
    if (PRONOUNS.has(lower) && collected.length === 1) break;
  }
  return collected.length > 0 ? { tokens: collected, start: first } : null;
}

// "Campaign group Safer Screens", "Chelsea manager Tom Harker": after a capitalised word, one or
// two lowercase words ending in a role or organisation noun, then a name, are a label for that name.
function labelsName(tokens: Token[], at: number): boolean {
  for (let end = at; end <= at + 1; end++) {
    const token = tokens[end];
    if (token?.kind !== 'word' || !/^\p{Ll}/u.test(token.text)) return false;
    const lower = token.text.toLowerCase();
    if (isReportingForm(lower) || SKIPPABLE.has(lower) || PHRASE_BREAKS.has(lower) || DETERMINERS.has(lower))
      return false;
    const next = tokens[end + 1];
    if (
      (PERSON_ROLES.has(lower) || ORGANISATION_LABELS.has(lower)) &&
      next?.kind === 'word' &&
      next.sentence === token.sentence &&
      /^\p{Lu}/u.test(next.text) &&
      !NOT_NAME_WORDS.has(next.text)
    )
      return true;
  }
  return false;
}

/**
 * afterOrganisationLabel returns a capitalised run without the organisation that labels the name
 * after it ("Refugee Council Enver Solomon" → Enver Solomon); the run itself when it names no
 * organisation; null when the run is an organisation ("Met Office", "Xinhua News Agency").
 */
export function afterOrganisationLabel(run: string[]): string[] | null {
  let last = -1;
  run.forEach((word, index) => {
    if (ORGANISATION_WORDS.has(stripPossessive(word))) last = index;
  });
  if (last < 0) return run;
  const tail = run.slice(last + 1);
  // "Harbour Trust Kirsty Lamb", "City Council Member Rosa Delgado": two name words after the body's name.
  const names = tail.filter((word) => !PARTICLES.has(word) && !ROLE_WORDS.has(stripPossessive(word)));
  if (names.length < 2) return null;
  return tail;
}

/** nameOf returns the trailing capitalised run of a phrase when it reads as a person's name. */
export function nameOf(phrase: Phrase): TrimmedName | null {
  const words = phrase.tokens.map((token) => token.text);
  // "analyst Nick Van den Brul of BNP Paribas": the person comes before the affiliation.
  const of = words.findIndex(
    (word, index) =>
      (/^(?:of|from)$/.test(word) || SETTING_LINKS.has(word)) && index > 0 && /^\p{Lu}/u.test(nth(words, index - 1)),
  );
  if (of > 0) {
    // "Families of the victims" is a description, not a name; "chief executive of the Refugee
    // Council Enver Solomon" names its person after the organisation.
    const person = nameOf({ tokens: phrase.tokens.slice(0, of), start: phrase.start });
    if (person && (person.words.length >= 2 || person.honorific)) return person;
    const after = nameOf({ tokens: phrase.tokens.slice(of + 1), start: phrase.start + of + 1 });
    return after && after.words.length >= 2 && words.length - of - 1 > after.words.length ? after : null;
  }
  let first = words.length;
  while (
    first > 0 &&
    (isNameWord(nth(words, first - 1)) || PARTICLES.has(nth(words, first - 1)) || words[first - 1] === '&')
  )
    first--;
  const labelled = afterOrganisationLabel(words.slice(first));
  if (labelled === null) return null;
  first = words.length - labelled.length;
  const run = labelled;
  if (run.length === 0 || /^(?:The|A|An|One|Another|Some)$/.test(nth(run, 0))) return null;
  // "the United States", "islanders on Rum": a run after an article or a preposition is a thing or a place.
  if (first > 0 && (/^(?:the|of|for|a|an)$/i.test(nth(words, first - 1)) || SETTING_LINKS.has(nth(words, first - 1))))
    return null;
  const opens = nth(phrase.tokens, first).opens === true;
  const name = trimName(run, opens ? NAME_WORDS_AT_SENTENCE_START : NAME_WORDS_IN_SENTENCE);
  if (!name) return null;
  if (name.words.length === 1 && !name.honorific && /^\p{Lu}{2,}$/u.test(nth(name.words, 0))) return null;
  return name;
}

/** organisationName returns an organisation's capitalised name ("the official Xinhua News Agency" → "Xinhua News Agency"), or null. */
export function organisationName(words: string[]): string | null {
  // "a spokesman for the Local Government Association" is a person, described.
  if (/^(?:a|an|one)$/i.test(words[0] ?? '')) return null;
  let first = words.length;
  while (first > 0 && /^\p{Lu}/u.test(nth(words, first - 1)) && !NOT_NAME_WORDS.has(nth(words, first - 1))) first--;
  const run = words.slice(first);
  if (run.length === 0) return null;
  // "the PM" and "the MP" are people, not bodies.
  const acronym = run.length === 1 && /^\p{Lu}{2,}$/u.test(nth(run, 0)) && !PERSON_ROLES.has(nth(run, 0).toLowerCase());
  if (!acronym && !run.some((word) => ORGANISATION_WORDS.has(stripPossessive(word)))) return null;
  return run.join(' ');
}

/** trimDescription returns the phrase without leading lowercase words that are not a determiner ("convincing Russia" → "Russia"). */
export function trimDescription(words: string[]): string[] {
  let first = 0;
  while (
    first < words.length - 1 &&
    /^\p{Ll}/u.test(nth(words, first)) &&
    !DETERMINERS.has(nth(words, first)) &&
    !words.slice(first + 1).every((word) => /^\p{Ll}/u.test(word))
  )
    first++;
  return words.slice(first);
}

/** describe returns the phrase as a speaker description, a leading article in lowercase ("the Kremlin"). */
export function describe(words: string[]): string {
  const text = words.join(' ').replace(/ ([’'])/g, '$1');
  return text.replace(/^(The|A|An|Another|One|Some) /, (first) => first.toLowerCase());
}

// "according to the club's chief executive, Sarah Lin," and "said one pensioner,
// Mary Jones": a description followed by a name in apposition is that person.
export function namedApposition(tokens: Token[], phrase: Phrase | null, ceiling: number): Phrase | null {
  if (!phrase || nameOf(phrase)) return phrase;
  const comma = phrase.start + phrase.tokens.length;
  if (tokens[comma]?.text !== ',') return phrase;
  const apposition = phraseForward(tokens, comma + 1, ceiling);
  const name = apposition && nameOf(apposition);
  return apposition && name && name.words.length >= 2 ? apposition : phrase;
}

/**
 * canSpeak returns false for a phrase that cannot be a speaker however it was found: one opened by a
 * preposition or time word ("According", "In Leeds"), a lone participle ("Writing"), or a run that
 * holds a reporting verb of its own ("Officials tell BBC News every").
 */
export function canSpeak(words: readonly string[]): boolean {
  const lead = (words[0] ?? '').toLowerCase();
  if (lead === '' || NEVER_SPEAKER_LEADS.has(lead)) return false;
  if (words.length === 1 && (isReportingForm(lead) || /^\p{Lu}\p{Ll}+ing$/u.test(words[0] ?? ''))) return false;
  return !words.some((word, index) => index > 0 && isReportingForm(word));
}
