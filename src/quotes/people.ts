// The article's people: every capitalised run that reads as a name, with the
// roles written next to it, so short forms, roles and pronouns can find the
// fullest name the article gives.

import {
  afterOrganisationLabel,
  DETERMINERS,
  isCapitalized,
  isNameWord,
  NAME_WORDS_AT_SENTENCE_START,
  NAME_WORDS_IN_SENTENCE,
  PARTICLES,
  stripPossessive,
  type Token,
  type TrimmedName,
  trimName,
} from './chunker.js';
import { nth } from './nth.js';
import { isReportingForm } from './verbs.js';
import { MENTION_DEPTH } from './windows.js';
import {
  FEMALE_NOUNS,
  HONORIFICS,
  MALE_NOUNS,
  NEVER_SPEAKER_LEADS,
  NOT_NAME_WORDS,
  ORGANISATION_WORDS,
  PERSON_NOUNS,
  PERSON_ROLES,
  PHRASE_BREAKS,
  ROLE_WORDS,
  SKIPPABLE,
} from './words.js';

/** What an honorific or a pronoun tells about a person; null when nothing has. */
export type Gender = 'male' | 'female' | null;

/** One person the article names, by the fullest name it gives. */
export interface Person {
  name: string;
  surname: string;
  gender: Gender;
  /** Lowercase words the article puts next to the name: "trade", "secretary", "kansas", "star". */
  roles: Set<string>;
  /** The last word of each role, the noun it names them by: "secretary", "star". */
  heads: Set<string>;
  /** Forms the article uses for the person, as written. */
  forms: Set<string>;
  confirmed: boolean;
  /** The role as the article first writes it next to the name ("Russia's foreign minister"); null for none. */
  role: string | null;
}

/** One place the article names a person. */
export interface Mention {
  person: Person;
  /** Global token position. */
  position: number;
  /** True when the name opens its sentence's main clause, where a later "he" or "she" looks first. */
  subject: boolean;
}

/** People indexes the article's named people by surname, role and position. */
export class People {
  private bySurname = new Map<string, Person>();
  /** People by the full name as written, so two of one family stay two. */
  private byFullName = new Map<string, Person>();
  private byFirst = new Map<string, Person>();
  /** People by the head noun of their written roles: "secretary" → Patricia Hewitt. */
  private byHead = new Map<string, Set<Person>>();
  /** Capitalised runs by their initials, so "EOC" finds "Equal Opportunities Commission". */
  private acronyms = new Map<string, string>();
  mentions: Mention[] = [];
  /** Bodies by their kind word in lowercase: "commission" → the Federal Trade Commission, in article order. */
  private byKind = new Map<string, { name: string; position: number }[]>();
  /** Every word the article writes in lowercase: a capitalised common noun opening a sentence is one of these. */
  private lowercase = new Set<string>();

  constructor(tokens: Token[]) {
    for (const token of tokens)
      if (token.kind === 'word' && startsLowercase(token.text)) this.lowercase.add(token.text);
    let index = 0;
    while (index < tokens.length) {
      if (!isNameToken(tokens, index)) {
        index++;
        continue;
      }
      let end = index;
      while (
        end + 1 < tokens.length &&
        isNameToken(tokens, end + 1) &&
        nth(tokens, end + 1).sentence === nth(tokens, index).sentence
      )
        end++;
      const nickname = nicknameAfter(tokens, end);
      if (nickname > end) {
        // "Robert “Bobby” Lindqvist": the run goes on after the nickname, read without it.
        this.addName(
          tokens,
          [...tokens.slice(index, end + 1), ...tokens.slice(end + 2, nickname + 1)],
          index,
          nickname + 1,
        );
        index = nickname + 1;
        continue;
      }
      this.addRun(tokens, index, end);
      index = end + 1;
    }
    this.learnGenders(tokens);
  }

