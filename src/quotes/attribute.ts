// Quotation extraction and speaker attribution. Spans come from quotes-spans.ts;
// this module reads the words around each span the way a news reader does:
// a reporting verb and its subject, a pronoun resolved to the person the
// article is talking about, a short form resolved to the fullest name the
// article gives, and quotes with no attribution of their own carried over from
// the quotes around them. Every look-around is bounded, so the work stays linear.

import type { Article, Quote, QuoteKind, Sentence } from '../types.js';
import {
  DETERMINERS,
  describe,
  isCue,
  isOrganisation,
  mainSubject,
  nameOf,
  organisationName,
  type Phrase,
  phraseBackward,
  phraseForward,
  stripPossessive,
  subjectAfterComma,
  subjectBefore,
  type Token,
  trimDescription,
} from './chunker.js';
import { type Gender, People, type Person } from './people.js';
import { findQuoteSpans, type QuoteSpan } from './spans.js';
import { isReportingForm, reportsSpeech, takesObject } from './verbs.js';
import {
  DEMONYMS,
  LABEL_WORDS,
  ORGANISATION_LABELS,
  ORGANISATION_ROLES,
  ORGANISATION_WORDS,
  PERSON_NOUNS,
  PERSON_ROLES,
  PHRASE_BREAKS,
  PRONOUNS,
  SAYING_NOUNS,
  SKIPPABLE,
  TITLE_WORDS,
} from './words.js';

interface Speaker {
  name: string;
  aliases: string[];
  person: Person | null;
  /** True for a named person, found in the article's people or not. */
  named: boolean;
  /** True for a named organisation ("Brightwave", "Met Office"), which "the company" may stand for. */
  organisation?: boolean;
}

/** A speaker read from the words around a quote, and the reporting verb that named them. */
interface Attribution {
  speaker: Speaker;
  cue: string | null;
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
  /** Offset of the quote's context in its paragraph. */
  contextStart: number;
  /** True when the opening mark starts a sentence. */
  opensSentence: boolean;
}

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}’'.-]*[\p{L}\p{N}])?[’']?|&|[,;:!?.()[\]—–-]/gu;
const PUNCTUATION = ',;:!?.()[]—–-';
const WINDOW = 60;

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
        text: quoteText,
        speaker: null,
        context: sentence.text,
        kind: 'speech',
        cue: null,
        sentence: sentence.index,
        paragraph,
        start: span.start,
        end: span.end,
      };
      // The sentences the quote covers are skipped, so words after it find their own sentence.
      const last = sentenceAt(Math.max(span.close - 1, span.open)).index;
      tokens.push({
        kind: 'quote',
        text: quoteText,
        start: span.open,
        sentence: sentence.index,
        quote: drafts.length,
        last,
      });
      drafts.push({
        index: drafts.length,
        span,
        paragraph,
        sentence: sentence.index,
        token: tokens.length - 1,
        quote,
        fragment: isFragment(text, span),
        contextStart: sentence.start,
        opensSentence: sentence.start === span.open,
      });
      offset = span.close;
    }
    addWords(text.length);
  });
  if (drafts.length === 0) return [];
  markContinuations(article, drafts);
  attribute(tokens, drafts);
  shareContinuationSpeakers(drafts);
  clipSplitQuotes(article, tokens, drafts);
  return drafts.map((draft) => draft.quote);
}

// `“We will keep measuring,” she said, “for as long as it lasts.”` is one sentence
// holding two quotes split by their attribution. Each part's context stops at the
// other part's marks, so a view that shows a short quote in its sentence does not
// print the other part a second time.
function clipSplitQuotes(article: Article, tokens: Token[], drafts: Draft[]) {
  for (let index = 0; index + 1 < drafts.length; index++) {
    const first = drafts[index]!;
    const second = drafts[index + 1]!;
    if (first.paragraph !== second.paragraph || first.sentence !== second.sentence || second.token - first.token > 14)
      continue;
    let split = false;
    for (let at = first.token + 1; at < second.token; at++) {
      if (/^[.!?;]$/.test(tokens[at]!.text)) {
        split = false;
        break;
      }
      if (isCue(tokens, at)) split = true;
    }
    if (!split) continue;
    const paragraph = article.paragraphs[first.paragraph]!;
    // Never into the quotes themselves: an unclosed first part ends where the second opens.
    let end = second.span.open;
    while (end > Math.max(first.span.close, first.span.end) && SPLIT_PUNCTUATION.test(paragraph[end - 1]!)) end--;
    first.quote.context = paragraph.slice(first.contextStart, end);
    let start = first.span.close;
    while (start < second.span.open && SPLIT_PUNCTUATION.test(paragraph[start]!)) start++;
    second.quote.context = paragraph.slice(start, second.contextStart + second.quote.context.length);
    second.contextStart = start;
  }
}

