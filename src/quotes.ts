// Quotation extraction and speaker attribution. Spans come from quotes-spans.ts;
// this module reads the words around each span the way a news reader does:
// a reporting verb and its subject, a pronoun resolved to the person the
// article is talking about, a short form resolved to the fullest name the
// article gives, and quotes with no attribution of their own carried over from
// the quotes around them. Every look-around is bounded, so the work stays linear.
import { findQuoteSpans, type QuoteSpan } from './quotes-spans.js';
import {
  ORGANISATION_ROLES, SAYING_NOUNS, CUE_VERBS, HONORIFICS, LABEL_WORDS, NOT_NAME_WORDS, ORGANISATION_WORDS, PERSON_ROLES, PHRASE_BREAKS,
  PRONOUNS, ROLE_WORDS, ROYAL_TITLES, SKIPPABLE, TITLE_WORDS,
} from './quotes-words.js';
import type { Article, Quote, QuoteKind, Sentence } from './types.js';

type Gender = 'male' | 'female' | null;

interface Token {
  kind: 'word' | 'punct' | 'quote';
  text: string;
  /** Offset in the paragraph. */
  start: number;
  /** Global sentence index. */
  sentence: number;
  /** Index into the quote list, for quote tokens. */
  quote: number;
  /** Global sentence index of the closing mark, for quote tokens; `sentence` otherwise. */
  last: number;
}

interface Person {
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
}

interface Mention {
  person: Person;
  /** Global token position. */
  position: number;
  /** True when the name opens its sentence's main clause, where a later "he" or "she" looks first. */
  subject: boolean;
}

interface Speaker {
  name: string;
  aliases: string[];
  person: Person | null;
  /** True for a named person, found in the article's people or not. */
  named: boolean;
  /** True for a named organisation ("Brightwave", "Met Office"), which "the company" may stand for. */
  organisation?: boolean;
}

interface Attribution {
  speaker: Speaker | null;
  cue: string | null;
  /** False when the phrase was a pronoun or role that found nobody to stand for. */
  found: boolean;
}

interface Draft {
  /** Position in the article's quote list. */
  index: number;
  span: QuoteSpan;
  paragraph: number;
  sentence: number;
  /** Index of the quote's token in the article's token list. */
  token: number;
  quote: Quote;
  fragment: boolean;
}

interface Phrase {
  tokens: Token[];
}

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}’'.\-]*[\p{L}\p{N}])?[’']?|&|[,;:!?.()\[\]—–-]/gu;
const PUNCTUATION = ',;:!?.()[]—–-';
const WINDOW = 40;
const PARTICLES = new Set(['van', 'von', 'den', 'der', 'de', 'da', 'du', 'del', 'di', 'le', 'la', 'al', 'bin', 'ibn', 'el']);
const DETERMINERS = new Set(['a', 'an', 'the', 'one', 'another', 'some', 'his', 'her', 'its', 'their', 'our', 'my']);
const SPEAKING_LINKS = new Set(['to', 'on', 'at', 'in', 'after', 'before', 'from', 'during', 'with', 'about', 'ahead']);

/** extractQuotes returns every double-quoted span of the article, in article order, with its speaker. */
export function extractQuotes(article: Article): Quote[] {
  const drafts: Draft[] = [];
  const tokens: Token[] = [];
  const byParagraph: Sentence[][] = article.paragraphs.map(() => []);
  for (const sentence of article.sentences) byParagraph[sentence.paragraph]?.push(sentence);
  article.paragraphs.forEach((text, paragraph) => {
    const sentences = byParagraph[paragraph]!;
    if (sentences.length === 0) return;
    const from = paragraph === 0 ? article.datelineLength : 0;
    const spans = findQuoteSpans(text, from);
    let sentenceCursor = 0;
    const sentenceAt = (offset: number) => {
      while (sentenceCursor + 1 < sentences.length && sentences[sentenceCursor + 1]!.start <= offset) sentenceCursor++;
      return sentences[sentenceCursor]!;
    };
    let offset = from;
    const addWords = (end: number) => {
      WORD.lastIndex = offset;
      for (let match = WORD.exec(text); match && match.index < end; match = WORD.exec(text)) {
        if (match.index + match[0].length > end) break;
        const start = match.index;
        const kind = match[0].length === 1 && PUNCTUATION.includes(match[0]) ? 'punct' : 'word';
        const index = sentenceAt(start).index;
        tokens.push({ kind, text: match[0], start, sentence: index, quote: -1, last: index });
      }
    };
    for (const span of spans) {
      addWords(span.open);
      const sentence = sentenceAt(span.open);
      const quoteText = text.slice(span.start, span.end);
      const quote: Quote = {
        text: quoteText, speaker: null, context: sentence.text, kind: 'speech', cue: null,
        sentence: sentence.index, paragraph, start: span.start, end: span.end,
      };
      // The sentences the quote covers are skipped, so words after it find their own sentence.
      const last = sentenceAt(Math.max(span.close - 1, span.open)).index;
      tokens.push({ kind: 'quote', text: quoteText, start: span.open, sentence: sentence.index, quote: drafts.length, last });
      drafts.push({ index: drafts.length, span, paragraph, sentence: sentence.index, token: tokens.length - 1, quote, fragment: isFragment(text, span) });
      offset = span.close;
    }
    addWords(text.length);
  });
  if (drafts.length === 0) return [];
  markContinuations(article, drafts);
  attribute(tokens, drafts);
  shareContinuationSpeakers(drafts);
  return drafts.map((draft) => draft.quote);
}

// Newspaper convention: a quote that runs over paragraphs leaves each paragraph
// open and reopens the next one. One-sentence-per-line text does the same per line.
function markContinuations(article: Article, drafts: Draft[]) {
  const sentenceStarts = new Set(article.sentences.map((sentence) => `${sentence.paragraph}:${sentence.start}`));
  for (let index = 0; index + 1 < drafts.length; index++) {
    const draft = drafts[index]!;
    const next = drafts[index + 1]!;
    if (draft.span.closed || !sentenceStarts.has(`${next.paragraph}:${next.span.open}`)) continue;
    const atParagraphEnd = draft.span.close === article.paragraphs[draft.paragraph]!.length && next.paragraph === draft.paragraph + 1;
    const reopened = next.paragraph === draft.paragraph && draft.span.close === next.span.open;
    if (atParagraphEnd || reopened) draft.quote.continues = true;
  }
}