  // "Dana Reyes said she would stand again": in a sentence that names one person, a he or
  // she after the name tells the gender. A possessive does not ("Lind praised the athlete's
  // start and her nerve": the her is the athlete's), nor does a pronoun before the name
  // ("Her coach Aston Moore" is someone else's coach).
  private learnGenders(tokens: Token[]) {
    const gendered = new Map<number, { gender: 'male' | 'female'; position: number }[]>();
    // "Ken Ray, whose daughter is 12, said she …": the she after a gendered noun may be that noun's.
    const nouns = new Map<number, number[]>();
    tokens.forEach((token, position) => {
      if (token.kind !== 'word') return;
      const lower = token.text.toLowerCase();
      if (FEMALE_NOUNS.has(lower) || MALE_NOUNS.has(lower)) {
        const seen = nouns.get(token.sentence) ?? [];
        seen.push(position);
        nouns.set(token.sentence, seen);
      }
      const gender =
        lower === 'he' || lower === 'himself' ? 'male' : lower === 'she' || lower === 'herself' ? 'female' : null;
      if (!gender) return;
      const seen = gendered.get(token.sentence) ?? [];
      seen.push({ gender, position });
      gendered.set(token.sentence, seen);
    });
    let first = 0;
    while (first < this.mentions.length) {
      const sentence = nth(tokens, nth(this.mentions, first).position).sentence;
      let last = first;
      while (
        last + 1 < this.mentions.length &&
        nth(tokens, nth(this.mentions, last + 1).position).sentence === sentence
      )
        last++;
      const people = new Set(this.mentions.slice(first, last + 1).map((mention) => mention.person));
      const named = nth(this.mentions, first).position;
      const genders = new Set(
        (gendered.get(sentence) ?? [])
          .filter(
            (seen) =>
              seen.position > named &&
              !(nouns.get(sentence) ?? []).some((noun) => noun > named && noun < seen.position),
          )
          .map((seen) => seen.gender),
      );
      if (people.size === 1 && genders.size === 1) {
        const person = nth([...people], 0);
        person.gender ??= nth([...genders], 0);
      }
      first = last + 1;
    }
  }