const SPLIT_PUNCTUATION = /[\s,;:—–-]/u;

// Newspaper convention: a quote that runs over paragraphs leaves each paragraph
// open and reopens the next one. One-sentence-per-line text does the same per line.
function markContinuations(article: Article, drafts: Draft[]) {
  for (let index = 0; index + 1 < drafts.length; index++) {
    const draft = drafts[index]!;
    const next = drafts[index + 1]!;
    if (draft.span.closed || !next.opensSentence) continue;
    const atParagraphEnd =
      draft.span.close === article.paragraphs[draft.paragraph]!.length && next.paragraph === draft.paragraph + 1;
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

// "according to the club's chief executive, Sarah Lin," and "said one pensioner,
// Mary Jones": a description followed by a name in apposition is that person.
function namedApposition(tokens: Token[], phrase: Phrase | null, ceiling: number): Phrase | null {
  if (!phrase || nameOf(phrase)) return phrase;
  const comma = phrase.start + phrase.tokens.length;
  if (tokens[comma]?.text !== ',') return phrase;
  const apposition = phraseForward(tokens, comma + 1, ceiling);
  const name = apposition && nameOf(apposition);
  return apposition && name && name.words.length >= 2 ? apposition : phrase;
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
    if (pronoun && words.length === 1) {
      if (pronoun === 'plural' || pronoun === 'neuter') return this.lastSpeaker();
      return this.resolvePerson(pronoun, position, false);
    }
    const name = nameOf(phrase);
    // "campaign group Safer Screens", "tech giant Orbix": the label says the name is an organisation.
    const label = name ? (words[words.length - name.words.length - 1]?.toLowerCase() ?? '') : '';
    if (name && !name.honorific && ORGANISATION_LABELS.has(label) && !PERSON_ROLES.has(label)) {
      const written = name.words.map(stripPossessive).join(' ');
      return { name: written, aliases: [words.join(' ')], person: null, named: false, organisation: true };
    }
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
      return {
        name: expanded ?? organisation,
        aliases: [words.join(' '), organisation],
        person: null,
        named: false,
        organisation: true,
      };
    }
    const description = describe(trimDescription(words));
    const head = stripPossessive(words.at(-1)!).toLowerCase();
    const plural = /[^s]s$/.test(head);
    if (/^the$/i.test(words[0]!) && (/^[\p{Ll}\d]/u.test(words.at(-1)!) || DEMONYMS.has(words.at(-1)!))) {
      // "the minister", "the artists", "The Kansas star": whom the article gave that role, else the person it is about.
      const modifiers = words
        .slice(1, -1)
        .map((word) => stripPossessive(word).toLowerCase())
        .filter((word) => !/^(?:of|the|and)$/.test(word));
      // "the 27-year-old" is always a person.
      // "the club's chief executive" belongs to the club, not to whoever was last named.
      const owned = words.some((word) => /['’]s$/.test(word));
      const personal =
        PERSON_ROLES.has(head) || /^\d+-year-old$/.test(head) || (words.length === 2 && DEMONYMS.has(words[1]!));
      const recent = !owned && personal ? (this.resolvePerson(null, position, true)?.person ?? null) : null;
      // "A Post Office spokesman said …" then "the spokesman said": the same unnamed speaker.
      const described =
        (!owned && ORGANISATION_ROLES.has(head) ? this.organisationFor(position, head, description) : null) ??
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
        if (organisation)
          return {
            name: organisation.name,
            aliases: [...organisation.aliases, description],
            person: null,
            named: false,
          };
      }
    }
    return { name: description, aliases: [description.replace(/^(?:the|a|an) /i, '')], person: null, named: false };
  }

  private personSpeaker(person: Person): Speaker {
    return { name: person.name, aliases: [person.surname, ...person.forms], person, named: true };
  }

  // "he" and "she" are people: not an organisation, nor "reports" or "the Tories", nor a thing ("the season").
  private fits(speaker: Speaker, gender: Gender): boolean {
    if (!isPersonal(speaker)) return false;
    const known = speaker.person?.gender;
    return !gender || !known || known === gender;
  }

  // "he", "she" and "the 21-year-old" look first to someone who spoke earlier in
  // the same sentence, then to the more recent of the last speaker and the last
  // sentence subject, then to any person named before.
  private resolvePerson(gender: Gender, position: number, namedOnly: boolean): Speaker | null {
    const sentence = this.tokens[position]?.sentence ?? 0;
    const previous = this.history.at(-1);
    let spoke: { speaker: Speaker; position: number; sentence: number } | undefined;
    for (let at = this.history.length - 1; at >= 0 && at >= this.history.length - 8; at--) {
      const entry = this.history[at]!;
      if (entry.position < position && this.fits(entry.speaker, gender) && (!namedOnly || entry.speaker.person)) {
        spoke = entry;
        break;
      }
    }
    if (spoke && spoke.sentence === sentence) return this.learn(spoke.speaker, gender);
    // "United Kingdom" may open a sentence; only "the 21-year-old", which must be a person, takes any name there.
    const subject = this.people.recent(position, gender, true, namedOnly);
    const spokeRecently = spoke && sentence - spoke.sentence <= 3 ? spoke : undefined;
    const subjectRecently = subject && sentence - this.tokens[subject.position]!.sentence <= 3 ? subject : undefined;
    if (spokeRecently && (!subjectRecently || spokeRecently.position >= subjectRecently.position))
      return this.learn(spokeRecently.speaker, gender);
    if (subjectRecently) return this.learn(this.personSpeaker(subjectRecently.person), gender);
    const mention = this.people.recent(position, gender);
    if (mention) return this.learn(this.personSpeaker(mention.person), gender);
    return spoke?.speaker ?? (previous && isPersonal(previous.speaker) ? previous.speaker : null);
  }

  private learn(speaker: Speaker, gender: Gender): Speaker {
    if (speaker.person && gender) speaker.person.gender ??= gender;
    return speaker;
  }

  /** fromCue returns the speaker a reporting verb at `verb` gives, reading its subject; null when it has none. */
  fromCue(verb: number, floor: number, ceiling: number): Attribution | null {
    const tokens = this.tokens;
    const word = tokens[verb]!.text;
    const lower = word.toLowerCase();
    let phrase: Phrase | null = null;
    if (lower === 'according') {
      phrase = namedApposition(tokens, phraseForward(tokens, verb + 2, ceiling), ceiling);
    } else if (lower === 'speaking') {
      let comma = verb + 1;
      while (comma <= ceiling && comma < verb + 15 && tokens[comma]!.text !== ',' && tokens[comma]!.kind !== 'quote')
        comma++;
      if (comma <= ceiling && tokens[comma]?.text === ',') phrase = subjectAfterComma(tokens, comma + 1);
    } else {
      const previous = tokens[verb - 1];
      // `"…," said Mr Stone` and `…, said Mr Thomas.`: the subject comes after the verb.
      // A participle is never inverted: ", accusing the Tories of" has its subject before it; nor is a
      // verb that takes an object: in "X, organiser for Y, described the plan as", the plan is the object.
      if (
        (verb === floor || previous?.kind === 'quote' || previous?.text === ',') &&
        !/ing$/.test(word) &&
        !takesObject(lower)
      ) {
        const after = phraseForward(tokens, verb + 1, ceiling);
        const following = after ? tokens[verb + 1 + after.tokens.length] : undefined;
        const bare = after !== null && DETERMINERS.has(after.tokens.at(-1)!.text.toLowerCase());
        const ends =
          !bare &&
          (!following ||
            following.sentence !== tokens[verb]!.sentence ||
            following.kind === 'punct' ||
            (following.kind === 'word' && /^(?:who|in|on|at|of|from|after|before|when|as|to)$/.test(following.text)));
        if (
          after &&
          ends &&
          (nameOf(after) ||
            /^\p{Lu}/u.test(after.tokens[0]!.text) ||
            PRONOUNS.has(after.tokens[0]!.text.toLowerCase()) ||
            DETERMINERS.has(after.tokens[0]!.text.toLowerCase()))
        ) {
          phrase = namedApposition(tokens, after, ceiling);
        }
      }
      phrase ??= subjectBefore(tokens, verb, floor);
    }
    if (!phrase) return null;
    const speaker = this.speakerOf(phrase, phrase.start);
    if (!speaker) return null;
    return { speaker, cue: lower === 'according' ? 'according to' : word };
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
      if (
        !entry.speaker.named &&
        /^(?:a|an|one) /i.test(entry.speaker.name) &&
        entry.speaker.name.toLowerCase().endsWith(` ${head}`)
      )
        return entry.speaker;
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
    while (quoteIndex < drafts.length && drafts[quoteIndex]!.token <= sentenceEnd)
      quotesHere.push(drafts[quoteIndex++]!);
    const firstQuote = quotesHere[0]?.token ?? sentenceEnd + 1;

    // The main clause's speaker: the first reporting verb before any quote.
    let main: { speaker: Speaker; position: number } | null = null;
    for (let at = sentenceStart; at < firstQuote && at < sentenceStart + 60; at++) {
      if (!isCue(tokens, at) || !isTalker(tokens, at)) continue;
      const attribution = attributor.fromCue(at, sentenceStart, Math.min(sentenceEnd, at + WINDOW));
      if (attribution) {
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
        // Quotes waiting for a speaker named after them ("…," said Greene, lines later).
        const lastWaiting = pending.at(-1);
        if (
          lastWaiting &&
          !draft.fragment &&
          found.cue !== 'according to' &&
          draft.sentence - tokens[lastWaiting.draft.token]!.last <= 1
        ) {
          for (const waiting of pending) assign(waiting.draft, found.speaker);
          pending = [];
        }
        settlePending();
        attributor.record(found.speaker, draft.sentence, draft.token);
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
        const fallback =
          carried ?? pending.at(-1)?.fallback ?? attributor.recentPerson(draft.token, 2) ?? attributor.lastSpeaker();
        assign(draft, fallback);
        pending.push({ draft, fallback });
      }
    }
    // "Gillian Shepherd remembered how a colleague called women “Betty”": the next
    // unattributed quote is still the main speaker's.
    if (
      main &&
      quotesHere.length > 0 &&
      main.speaker.named &&
      quotesHere.every((draft) => draft.token > main!.position)
    ) {
      attributor.record(main.speaker, tokens[main.position]!.sentence, main.position);
    }
    sentenceStart = sentenceEnd + 1;
  }
  settlePending();
}

// A speaker a pronoun may stand for: a named person, or a description of one
// ("a spokeswoman", "the 21-year-old", "the Spaniard"), never an organisation,
// a group ("the Tories") or a thing ("the announcement", "the season").
function isPersonal(speaker: Speaker): boolean {
  if (speaker.person || speaker.named) return !speaker.organisation;
  if (speaker.organisation) return false;
  const words = speaker.name.split(' ');
  // "a spokesman for the airport", "another member of the Cabinet": the noun before the link is the head.
  const linked = words.findIndex((word, index) => index > 0 && /^(?:of|for|at|from|with)$/.test(word));
  const head = stripPossessive(words[(linked > 0 ? linked : words.length) - 1]!);
  const lower = head.toLowerCase();
  return (
    PERSON_ROLES.has(lower) ||
    PERSON_NOUNS.has(lower) ||
    /^\d+-year-old$/.test(lower) ||
    DEMONYMS.has(head) ||
    /(?:man|woman|person)$/.test(lower)
  );
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
  const start = phrase.start;
  if (start > 0 && tokens[start - 1]!.sentence === draft.sentence) return null;
  return attributor.speakerOf(phrase, start);
}

// A narrative cue tells who is talking only when it is a verb of saying, not "calls for a shift".
function isTalker(tokens: Token[], verb: number): boolean {
  return reportsSpeech(tokens[verb]!.text.toLowerCase(), tokens[verb + 1]?.text ?? '');
}

function labelKind(tokens: Token[], draft: Draft): QuoteKind | null {
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
    /^\p{Lu}/u.test(words.at(-1)!)
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
function explicitAttribution(
  tokens: Token[],
  attributor: Attributor,
  draft: Draft,
  floor: number,
  ceiling: number,
): Attribution | null {
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
    ? (before() ?? attributionAfter(tokens, attributor, draft, ceiling))
    : (attributionAfter(tokens, attributor, draft, ceiling) ?? before());
  if (found) return found;
  if (!draft.fragment && tokens[draft.token - 1]?.text === ':') {
    // "Mrs Bell was more blunt: “…”": a named subject introduces the quote.
    const subject = mainSubject(tokens, draft.token - 1, floor);
    if (subject && (nameOf(subject) || PRONOUNS.has(subject.tokens[0]!.text.toLowerCase()))) {
      const speaker = attributor.speakerOf(subject, subject.start);
      if (speaker) return { speaker, cue: null };
    }
  }
  // Later in the sentence: `was "too unlikely", Mr Beith said`, `"shocking" …, a new study shows`.
  for (let verb = draft.token + 1; verb <= ceiling; verb++) {
    if (tokens[verb]!.kind === 'quote' && !draft.fragment) break;
    if (!isCue(tokens, verb)) continue;
    // The last comma between the quote and the verb (searched back to the quote only: a search of
    // the whole token list from here made this quadratic in the article's length).
    let comma = verb - 1;
    while (comma > draft.token && tokens[comma]!.text !== ',') comma--;
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
    if (speaker) return { speaker, cue: null };
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
    if (
      phrase &&
      (!after || after.sentence !== tokens[next]!.sentence || /^[.,]$/.test(after.text)) &&
      nameOf(phrase)
    ) {
      const speaker = attributor.speakerOf(phrase, next);
      if (speaker) return { speaker, cue: null };
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
    if (
      gap.length > 0 &&
      gap.every((word) => word.kind === 'word') &&
      !PHRASE_BREAKS.has(gap[0]!.text) &&
      !isReportingForm(gap[0]!.text)
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