// One quote over several paragraphs has one speaker: the one its attributed part names.
function shareContinuationSpeakers(drafts: Draft[]) {
  let first = 0;
  while (first < drafts.length) {
    let last = first;
    while (drafts[last]!.quote.continues && last + 1 < drafts.length) last++;
    const chain = drafts.slice(first, last + 1);
    const named = chain.find((draft) => draft.quote.cue !== null && draft.quote.speaker !== null && !draft.fragment);
    if (named && chain.length > 1) {
      for (const draft of chain) {
        if (draft.quote.cue !== null || draft.quote.kind !== 'speech') continue;
        draft.quote.speaker = named.quote.speaker;
        if (named.quote.aliases) draft.quote.aliases = named.quote.aliases;
      }
    }
    first = last + 1;
  }
}

/** matchesSpeaker returns true when `name` is the quote's speaker by full name or by a form the article uses for them. */
export function matchesSpeaker(quote: Quote, name: string): boolean {
  const wanted = normalizeName(name);
  if (wanted === '' || quote.speaker === null) return false;
  return [quote.speaker, ...(quote.aliases ?? [])].some((form) => normalizeName(form) === wanted);
}

function normalizeName(name: string): string {
  let text = name.normalize('NFKC').replace(/[’‘]/g, "'").toLowerCase().replace(/\s+/g, ' ').trim();
  text = text.replace(/^the /, '').replace(/'s?$/, '');
  const honorific = /^(?:mr|mrs|ms|miss|dr|sir|lord|lady|prof|professor|dame|rev|revd)\.? /.exec(text);
  if (honorific) text = text.slice(honorific[0].length);
  return text;
}

// A fragment is a phrase set in a sentence ("accused X of “lies”") rather than a
// quoted sentence; fragments need a cue of their own and are never carried over.
function isFragment(text: string, span: QuoteSpan): boolean {
  const words = text.slice(span.start, span.end);
  if (/[.!?…]["'”’]?$/.test(words) && /^[\p{Lu}\d'‘]/u.test(words)) return false;
  if (/^[\p{Lu}\d'‘]/u.test(words) && /[,;:]$/.test(words)) return false;
  let before = span.open - 1;
  while (before >= 0 && /\s/.test(text[before]!)) before--;
  const leadsSentence = before < 0 || /[:.!?"”]/.test(text[before]!);
  const wordCount = words.split(/\s+/).length;
  return !(leadsSentence && /^[\p{Lu}\d'‘]/u.test(words) && wordCount >= 3);
}

function isCapitalized(word: string): boolean {
  return /^[\p{Lu}\d]/u.test(word);
}

function isWord(token: Token | undefined, text?: string): boolean {
  return token !== undefined && token.kind === 'word' && (text === undefined || token.text.toLowerCase() === text);
}

function isCue(tokens: Token[], at: number): boolean {
  const token = tokens[at]!;
  if (token.kind !== 'word') return false;
  const lower = token.text.toLowerCase();
  if (lower === 'according') return isWord(tokens[at + 1], 'to');
  if (lower === 'speaking') return isWord(tokens[at + 1]) && SPEAKING_LINKS.has(tokens[at + 1]!.text.toLowerCase());
  // "United States", "Reports": a capitalised word is a name, not a verb.
  if (!CUE_VERBS.has(token.text)) return false;
  const previous = tokens[at - 1];
  // "an amber warning", "the report": after a determiner it is a noun.
  if (previous && DETERMINERS.has(previous.text.toLowerCase())) return false;
  // "…, telling people to": an -ing form is a cue only where a clause can start.
  if (/ing$/.test(token.text)) return !previous || previous.kind !== 'word' || /^(?:and|by|as|after|before|while|when|was|were|is|are|been|be|not)$/.test(previous.text);
  return true;
}

function stripPossessive(word: string): string {
  return word.replace(/['’]s?$/, '');
}

// The article's people: every capitalised run that reads as a name, with the
// roles written next to it, so short forms and pronouns can find the full name.
class People {
  private bySurname = new Map<string, Person>();
  /** Capitalised runs by their initials, so "EOC" finds "Equal Opportunities Commission". */
  private acronyms = new Map<string, string>();
  mentions: Mention[] = [];

  constructor(tokens: Token[]) {
    let index = 0;
    while (index < tokens.length) {
      if (!isNameToken(tokens, index)) {
        index++;
        continue;
      }
      let end = index;
      while (end + 1 < tokens.length && isNameToken(tokens, end + 1) && tokens[end + 1]!.sentence === tokens[index]!.sentence) end++;
      this.addRun(tokens, index, end);
      index = end + 1;
    }
  }

  private addRun(tokens: Token[], first: number, last: number) {
    const run = tokens.slice(first, last + 1);
    // Possessives end a name: "CNN’s Christiane Amanpour" holds two.
    let from = 0;
    for (let at = 0; at < run.length; at++) {
      if (/['’]s?$/.test(run[at]!.text) && at < run.length - 1) {
        this.addName(tokens, run.slice(from, at + 1), first + from);
        from = at + 1;
      }
    }
    this.addName(tokens, run.slice(from), first + from);
  }

  private addName(tokens: Token[], run: Token[], position: number) {
    const words = run.map((token) => token.text);
    if (words.length >= 2) {
      const initials = words.filter((word) => /^\p{Lu}/u.test(word)).map((word) => word[0]).join('');
      if (!this.acronyms.has(initials)) this.acronyms.set(initials, words.map(stripPossessive).join(' '));
    }
    if (words.some((word) => ORGANISATION_WORDS.has(stripPossessive(word)))) return;
    const name = trimName(words);
    if (!name) return;
    const before = tokens[position - 1];
    if (name.words.length < 2 && !name.honorific) {
      // A lone surname confirms the person it belongs to.
      const person = this.bySurname.get(stripPossessive(name.words[0]!));
      if (person && (!before || !/^(?:the|The)$/.test(before.text))) {
        person.confirmed = true;
        this.mentions.push({ person, position, subject: isSubjectPosition(tokens, position) });
      }
      return;
    }
    const surname = stripPossessive(name.words.at(-1)!);
    let person = this.bySurname.get(surname);
    if (!person && name.words.length === 1 && name.honorific && /^(?:Sir|Dame|Lord|Lady)$/.test(name.honorific)) {
      // "Sir Digby" after "Sir Digby Jones": a knight keeps his first name.
      person = this.byFirstName(surname) ?? undefined;
    }
    if (!person) {
      person = { name: '', surname, gender: null, roles: new Set(), heads: new Set(), forms: new Set(), confirmed: false };
      this.bySurname.set(surname, person);
    }
    const full = name.words.map(stripPossessive).join(' ');
    if (name.words.length >= 2 && full.split(' ').length > person.name.split(' ').filter(Boolean).length) person.name = full;
    if (name.honorific) {
      person.confirmed = true;
      person.forms.add(`${name.honorific} ${surname}`);
      person.gender ??= HONORIFICS.get(name.honorific) ?? null;
    }
    // The words written before the name in its phrase are its role ("economy minister").
    const roleWords: string[] = [];
    for (let at = position - 1; at >= 0 && at >= position - 6; at--) {
      const token = tokens[at]!;
      if (token.kind !== 'word' || PHRASE_BREAKS.has(token.text) || DETERMINERS.has(token.text.toLowerCase())) break;
      if (NOT_NAME_WORDS.has(token.text) || CUE_VERBS.has(token.text) || SKIPPABLE.has(token.text) || /ed$/.test(token.text)) break;
      roleWords.unshift(token.text);
    }
    const ownRoles = words.slice(0, words.length - name.words.length - (name.honorific ? 1 : 0));
    const role = [...roleWords, ...ownRoles];
    for (const word of role) person.roles.add(stripPossessive(word).toLowerCase());
    if (role.length > 0) person.heads.add(stripPossessive(role.at(-1)!).toLowerCase());
    if (role.length > 0) person.forms.add(role.join(' '));
    this.mentions.push({ person, position, subject: isSubjectPosition(tokens, position) });
  }

  /** lookup returns the person a name or surname stands for, if the article introduced them. */
  lookup(words: string[]): Person | null {
    const surname = stripPossessive(words.at(-1) ?? '');
    const found = this.bySurname.get(surname);
    if (words.length > 1) {
      // "Male MPs" is not "Women MPs": a full name must agree with the one on record.
      const full = words.map(stripPossessive).join(' ');
      return found && (found.name.endsWith(full) || full.endsWith(found.name)) ? found : null;
    }
    if (found?.name) return found;
    return this.byFirstName(surname) ?? found ?? null;
  }

  private byFirstName(first: string): Person | null {
    for (const person of this.bySurname.values()) if (person.name.split(' ')[0] === first) return person;
    return null;
  }

  /** expand returns the full name an acronym stands for, if the article spells it out. */
  expand(acronym: string): string | null {
    return this.acronyms.get(acronym) ?? null;
  }

  confirm(person: Person) {
    person.confirmed = true;
  }

  /** byRole returns the person (or named pair, when `plural`) whose written role holds `head`, if exactly one has it. */
  byRole(head: string, modifiers: string[], plural = false): Person | null {
    let found: Person | null = null;
    for (const person of this.bySurname.values()) {
      if (!person.heads.has(head) || !modifiers.every((word) => person.roles.has(word))) continue;
      // "the artists" can only be a pair such as "Langlands & Bell".
      if (plural !== / (?:&|and) /.test(person.name)) continue;
      if (found && found !== person) return null;
      found = person;
    }
    return found;
  }

  /** recent returns the most recent confirmed person mentioned before `position` that fits `gender` (in subject position, if asked). */
  recent(position: number, gender: 'male' | 'female' | null, subject = false): Mention | null {
    let low = 0;
    let high = this.mentions.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.mentions[middle]!.position < position) low = middle + 1;
      else high = middle;
    }
    for (let at = low - 1; at >= 0 && at >= low - 60; at--) {
      const mention = this.mentions[at]!;
      if (!mention.person.confirmed || !mention.person.name || (subject && !mention.subject)) continue;
      if (gender && mention.person.gender && mention.person.gender !== gender) continue;
      return mention;
    }
    return null;
  }
}

// The first name in a sentence, with no verb before it, is the sentence's subject.
function isSubjectPosition(tokens: Token[], position: number): boolean {
  const sentence = tokens[position]!.sentence;
  for (let at = position - 1; at >= 0 && at >= position - 6; at--) {
    const token = tokens[at]!;
    if (token.sentence !== sentence) return true;
    if (token.kind === 'quote') return false;
    if (token.kind !== 'word') continue;
    if (/^\p{Lu}/u.test(token.text) && !NOT_NAME_WORDS.has(token.text) && !ROLE_WORDS.has(stripPossessive(token.text))) return false;
    if (CUE_VERBS.has(token.text) || /ed$/.test(token.text) || PHRASE_BREAKS.has(token.text)) return false;
  }
  return tokens[position - 7]?.sentence !== sentence;
}

function isNameToken(tokens: Token[], at: number): boolean {
  const token = tokens[at]!;
  if (token.kind !== 'word') return false;
  if (token.text === '&') return isCapitalized(tokens[at - 1]?.text ?? '') && isCapitalized(tokens[at + 1]?.text ?? '');
  if (PARTICLES.has(token.text)) return isCapitalized(tokens[at - 1]?.text ?? '') && isCapitalized(tokens[at + 1]?.text ?? '');
  if (!/^\p{Lu}/u.test(token.text)) return false;
  if (NOT_NAME_WORDS.has(token.text)) return false;
  return true;
}

interface TrimmedName {
  words: string[];
  honorific: string | null;
}

// "British foreign secretary Boris Johnson" → Boris Johnson; "Mr Lavrov" → Lavrov
// with its honorific; "Crown Prince Frederik" keeps the royal title.
function trimName(run: string[]): TrimmedName | null {
  const words = run.filter((word) => word !== '');
  for (let at = words.length - 1; at >= 0; at--) {
    const honorific = words[at]!;
    if (HONORIFICS.has(honorific) && at < words.length - 1) {
      return { words: words.slice(at + 1), honorific: honorific.replace(/\.$/, '') };
    }
  }
  const kept: string[] = [];
  let names = 0;
  for (let at = words.length - 1; at >= 0; at--) {
    const word = words[at]!;
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
    if (names >= 2 || (kept.length > 0 && ROLE_WORDS.has(plain))) break;
    kept.unshift(word);
    names++;
  }
  while (kept.length > 0 && (PARTICLES.has(kept[0]!) || kept[0] === '&')) kept.shift();
  if (kept.length === 0) return null;
  return { words: kept, honorific: null };
}

// The noun phrase that ends just before `verb`: the reporting verb's subject.
function subjectBefore(tokens: Token[], verb: number, floor: number): Phrase | null {
  let at = verb - 1;
  for (;;) {
    const token = tokens[at];
    if (at < floor || !token) return null;
    if (token.kind === 'word' && SKIPPABLE.has(token.text)) {
      at--;
    } else if (token.text === ',' && tokens[at - 2]?.text === ',' && isWord(tokens[at - 1]) &&
      (SKIPPABLE.has(tokens[at - 1]!.text) || /ly$/.test(tokens[at - 1]!.text))) {
      // ", meanwhile," between a subject and its verb.
      at -= 3;
    } else {
      break;
    }
  }
  if (/ing$/.test(tokens[verb]!.text) && at === verb - 1 && /^(?:as|while|after|before|by|when)$/.test(tokens[at]!.text)) {
    // "was quoted as saying", "said while announcing": the main clause's subject.
    return mainSubject(tokens, at, floor);
  }
  if (tokens[at]!.text === ',' && /ing$/.test(tokens[verb]!.text) && at === verb - 1) {
    // "He warned his supporters, saying: …": the participle shares the main clause's subject.
    return mainSubject(tokens, at, floor);
  }
  if (tokens[at]!.text === ',') {
    // "David Frost, director general of the British Chambers of Commerce, warned".
    let comma = at - 1;
    while (comma >= floor && comma >= at - 22 && tokens[comma]!.text !== ',' && !/^[.;:!?]$/.test(tokens[comma]!.text)) comma--;
    if (comma >= floor && tokens[comma]!.text === ',' && comma < at - 1) {
      const apposition = tokens[comma + 1]!.text === 'who' ? null : phraseBackward(tokens, at - 1, comma + 1);
      const main = phraseBackward(tokens, comma - 1, floor);
      if (main && nameOf(main)) return main;
      if (apposition && nameOf(apposition)) return apposition;
      return main ?? apposition;
    }
    return null;
  }
  if (tokens[at]!.text === 'and' || tokens[at]!.text === 'but') {
    // "Male MPs pretended to … and jeered": the first verb's subject opens the sentence.
    let start = at;
    while (start > floor && tokens[start - 1]!.sentence === tokens[at]!.sentence) start--;
    const opening = subjectAfterComma(tokens, start);
    const lead = opening?.tokens[0]!.text.toLowerCase() ?? '';
    return opening && (nameOf(opening) || PRONOUNS.has(lead) || DETERMINERS.has(lead)) ? opening : null;
  }
  const phrase = phraseBackward(tokens, at, floor);
  if (!phrase) return null;
  const first = tokens.indexOf(phrase.tokens[0]!, Math.max(0, at - 14));
  // "Colin Asplin, Blackpool Hotel Association said": the person before the organisation speaks.
  if (!nameOf(phrase) || isOrganisation(phrase)) {
    if (first > floor && tokens[first - 1]!.text === ',') {
      const person = phraseBackward(tokens, first - 2, floor);
      const name = person && nameOf(person);
      if (person && name && (name.words.length >= 2 || name.honorific) && !isOrganisation(person)) {
        const start = tokens.indexOf(person.tokens[0]!, Math.max(0, first - 16));
        if (start === floor || tokens[start - 1]?.sentence !== tokens[start]!.sentence) return person;
      }
    }
  }
  return phrase;
}

// The subject that opens the sentence, after an opening phrase such as "In a statement,".
function mainSubject(tokens: Token[], before: number, floor: number): Phrase | null {
  let start = before;
  while (start > floor && tokens[start - 1]!.sentence === tokens[before]!.sentence) start--;
  let opening = subjectAfterComma(tokens, start);
  const lead = () => opening?.tokens[0]!.text.toLowerCase() ?? '';
  if (!opening || /^(?:in|on|at|after|before|during|speaking|asked|with|for)$/.test(lead())) {
    let comma = start;
    while (comma < before && tokens[comma]!.text !== ',') comma++;
    opening = comma < before ? subjectAfterComma(tokens, comma + 1) : null;
  }
  return opening && (nameOf(opening) || PRONOUNS.has(lead()) || DETERMINERS.has(lead())) ? opening : null;
}

function isOrganisation(phrase: Phrase): boolean {
  return phrase.tokens.some((token) => ORGANISATION_WORDS.has(stripPossessive(token.text)));
}

function phraseBackward(tokens: Token[], last: number, floor: number): Phrase | null {
  let at = last;
  const token = tokens[at];
  if (!token || at < floor) return null;
  // "Russia – which often refers to": the relative pronoun stands for the phrase before it.
  if (token.kind === 'word' && /^(?:which|who)$/.test(token.text)) {
    at--;
    if (at >= floor && /^[,—–-]$/.test(tokens[at]!.text)) at--;
    if (at < floor) return null;
  }
  // "Research by the EOC last year revealed": a time phrase is not part of the subject.
  if (at - 1 >= floor && /^(?:year|week|month|night|weekend|summer|winter|spring|autumn)$/.test(tokens[at]!.text) &&
    /^(?:last|this|next)$/.test(tokens[at - 1]!.text)) at -= 2;
  const collected: Token[] = [];
  while (at >= floor && collected.length < 12) {
    const current = tokens[at]!;
    if (current.kind !== 'word') break;
    const lower = current.text.toLowerCase();
    const capital = /^\p{Lu}/u.test(current.text);
    if (!capital && (PHRASE_BREAKS.has(current.text) || /^(?:how|what|why|despite|whether)$/.test(lower))) break;
    if (!capital && /ing$/.test(lower) && lower.length > 5) break;
    if (capital && NOT_NAME_WORDS.has(current.text) && !/^(?:The|A|An|One|Another|Some)$/.test(current.text)) {
      // "He" and "She" are subjects in their own right.
      if (collected.length === 0 && PRONOUNS.has(lower)) collected.unshift(current);
      break;
    }
    collected.unshift(current);
    if (PRONOUNS.has(lower)) break;
    if (DETERMINERS.has(lower)) {
      if (!isWord(tokens[at - 1], 'of')) break;
    }
    at--;
  }
  if (collected.length === 0) return null;
  return { tokens: collected };
}

function phraseForward(tokens: Token[], first: number, ceiling: number): Phrase | null {
  const collected: Token[] = [];
  for (let at = first; at <= ceiling && at < tokens.length && collected.length < 12; at++) {
    const token = tokens[at]!;
    if (token.kind !== 'word') break;
    const lower = token.text.toLowerCase();
    const capital = /^\p{Lu}/u.test(token.text);
    if (collected.length === 0 && !capital && (PHRASE_BREAKS.has(lower) || SKIPPABLE.has(lower) || CUE_VERBS.has(lower))) return null;
    // "Richard and Judy executive producer Amanda Ross".
    if (lower === 'and' && collected.length > 0 && /^\p{Lu}/u.test(collected.at(-1)!.text) && /^\p{Lu}/u.test(tokens[at + 1]?.text ?? '')) {
      collected.push(token);
      continue;
    }
    if (collected.length > 0 && !capital && (PHRASE_BREAKS.has(lower) || lower === 'of' || CUE_VERBS.has(lower) || SKIPPABLE.has(lower))) break;
    if (collected.length > 0 && /^\p{Lu}/u.test(token.text) && NOT_NAME_WORDS.has(token.text)) break;
    collected.push(token);
    if (PRONOUNS.has(lower) && collected.length === 1) break;
  }
  return collected.length > 0 ? { tokens: collected } : null;
}

// The subject after "Speaking to CNN, ": a name, or a possessive and its noun ("Syria's president").
function subjectAfterComma(tokens: Token[], first: number): Phrase | null {
  const collected: Token[] = [];
  let lowercase = 0;
  for (let at = first; at < tokens.length && collected.length < 8; at++) {
    const token = tokens[at]!;
    if (token.kind !== 'word') break;
    const lower = token.text.toLowerCase();
    if (/^\p{Lu}/u.test(token.text) && NOT_NAME_WORDS.has(token.text) && collected.length > 0) break;
    if (!/^\p{Lu}/u.test(token.text) && !DETERMINERS.has(lower)) {
      if (CUE_VERBS.has(lower) || SKIPPABLE.has(lower) || PHRASE_BREAKS.has(lower)) break;
      const previous = collected.at(-1);
      const afterPossessive = previous && /['’]s$/.test(previous.text);
      if (!afterPossessive && lowercase === 0 && collected.some((word) => /^\p{Lu}/u.test(word.text)) && !DETERMINERS.has(previous!.text.toLowerCase())) break;
      // A lowercase word before "his", "the" or an -ed ending is the verb, not the noun.
      if (lowercase >= 2 || /ed$/.test(lower) || DETERMINERS.has(tokens[at + 1]?.text.toLowerCase() ?? '')) break;
      lowercase++;
    }
    collected.push(token);
    if (PRONOUNS.has(lower) && collected.length === 1) break;
  }
  return collected.length > 0 ? { tokens: collected } : null;
}

// The trailing capitalised run of a phrase when it reads as a person's name.
function nameOf(phrase: Phrase): TrimmedName | null {
  let words = phrase.tokens.map((token) => token.text);
  // "analyst Nick Van den Brul of BNP Paribas": the person comes before the affiliation.
  const of = words.findIndex((word, index) => /^(?:of|at|from)$/.test(word) && index > 0 && /^\p{Lu}/u.test(words[index - 1]!));
  if (of > 0) {
    // "Families of the victims" is a description, not a name.
    const person = nameOf({ tokens: phrase.tokens.slice(0, of) });
    return person && (person.words.length >= 2 || person.honorific) ? person : null;
  }
  let first = words.length;
  while (first > 0 && (/^\p{Lu}/u.test(words[first - 1]!) || PARTICLES.has(words[first - 1]!) || words[first - 1] === '&')) first--;
  const run = words.slice(first);
  if (run.length === 0 || /^(?:The|A|An|One|Another|Some)$/.test(run[0]!)) return null;
  if (run.some((word) => ORGANISATION_WORDS.has(stripPossessive(word)))) return null;
  if (first > 0 && /^(?:the|of|for|a|an)$/i.test(words[first - 1]!)) return null;
  const name = trimName(run);
  if (!name) return null;
  if (name.words.length === 1 && !name.honorific && /^\p{Lu}{2,}$/u.test(name.words[0]!)) return null;
  return name;
}

class Attributor {
  private people: People;
  private tokens: Token[];
  /** Who spoke, in article order: the speakers of quotes and of reported speech. */
  private history: { speaker: Speaker; position: number; sentence: number }[] = [];

  constructor(tokens: Token[]) {
    this.tokens = tokens;
    this.people = new People(tokens);
  }

  /** speakerOf turns a subject phrase into a speaker: pronouns and short forms resolved. */
  speakerOf(phrase: Phrase, position: number): Speaker | null {
    const words = phrase.tokens.map((token) => token.text);
    const last = words.at(-1)!.toLowerCase();
    const pronoun = PRONOUNS.get(last);
    if (pronoun && words.length === 1) return this.resolvePronoun(pronoun, position);
    const name = nameOf(phrase);
    if (name && !name.words.some((word) => ORGANISATION_WORDS.has(stripPossessive(word)))) {
      const person = this.people.lookup(name.words);
      if (person && person.name) {
        this.people.confirm(person);
        return this.personSpeaker(person);
      }
      const written = name.words.map(stripPossessive).join(' ');
      const named = name.words.length >= 2 || name.honorific !== null;
      return { name: written, aliases: [words.join(' ')], person: null, named, organisation: !named };
    }
    const organisation = organisationName(words);
    if (organisation) {
      const expanded = /^\p{Lu}{2,}$/u.test(organisation) ? this.people.expand(organisation) : null;
      return { name: expanded ?? organisation, aliases: [words.join(' '), organisation], person: null, named: false, organisation: true };
    }
    const description = describe(trimDescription(words));
    const head = stripPossessive(words.at(-1)!).toLowerCase();
    const plural = /[^s]s$/.test(head);
    if (/^the$/i.test(words[0]!) && /^[\p{Ll}\d]/u.test(words.at(-1)!)) {
      // "the minister", "the artists", "The Kansas star": whom the article gave that role, else the person it is about.
      const modifiers = words.slice(1, -1).map((word) => stripPossessive(word).toLowerCase()).filter((word) => !/^(?:of|the|and)$/.test(word));
      // "the 27-year-old" is always a person.
      // "the club's chief executive" belongs to the club, not to whoever was last named.
      const owned = words.some((word) => /['’]s$/.test(word));
      const recent = !owned && (PERSON_ROLES.has(head) || /^\d+-year-old$/.test(head)) ? this.people.recent(position, null)?.person ?? null : null;
      // "A Post Office spokesman said …" then "the spokesman said": the same unnamed speaker.
      const described = (!owned && ORGANISATION_ROLES.has(head) ? this.organisationFor(position, head, description) : null) ??
        this.recentDescription(position, head);
      if (described) return described;
      const person = this.people.byRole(head, modifiers, plural) ?? this.people.byRole(head, [], plural) ?? recent;
      if (person && person.name) {
        const speaker = this.personSpeaker(person);
        speaker.aliases.push(description);
        return speaker;
      }
      // "the company", "the firm": the organisation that last spoke.
      if (!owned && words.length === 2 && ORGANISATION_ROLES.has(head)) {
        const organisation = this.recentOrganisation(position, head);
        if (organisation) return { name: organisation.name, aliases: [...organisation.aliases, description], person: null, named: false };
      }
    }
    return { name: description, aliases: [description.replace(/^(?:the|a|an) /i, '')], person: null, named: false };
  }

  private personSpeaker(person: Person): Speaker {
    return { name: person.name, aliases: [person.surname, ...person.forms], person, named: true };
  }

  private fits(speaker: Speaker, gender: 'male' | 'female'): boolean {
    const known = speaker.person?.gender;
    return !known || known === gender;
  }

  // "he" and "she" look first to someone who spoke earlier in the same sentence,
  // then to the more recent of the last speaker and the last sentence subject,
  // then to any person named before.
  private resolvePronoun(gender: 'male' | 'female' | 'plural' | 'neuter', position: number): Speaker | null {
    const sentence = this.tokens[position]?.sentence ?? 0;
    const previous = this.history.at(-1);
    if (gender === 'plural' || gender === 'neuter') return previous?.speaker ?? null;
    let spoke: { speaker: Speaker; position: number; sentence: number } | undefined;
    for (let at = this.history.length - 1; at >= 0 && at >= this.history.length - 8; at--) {
      const entry = this.history[at]!;
      if (entry.position < position && this.fits(entry.speaker, gender)) {
        spoke = entry;
        break;
      }
    }
    if (spoke && spoke.sentence === sentence) return this.learn(spoke.speaker, gender);
    const subject = this.people.recent(position, gender, true);
    const spokeRecently = spoke && sentence - spoke.sentence <= 3 ? spoke : undefined;
    const subjectRecently = subject && sentence - this.tokens[subject.position]!.sentence <= 3 ? subject : undefined;
    if (spokeRecently && (!subjectRecently || spokeRecently.position >= subjectRecently.position)) return this.learn(spokeRecently.speaker, gender);
    if (subjectRecently) return this.learn(this.personSpeaker(subjectRecently.person), gender);
    const mention = this.people.recent(position, gender);
    if (mention) return this.learn(this.personSpeaker(mention.person), gender);
    return spoke?.speaker ?? previous?.speaker ?? null;
  }

  private learn(speaker: Speaker, gender: 'male' | 'female'): Speaker {
    if (speaker.person) speaker.person.gender ??= gender;
    return speaker;
  }

  /** fromCue returns the speaker a reporting verb at `verb` gives, reading its subject; null when it has none. */
  fromCue(verb: number, floor: number, ceiling: number): Attribution | null {
    const tokens = this.tokens;
    const word = tokens[verb]!.text;
    const lower = word.toLowerCase();
    let phrase: Phrase | null = null;
    if (lower === 'according') {
      phrase = phraseForward(tokens, verb + 2, ceiling);
      // "according to the club's chief executive, Sarah Lin,": the name in apposition.
      const comma = verb + 2 + (phrase?.tokens.length ?? 0);
      if (phrase && tokens[comma]?.text === ',') {
        const apposition = phraseForward(tokens, comma + 1, ceiling);
        const name = apposition && nameOf(apposition);
        if (apposition && name && name.words.length >= 2) phrase = apposition;
      }
    } else if (lower === 'speaking') {
      let comma = verb + 1;
      while (comma <= ceiling && comma < verb + 15 && tokens[comma]!.text !== ',' && tokens[comma]!.kind !== 'quote') comma++;
      if (comma <= ceiling && tokens[comma]?.text === ',') phrase = subjectAfterComma(tokens, comma + 1);
    } else {
      const previous = tokens[verb - 1];
      // `"…," said Mr Stone` and `…, said Mr Thomas.`: the subject comes after the verb.
      if (verb === floor || previous?.kind === 'quote' || previous?.text === ',') {
        const after = phraseForward(tokens, verb + 1, ceiling);
        const following = after ? tokens[verb + 1 + after.tokens.length] : undefined;
        const bare = after !== null && DETERMINERS.has(after.tokens.at(-1)!.text.toLowerCase());
        const ends = !bare && (!following || following.sentence !== tokens[verb]!.sentence || following.kind === 'punct' ||
          (following.kind === 'word' && /^(?:who|in|on|at|of|from|after|before|when|as|to)$/.test(following.text)));
        if (after && ends && (nameOf(after) || /^\p{Lu}/u.test(after.tokens[0]!.text) || PRONOUNS.has(after.tokens[0]!.text.toLowerCase()) || DETERMINERS.has(after.tokens[0]!.text.toLowerCase()))) {
          phrase = after;
        }
      }
      phrase ??= subjectBefore(tokens, verb, floor);
    }
    if (!phrase) return null;
    const position = tokens.indexOf(phrase.tokens[0]!, Math.max(0, verb - 40));
    const speaker = this.speakerOf(phrase, position < 0 ? verb : position);
    if (!speaker) return null;
    return { speaker, cue: lower === 'according' ? 'according to' : word, found: true };
  }

  private organisationFor(position: number, head: string, description: string): Speaker | null {
    const organisation = this.recentOrganisation(position, head);
    return organisation && { ...organisation, aliases: [...organisation.aliases, description] };
  }

  private recentDescription(position: number, head: string): Speaker | null {
    const sentence = this.tokens[position]?.sentence ?? 0;
    for (let at = this.history.length - 1; at >= 0 && at >= this.history.length - 8; at--) {
      const entry = this.history[at]!;
      if (sentence - entry.sentence > 6) break;
      if (!entry.speaker.named && /^(?:a|an|one) /i.test(entry.speaker.name) && entry.speaker.name.toLowerCase().endsWith(` ${head}`)) return entry.speaker;
    }
    return null;
  }

  private recentOrganisation(position: number, head: string): Speaker | null {
    const sentence = this.tokens[position]?.sentence ?? 0;
    for (let at = this.history.length - 1; at >= 0 && at >= this.history.length - 8; at--) {
      const entry = this.history[at]!;
      if (sentence - entry.sentence > 6) break;
      if (!entry.speaker.organisation) continue;
      // "the club" is not the Football Association: a name that says what it is must agree.
      const words = entry.speaker.name.split(' ');
      const kind = words.find((word) => ORGANISATION_WORDS.has(word));
      if (!kind || kind.toLowerCase() === head) return entry.speaker;
      return null;
    }
    return null;
  }

  record(speaker: Speaker, sentence: number, position: number) {
    this.history.push({ speaker, position, sentence });
  }

  /** recentSpeaker returns whoever spoke at most `distance` sentences before `sentence`. */
  recentSpeaker(sentence: number, distance: number): Speaker | null {
    const last = this.history.at(-1);
    return last && sentence - last.sentence <= distance ? last.speaker : null;
  }

  /** recentPerson returns the person last named in the `distance` sentences before `position`. */
  recentPerson(position: number, distance: number): Speaker | null {
    const mention = this.people.recent(position, null, true) ?? this.people.recent(position, null);
    if (!mention) return null;
    const sentence = this.tokens[position]!.sentence;
    return sentence - this.tokens[mention.position]!.sentence <= distance ? this.personSpeaker(mention.person) : null;
  }

  lastSpeaker(): Speaker | null {
    return this.history.at(-1)?.speaker ?? null;
  }
}

// "convincing Russia" → "Russia": drop leading lowercase words that are not a determiner.
// "the official Xinhua News Agency" → "Xinhua News Agency"; "the EOC" → "EOC": an
// organisation is named by its capitalised run.
function organisationName(words: string[]): string | null {
  let first = words.length;
  while (first > 0 && /^\p{Lu}/u.test(words[first - 1]!) && !NOT_NAME_WORDS.has(words[first - 1]!)) first--;
  const run = words.slice(first);
  if (run.length === 0) return null;
  const acronym = run.length === 1 && /^\p{Lu}{2,}$/u.test(run[0]!);
  if (!acronym && !run.some((word) => ORGANISATION_WORDS.has(stripPossessive(word)))) return null;
  return run.join(' ');
}

function trimDescription(words: string[]): string[] {
  let first = 0;
  while (first < words.length - 1 && /^\p{Ll}/u.test(words[first]!) && !DETERMINERS.has(words[first]!) &&
    !words.slice(first + 1).every((word) => /^\p{Ll}/u.test(word))) first++;
  return words.slice(first);
}

function describe(words: string[]): string {
  const text = words.join(' ').replace(/ ([’'])/g, '$1');
  return text.replace(/^(The|A|An|Another|One|Some) /, (first) => first.toLowerCase());
}

function attribute(tokens: Token[], drafts: Draft[]) {
  const attributor = new Attributor(tokens);
  // Quotes with no attribution of their own, waiting for one named after them.
  let pending: { draft: Draft; fallback: Speaker | null }[] = [];
  let quoteIndex = 0;
  let sentenceStart = 0;

  const assign = (draft: Draft, speaker: Speaker | null) => {
    draft.quote.speaker = speaker?.name ?? null;
    if (speaker) draft.quote.aliases = [...new Set(speaker.aliases.filter((alias) => alias && alias !== speaker.name))];
    else delete draft.quote.aliases;
  };
  const settlePending = () => {
    for (const waiting of pending) {
      assign(waiting.draft, waiting.fallback);
      if (waiting.fallback) attributor.record(waiting.fallback, waiting.draft.sentence, waiting.draft.token);
    }
    pending = [];
  };

  // Sentence by sentence (a quote's sentence runs to the one holding its closing
  // mark), so narrative cues ("She said ministers would…") keep track of who is talking.
  while (sentenceStart < tokens.length) {
    let sentenceEnd = sentenceStart;
    let lastSentence = tokens[sentenceStart]!.last;
    while (sentenceEnd + 1 < tokens.length && tokens[sentenceEnd + 1]!.sentence <= lastSentence) {
      sentenceEnd++;
      lastSentence = Math.max(lastSentence, tokens[sentenceEnd]!.last);
    }
    const quotesHere: Draft[] = [];
    while (quoteIndex < drafts.length && drafts[quoteIndex]!.token <= sentenceEnd) quotesHere.push(drafts[quoteIndex++]!);
    const firstQuote = quotesHere[0]?.token ?? sentenceEnd + 1;

    // The main clause's speaker: the first reporting verb before any quote.
    let main: { speaker: Speaker; position: number } | null = null;
    for (let at = sentenceStart; at < firstQuote && at < sentenceStart + 60; at++) {
      if (!isCue(tokens, at) || !isTalker(tokens, at)) continue;
      const attribution = attributor.fromCue(at, sentenceStart, Math.min(sentenceEnd, at + WINDOW));
      if (attribution?.speaker) {
        main = { speaker: attribution.speaker, position: at };
        break;
      }
    }
    if (main) {
      if (pending.length > 0 && quotesHere.length === 0) settlePending();
      attributor.record(main.speaker, tokens[main.position]!.sentence, main.position);
    }

    for (const draft of quotesHere) {
      const floor = Math.max(sentenceStart, draft.token - WINDOW);
      const ceiling = Math.min(sentenceEnd, draft.token + WINDOW);
      const label = labelKind(tokens, draft);
      if (label) {
        draft.quote.kind = label;
        continue;
      }
      const found = explicitAttribution(tokens, attributor, draft, floor, ceiling);
      if (found) {
        draft.quote.cue = found.cue;
        assign(draft, found.speaker);
        if (found.speaker) {
          // Quotes waiting for a speaker named after them ("…," said Greene, lines later).
          const lastWaiting = pending.at(-1);
          if (lastWaiting && !draft.fragment && found.cue !== 'according to' && draft.sentence - tokens[lastWaiting.draft.token]!.last <= 1) {
            for (const waiting of pending) assign(waiting.draft, found.speaker);
            pending = [];
          }
          settlePending();
          attributor.record(found.speaker, draft.sentence, draft.token);
        }
        continue;
      }
      if (draft.fragment) {
        const subject = verbLikeQuote(tokens, attributor, draft);
        if (subject) {
          assign(draft, subject);
          attributor.record(subject, draft.sentence, draft.token);
        } else {
          draft.quote.kind = 'scare';
        }
        continue;
      }
      const lastWaiting = pending.at(-1);
      if (lastWaiting && draft.sentence - tokens[lastWaiting.draft.token]!.last > 1) settlePending();
      const carried = pending.length > 0 ? null : attributor.recentSpeaker(draft.sentence, 2);
      const continued = !draft.span.closed && nextOpensSoon(drafts, draft);
      if (carried && !continued) {
        assign(draft, carried);
        attributor.record(carried, draft.sentence, draft.token);
      } else {
        const fallback = carried ?? pending.at(-1)?.fallback ?? attributor.recentPerson(draft.token, 2) ?? attributor.lastSpeaker();
        assign(draft, fallback);
        pending.push({ draft, fallback });
      }
    }
    // "Gillian Shepherd remembered how a colleague called women “Betty”": the next
    // unattributed quote is still the main speaker's.
    if (main && quotesHere.length > 0 && main.speaker.named && quotesHere.every((draft) => draft.token > main!.position)) {
      attributor.record(main.speaker, tokens[main.position]!.sentence, main.position);
    }
    sentenceStart = sentenceEnd + 1;
  }
  settlePending();
}

// An unclosed quote whose paragraph the next quote reopens shares that quote's speaker.
function nextOpensSoon(drafts: Draft[], draft: Draft): boolean {
  const next = drafts[draft.index + 1];
  return next !== undefined && next.sentence - draft.sentence <= 2;
}

// "Richard Thomas “totally condemned” the deletion": a quoted verb phrase right after a named subject.
function verbLikeQuote(tokens: Token[], attributor: Attributor, draft: Draft): Speaker | null {
  const before = tokens[draft.token - 1];
  if (!before || before.kind !== 'word' || !/^\p{Lu}/u.test(before.text)) return null;
  const phrase = phraseBackward(tokens, draft.token - 1, Math.max(0, draft.token - 8));
  const name = phrase && nameOf(phrase);
  if (!phrase || !name || (name.words.length < 2 && !name.honorific) || isOrganisation(phrase)) return null;
  const start = draft.token - phrase.tokens.length;
  if (start > 0 && tokens[start - 1]!.sentence === draft.sentence) return null;
  return attributor.speakerOf(phrase, start);
}

// A narrative cue tells who is talking only when it is a verb of saying, not "calls for a shift".
function isTalker(tokens: Token[], verb: number): boolean {
  return !/^(?:calls?|shows?|showed|continues?|continued|agreed?)$/.test(tokens[verb]!.text);
}

function labelKind(tokens: Token[], draft: Draft): QuoteKind | null {
  if (!draft.fragment) return null;
  const before = tokens[draft.token - 1];
  if (!before || before.kind !== 'word') return null;
  const lower = before.text.toLowerCase();
  if (TITLE_WORDS.has(lower)) return 'title';
  // "a report, called “Counting the Cost”": a capitalised name of several words is a title.
  const words = draft.quote.text.split(/\s+/);
  if ((lower === 'called' || lower === 'named') && words.length >= 2 &&
    words.filter((word) => /^\p{Lu}/u.test(word)).length * 2 > words.length && /^\p{Lu}/u.test(words.at(-1)!)) return 'title';
  if (LABEL_WORDS.has(lower)) return 'scare';
  if ((lower === 'as' || lower === 'the') && LABEL_WORDS.has(tokens[draft.token - 2]?.text.toLowerCase() ?? '')) return 'scare';
  // "the study "Whose Secretary are You"": a capitalised phrase named by the noun before it.
  if (/^(?:study|report|book|film|album|song|programme|program|show|series|campaign|play|novel|survey|paper|documentary|exhibition|single)$/.test(lower) &&
    /^\p{Lu}/u.test(draft.quote.text)) return 'title';
  return null;
}

// The attribution in the quote's own sentence: `"…," said X`, `"…," X said`,
// `X said: "…"`, `X accused Y of "…"`, `"…" — X`, `according to X`, `Speaking to …, X …`.
function explicitAttribution(tokens: Token[], attributor: Attributor, draft: Draft, floor: number, ceiling: number): Attribution | null {
  let according: Attribution | null = null;
  const take = (verb: number, from: number, to: number): Attribution | null => {
    const attribution = attributor.fromCue(verb, from, to);
    if (attribution && tokens[verb]!.text === 'according') {
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
    ? before() ?? attributionAfter(tokens, attributor, draft, ceiling)
    : attributionAfter(tokens, attributor, draft, ceiling) ?? before();
  if (found) return found;
  if (!draft.fragment && tokens[draft.token - 1]?.text === ':') {
    // "Mrs Bell was more blunt: “…”": a named subject introduces the quote.
    const subject = mainSubject(tokens, draft.token - 1, floor);
    if (subject && (nameOf(subject) || PRONOUNS.has(subject.tokens[0]!.text.toLowerCase()))) {
      const speaker = attributor.speakerOf(subject, tokens.indexOf(subject.tokens[0]!, floor));
      if (speaker) return { speaker, cue: null, found: true };
    }
  }
  // Later in the sentence: `was "too unlikely", Mr Beith said`, `"shocking" …, a new study shows`.
  for (let verb = draft.token + 1; verb <= ceiling; verb++) {
    if (tokens[verb]!.kind === 'quote' && !draft.fragment) break;
    if (!isCue(tokens, verb)) continue;
    const comma = tokens.lastIndexOf(tokens.slice(draft.token + 1, verb).findLast((token) => token.text === ',') ?? tokens[0]!, verb);
    if (comma <= draft.token) continue;
    const attribution = take(verb, comma + 1, ceiling);
    if (attribution) return attribution;
  }
  if (according || !draft.fragment) return according;
  // "recent comments in a major Chinese newspaper that the “time is ripe”": a noun of saying and its source.
  for (let noun = draft.token - 2; noun >= floor && noun >= draft.token - 16; noun--) {
    if (!SAYING_NOUNS.has(tokens[noun]!.text) || !/^(?:in|by|from)$/.test(tokens[noun + 1]!.text)) continue;
    const phrase = phraseForward(tokens, noun + 2, draft.token - 1);
    const speaker = phrase && attributor.speakerOf(phrase, noun + 2);
    if (speaker) return { speaker, cue: null, found: true };
  }
  return null;
}

// Right after the quote: `"…," said X`, `"…," X said`, `"…" — X`.
function attributionAfter(tokens: Token[], attributor: Attributor, draft: Draft, ceiling: number): Attribution | null {
  const at = draft.token;
  let next = at + 1;
  while (next <= ceiling && /^[,—–-]$/.test(tokens[next]!.text) && next < at + 3) next++;
  if (next > ceiling || tokens[next]!.kind !== 'word') return null;
  if (/^[—–-]$/.test(tokens[at + 1]!.text)) {
    const phrase = phraseForward(tokens, next, ceiling);
    const after = phrase ? tokens[next + phrase.tokens.length] : undefined;
    if (phrase && (!after || after.sentence !== tokens[next]!.sentence || /^[.,]$/.test(after.text)) && nameOf(phrase)) {
      const speaker = attributor.speakerOf(phrase, next);
      if (speaker) return { speaker, cue: null, found: true };
    }
  }
  if (draft.fragment && next === at + 1) return null;
  for (let verb = next; verb <= ceiling && verb < next + 12; verb++) {
    const token = tokens[verb]!;
    if (token.kind === 'quote' || /^[.;:!?]$/.test(token.text)) return null;
    if (!isCue(tokens, verb) || token.text === 'according') continue;
    // The subject must fill the gap between the quote and its verb.
    let gapEnd = verb;
    while (gapEnd > next && SKIPPABLE.has(tokens[gapEnd - 1]!.text)) gapEnd--;
    const gap = tokens.slice(next, gapEnd);
    if (gap.length > 0 && gap.every((word) => word.kind === 'word') && !PHRASE_BREAKS.has(gap[0]!.text) && !CUE_VERBS.has(gap[0]!.text)) {
      const speaker = attributor.speakerOf({ tokens: gap }, next);
      return speaker ? { speaker, cue: token.text, found: true } : null;
    }
    const attribution = attributor.fromCue(verb, next, ceiling);
    if (!attribution) return null;
    if (verb > next) {
      const subject = subjectBefore(tokens, verb, next);
      if (!subject || tokens.indexOf(subject.tokens[0]!, next) !== next) return null;
    }
    return attribution;
  }
  return null;
}