  private addRun(tokens: Token[], first: number, last: number) {
    const run = tokens.slice(first, last + 1);
    this.addOrganisation(
      run.map((token) => stripPossessive(token.text)),
      first,
    );
    // Possessives end a name: "CNN’s Christiane Amanpour" holds two.
    let from = 0;
    for (let at = 0; at < run.length; at++) {
      if (/['’]s?$/.test(nth(run, at).text) && at < run.length - 1) {
        this.addName(tokens, run.slice(from, at + 1), first + from);
        from = at + 1;
      }
    }
    this.addName(tokens, run.slice(from), first + from);
  }

  private addName(tokens: Token[], run: Token[], position: number, after = position + run.length) {
    const words = run.map((token) => token.text);
    if (words.length >= 2) {
      const initials = words
        .filter((word) => /^\p{Lu}/u.test(word))
        .map((word) => word[0])
        .join('');
      if (!this.acronyms.has(initials)) this.acronyms.set(initials, words.map(stripPossessive).join(' '));
    }
    const labelled = afterOrganisationLabel(words);
    if (labelled === null) return;
    if (labelled.length < words.length) {
      this.addName(tokens, run.slice(words.length - labelled.length), position + words.length - labelled.length);
      return;
    }
    const opens = nth(run, 0).opens === true;
    const name = opens ? this.nameAtSentenceStart(words) : trimName(words, NAME_WORDS_IN_SENTENCE);
    if (!name) return;
    const before = tokens[position - 1];
    if (name.words.length < 2 && !name.honorific) {
      // A lone surname confirms the person it belongs to.
      const person = this.bySurname.get(stripPossessive(nth(name.words, 0)));
      if (person && (!before || !/^(?:the|The)$/.test(before.text))) {
        person.confirmed = true;
        this.mentions.push({ person, position, subject: isSubjectPosition(tokens, position) });
      }
      return;
    }
    const surname = stripPossessive(nth(name.words, name.words.length - 1));
    let person = this.bySurname.get(surname);
    // "Tobiah Marchbank" then "their son, Eli Marchbank": one surname, another first name, another person.
    if (person && name.words.length >= 2 && !samePerson(person.name, name.words))
      person = this.byFullName.get(name.words.map(stripPossessive).join(' '));
    if (!person && name.words.length === 1 && name.honorific && /^(?:Sir|Dame|Lord|Lady)$/.test(name.honorific)) {
      // "Sir Digby" after "Sir Digby Jones": a knight keeps his first name.
      person = this.byFirstName(surname) ?? undefined;
    }
    if (!person) {
      person = {
        name: '',
        surname,
        gender: null,
        roles: new Set(),
        heads: new Set(),
        forms: new Set(),
        confirmed: false,
        role: null,
      };
      this.bySurname.set(surname, person);
    }
    if (name.words.length >= 2) this.byFullName.set(name.words.map(stripPossessive).join(' '), person);
    const full = name.words.map(stripPossessive).join(' ');
    // "Pieter van Wyk" is Mr van Wyk: the particles belong to the surname.
    let particles = name.words.length - 1;
    while (particles > 1 && PARTICLES.has(nth(name.words, particles - 1))) particles--;
    if (particles < name.words.length - 1) person.forms.add(name.words.slice(particles).map(stripPossessive).join(' '));
    if (name.words.length >= 2 && full.split(' ').length > person.name.split(' ').filter(Boolean).length) {
      person.name = full;
      if (!this.byFirst.has(nth(name.words, 0))) this.byFirst.set(nth(name.words, 0), person);
    }
    if (name.honorific) {
      person.confirmed = true;
      person.forms.add(`${name.honorific} ${surname}`);
      person.gender ??= HONORIFICS.get(name.honorific) ?? null;
    }
    // The words written before the name in its phrase are its role ("economy minister").
    const roleWords: string[] = [];
    for (let at = position - 1; at >= 0 && at >= position - 6; at--) {
      const token = nth(tokens, at);
      if (token.kind !== 'word' || PHRASE_BREAKS.has(token.text) || DETERMINERS.has(token.text.toLowerCase())) break;
      if (
        NOT_NAME_WORDS.has(token.text) ||
        isReportingForm(token.text) ||
        SKIPPABLE.has(token.text) ||
        /ed$/.test(token.text)
      )
        break;
      // "Spain's Carlos Moya": the owner is not a role.
      if (/['’]s$/.test(token.text)) break;
      roleWords.unshift(token.text);
    }
    const ownRoles = words.slice(0, words.length - name.words.length - (name.honorific ? 1 : 0));
    this.addRole(person, [...roleWords, ...ownRoles]);
    // "Russia's foreign minister Sergey Lavrov": the role as written keeps its owner.
    const owner = tokens[position - roleWords.length - 1];
    const written = [
      ...(roleWords.length > 0 && owner?.kind === 'word' && /['’]s$/.test(owner.text) ? [owner.text] : []),
      ...roleWords,
      ...ownRoles,
    ];
    const appositive = appositiveRole(tokens, after);
    const described = describedBefore(tokens, position, after);
    person.role ??= roleText(written) ?? roleText(appositive) ?? roleText(described);
    // "rapper DJ Flint", "economy minister Heizo Takenaka": a person's role names a person.
    if (roleWords.length > 0 && PERSON_ROLES.has(nth(roleWords, roleWords.length - 1).toLowerCase()))
      person.confirmed = true;
    this.addRole(person, appositive);
    if (inPersonalApposition(tokens, position, after)) person.confirmed = true;
    this.mentions.push({ person, position, subject: isSubjectPosition(tokens, position) });
  }

  // A run that opens its sentence is capitalised from its first word, so "Chef Omar Haddad" may
  // be chef Omar Haddad. Three name words stay a name when a role word stands before them
  // ("Finance Minister Tobias Ekwueme Lind"), or when the first of them is no common noun: not in
  // the role tables, and never written in lowercase in the article ("Lisa Marie Delgado").
  private nameAtSentenceStart(words: string[]): TrimmedName | null {
    const short = trimName(words, NAME_WORDS_AT_SENTENCE_START);
    const long = trimName(words, NAME_WORDS_IN_SENTENCE);
    if (!long || !short || long.honorific || long.words.length <= short.words.length) return short;
    const opener = long.words.length === words.length;
    const first = stripPossessive(nth(long.words, 0));
    if (!opener || !this.isCommonWord(first)) return long;
    return short;
  }

  private isCommonWord(word: string): boolean {
    const lower = word.toLowerCase();
    return (
      ROLE_WORDS.has(word) ||
      PERSON_ROLES.has(lower) ||
      PERSON_NOUNS.has(lower) ||
      NOT_NAME_WORDS.has(word) ||
      this.lowercase.has(lower) ||
      this.lowercase.has(`${lower}s`) ||
      AGENT_NOUN.test(lower) ||
      // "Fly-half", "Co-founder": a compound with a lowercase part is a noun; "Jean-Luc" is a name.
      /-\p{Ll}/u.test(word)
    );
  }

  // "the Federal Trade Commission": a run that ends in a kind of body is that body, which a
  // later "the commission" names.
  private addOrganisation(words: string[], position: number) {
    const kind = words.at(-1) ?? '';
    if (words.length < 2 || !ORGANISATION_WORDS.has(kind)) return;
    const key = kind.toLowerCase();
    const named = this.byKind.get(key) ?? [];
    named.push({ name: words.join(' '), position });
    this.byKind.set(key, named);
  }

  /** organisationOfKind returns the body of that kind ("commission") named last before `position`, if any. */
  organisationOfKind(kind: string, position: number): string | null {
    const named = this.byKind.get(kind) ?? [];
    // Mentions are in article order; the last few are enough, which keeps this bounded.
    for (let at = named.length - 1; at >= 0 && at >= named.length - MENTION_DEPTH; at--) {
      const body = nth(named, at);
      if (body.position < position) return body.name;
    }
    return null;
  }

  private addRole(person: Person, role: string[]) {
    if (role.length === 0) return;
    for (const word of role) person.roles.add(stripPossessive(word).toLowerCase());
    // The head is the last noun before "of", "at" or "for": "chief executive of Passenger Focus".
    const linked = role.findIndex((word) => /^(?:of|at|for|with)$/.test(word));
    const head = stripPossessive(nth(role, (linked > 0 ? linked : role.length) - 1)).toLowerCase();
    person.heads.add(head);
    const holders = this.byHead.get(head) ?? new Set<Person>();
    holders.add(person);
    this.byHead.set(head, holders);
    person.forms.add(role.join(' '));
  }

  /** lookup returns the person a name or surname stands for, if the article introduced them. */
  lookup(words: string[]): Person | null {
    const surname = stripPossessive(words.at(-1) ?? '');
    const found =
      (words.length > 1 ? this.byFullName.get(words.map(stripPossessive).join(' ')) : undefined) ??
      this.bySurname.get(surname);
    if (words.length > 1) {
      // "Male MPs" is not "Women MPs": a full name must agree with the one on record.
      const full = words.map(stripPossessive).join(' ');
      return found && (found.name.endsWith(full) || full.endsWith(found.name)) ? found : null;
    }
    if (found?.name) return found;
    return this.byFirstName(surname) ?? found ?? null;
  }

  private byFirstName(first: string): Person | null {
    return this.byFirst.get(first) ?? null;
  }

  /** expand returns the full name an acronym stands for, if the article spells it out. */
  expand(acronym: string): string | null {
    return this.acronyms.get(acronym) ?? null;
  }

  confirm(person: Person) {
    person.confirmed = true;
  }

  /** roleHolders returns how many people the article gives a role whose head noun is `head`. */
  roleHolders(head: string): number {
    return this.byHead.get(head)?.size ?? 0;
  }

  /** byRole returns the person (or named pair, when `plural`) whose written role holds `head`, if exactly one has it. */
  byRole(head: string, modifiers: string[], plural = false): Person | null {
    let found: Person | null = null;
    const holders = this.byHead.get(head);
    // So many people with one role is no clue to any of them.
    if (!holders || holders.size > 50) return null;
    for (const person of holders) {
      if (!person.heads.has(head) || !modifiers.every((word) => person.roles.has(word))) continue;
      // "the artists" can only be a pair such as "Langlands & Bell".
      if (plural !== / (?:&|and) /.test(person.name)) continue;
      if (found && found !== person) return null;
      found = person;
    }
    return found;
  }

  /**
   * recent returns the most recent person mentioned before `position` that fits `gender`: in subject
   * position, if asked, and confirmed as a person (by an honorific, a lone surname or speech) unless
   * `unconfirmed` allows any two-word name.
   */
  recent(position: number, gender: 'male' | 'female' | null, subject = false, unconfirmed = false): Mention | null {
    let low = 0;
    let high = this.mentions.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (nth(this.mentions, middle).position < position) low = middle + 1;
      else high = middle;
    }
    for (let at = low - 1; at >= 0 && at >= low - MENTION_DEPTH; at--) {
      const mention = nth(this.mentions, at);
      if ((!unconfirmed && !mention.person.confirmed) || !mention.person.name || (subject && !mention.subject))
        continue;
      // An unconfirmed name that holds "Council" or "Trust" is a body, and "Housing Secretary" a title, not a person.
      if (
        !mention.person.confirmed &&
        mention.person.name.split(' ').some((word) => ORGANISATION_WORDS.has(word) || ROLE_WORDS.has(word))
      )
        continue;
      if (gender && mention.person.gender && mention.person.gender !== gender) continue;
      return mention;
    }
    return null;
  }
}

// "Anthony Smith, chief executive of Passenger Focus, said": the role set off after a name.
function appositiveRole(tokens: Token[], after: number): string[] {
  if (tokens[after]?.text !== ',') return [];
  const role: string[] = [];
  for (let at = after + 1; at < tokens.length && at <= after + 9; at++) {
    const token = nth(tokens, at);
    if (token.kind === 'punct' || token.sentence !== nth(tokens, after).sentence) break;
    if (token.kind !== 'word') return [];
    role.push(token.text);
  }
  const first = role[0] ?? '';
  // A role starts with a lowercase noun or a determiner: "a lawyer", "head of …", not "who" or a verb.
  if (
    role.length === 0 ||
    /^\p{Lu}/u.test(first) ||
    /^(?:who|which|that|and|but|said|says)$/.test(first) ||
    SKIPPABLE.has(first) ||
    isReportingForm(first)
  )
    return [];
  return DETERMINERS.has(first) ? role.slice(1) : role;
}

// The first name in a sentence, with no verb before it, is the sentence's subject.
function isSubjectPosition(tokens: Token[], position: number): boolean {
  const sentence = nth(tokens, position).sentence;
  // "City manager Paula Grant was furious": a capitalised owner before a role noun is part of the label.
  let role = false;
  for (let at = position - 1; at >= 0 && at >= position - 6; at--) {
    const token = nth(tokens, at);
    if (token.sentence !== sentence) return true;
    if (token.kind === 'quote') return false;
    if (token.text === ',' && afterOpeningAdverbial(tokens, at)) return true;
    if (token.kind !== 'word') continue;
    if (PERSON_ROLES.has(token.text)) {
      role = true;
      continue;
    }
    if (
      /^\p{Lu}/u.test(token.text) &&
      !role &&
      !NOT_NAME_WORDS.has(token.text) &&
      !ROLE_WORDS.has(stripPossessive(token.text))
    )
      return false;
    if (isReportingForm(token.text) || /ed$/.test(token.text) || PHRASE_BREAKS.has(token.text)) return false;
  }
  return tokens[position - 7]?.sentence !== sentence;
}

// "Tobiah Marchbank" and "T. Marchbank", "Crown Prince Frederik" and "Prince Frederik" are one
// person; "Eli Marchbank" is another.
function samePerson(known: string, written: string[]): boolean {
  const full = written.map(stripPossessive).join(' ');
  const first = nth(written, 0);
  if (known.split(' ').length < 2 || known.endsWith(full) || full.endsWith(known)) return true;
  const initial = /^\p{Lu}\.?$/u;
  return initial.test(first) || initial.test(known.split(' ')[0] ?? '') || known.split(' ')[0] === first;
}

// The last token of a name that goes on after a one-word quoted nickname ("Robert “Bobby”
// Lindqvist"); `end` itself when there is none.
function nicknameAfter(tokens: Token[], end: number): number {
  const quote = tokens[end + 1];
  if (quote?.kind !== 'quote' || !/^\p{Lu}\p{Ll}+$/u.test(quote.text) || !isNameToken(tokens, end + 2)) return end;
  let last = end + 2;
  while (last + 1 < tokens.length && isNameToken(tokens, last + 1) && nth(tokens, last + 1).sentence === quote.sentence)
    last++;
  return last;
}

/** Tokens an opening adverbial may take before its comma ("On the other side of the river,"). */
const ADVERBIAL_REACH = 8;

// "On the other side, Sharks coach Ann Rowe did not hide her anger": a comma that closes a
// phrase opening the sentence with a preposition or time word starts the main clause.
function afterOpeningAdverbial(tokens: Token[], comma: number): boolean {
  const sentence = nth(tokens, comma).sentence;
  for (let at = comma - 1; at >= 0 && at >= comma - ADVERBIAL_REACH; at--) {
    const token = nth(tokens, at);
    if (token.sentence !== sentence || token.kind !== 'word') return false;
    if (tokens[at - 1]?.sentence !== sentence) return NEVER_SPEAKER_LEADS.has(token.text.toLowerCase());
  }
  return false;
}

function isNameToken(tokens: Token[], at: number): boolean {
  const token = nth(tokens, at);
  if (token.kind !== 'word') return false;
  if (token.text === '&') return isCapitalized(tokens[at - 1]?.text ?? '') && isCapitalized(tokens[at + 1]?.text ?? '');
  if (PARTICLES.has(token.text)) return particleInName(tokens, at);
  if (!isNameWord(token.text)) return false;
  if (NOT_NAME_WORDS.has(token.text)) return false;
  return true;
}

/**
 * Endings of nouns for what someone does ("bassist", "promoter", "director", "guardian"): a
 * capitalised one opening a sentence is a role before a name. A few first names end so too
 * ("Peter John Smith"), and keep two words there, as every opening name did before.
 */
const AGENT_NOUN = /(?:ist|er|or|ian|ant|ent|ee|man|woman)$/;

/** Particles one surname may chain: "van der", "de la", "van den". */
const PARTICLE_CHAIN = 3;

// "Pieter van der Berg": a particle is part of a name when the run of particles it stands in
// has a capitalised word on each side.
function particleInName(tokens: Token[], at: number): boolean {
  let before = at - 1;
  while (before >= at - PARTICLE_CHAIN && PARTICLES.has(tokens[before]?.text ?? '')) before--;
  let after = at + 1;
  while (after <= at + PARTICLE_CHAIN && PARTICLES.has(tokens[after]?.text ?? '')) after++;
  return isCapitalized(tokens[before]?.text ?? '') && isCapitalized(tokens[after]?.text ?? '');
}

/** Tokens back from a name that a description in apposition before it may take ("Her opposite number, "). */
const APPOSITION_REACH = 6;

// "Her opposite number, James Porter, was unimpressed", "Porter, who chairs the board": a name
// set off after a description someone owns, or followed by "who", is a person, not a place or a firm.
function inPersonalApposition(tokens: Token[], first: number, end: number): boolean {
  const after = tokens[end];
  if (after?.text === ',' && tokens[end + 1]?.text.toLowerCase() === 'who') return true;
  if (tokens[first - 1]?.text !== ',' || after?.text !== ',') return false;
  let at = first - 2;
  while (at >= 0 && at >= first - 1 - APPOSITION_REACH && nth(tokens, at).kind === 'word') at--;
  const lead = tokens[at + 1];
  const sentence = nth(tokens, first).sentence;
  if (!lead || at + 1 > first - 2 || lead.sentence !== sentence) return false;
  const owned = /^(?:his|her|their|our|my|its)$/i.test(lead.text) || /['’]s$/.test(lead.text);
  const head = stripPossessive(nth(tokens, first - 2).text);
  if (owned && /^\p{Ll}/u.test(head)) return true;
  // "The Housing Secretary, Angela Rourke,": a role noun set before the name names a person.
  return /^(?:the|a|an)$/i.test(lead.text) && (PERSON_ROLES.has(head.toLowerCase()) || ROLE_WORDS.has(head));
}

// A role of lowercase words, or one that names its owner ("Russia's foreign minister"); never a lone capitalised word.
function roleText(words: readonly string[]): string | null {
  if (words.length === 0 || !words.some((word) => /^\p{Ll}/u.test(word))) return null;
  return words.join(' ').replace(/ ([’'])/g, '$1');
}

// "the party's leader, Claire Dubois, said": the description set before a name in apposition.
function describedBefore(tokens: Token[], first: number, end: number): string[] {
  if (tokens[first - 1]?.text !== ',' || tokens[end]?.text !== ',') return [];
  const words: string[] = [];
  for (let at = first - 2; at >= 0 && at >= first - 1 - APPOSITION_REACH; at--) {
    const token = nth(tokens, at);
    if (token.kind !== 'word' || token.sentence !== nth(tokens, first).sentence) break;
    if (isReportingForm(token.text) || PHRASE_BREAKS.has(token.text)) break;
    words.unshift(token.text);
    if (DETERMINERS.has(token.text.toLowerCase())) break;
  }
  const lead = words[0];
  if (lead === undefined || !/^\p{Ll}/u.test(nth(words, words.length - 1))) return [];
  return DETERMINERS.has(lead.toLowerCase()) ? [lead.toLowerCase(), ...words.slice(1)] : words;
}

const LOWER_A = 0x61;
const LOWER_Z = 0x7a;
const ASCII_END = 0x80;

// Whether a word opens with a lowercase letter: a character-code test for ASCII (nearly every
// word of English copy), the Unicode class only for the rest, on a million tokens at 5 MB.
function startsLowercase(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < ASCII_END) return code >= LOWER_A && code <= LOWER_Z;
  return /^\p{Ll}/u.test(word);
}
