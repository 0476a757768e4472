// Discourse: who the article is talking about. The Discourse keeps the speakers
// in article order and turns a noun phrase into a speaker: a pronoun resolved by
// gender and recency over the people named, a short form to the fullest name,
// a role ("the minister") to the one person given it, "the company" to the
// organisation that last spoke. Every look-back is bounded.
import {
  canSpeak,
  DETERMINERS,
  describe,
  namedApposition,
  nameOf,
  organisationName,
  type Phrase,
  phraseForward,
  stripPossessive,
  subjectAfterComma,
  subjectBefore,
  trimDescription,
} from './chunker.js';
import { nth } from './nth.js';
import { type Gender, People, type Person } from './people.js';
import type { Token } from './tokens.js';
import { STATEMENT_NOUNS, takesObject } from './verbs.js';
import { DESCRIPTION_SENTENCES, HISTORY_DEPTH, PRONOUN_SENTENCES } from './windows.js';
import {
  DEMONYMS,
  FEMALE_NOUNS,
  GENERIC_BODY_NOUNS,
  MALE_NOUNS,
  ORGANISATION_LABELS,
  ORGANISATION_ROLES,
  ORGANISATION_WORDS,
  PERSON_NOUNS,
  PERSON_ROLES,
  PRONOUNS,
} from './words.js';
export interface Speaker {
  name: string;
  aliases: string[];
  person: Person | null;
  /** True for a named person, found in the article's people or not. */
  named: boolean;
  /** True for a named organisation ("Brightwave", "Met Office"), which "the company" may stand for. */
  organisation?: boolean;
}

/** A speaker read from the words around a quote, and the reporting verb that named them. */
export interface Attribution {
  speaker: Speaker;
  cue: string | null;
}

export class Attributor {
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
    const owner = statementOwnerOf(phrase);
    if (owner) return this.speakerOf(owner, position);
    const words = phrase.tokens.map((token) => token.text);
    if (!canSpeak(words)) return null;
    const last = nth(words, words.length - 1).toLowerCase();
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
      if (person?.name) {
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
    const head = stripPossessive(nth(words, words.length - 1)).toLowerCase();
    const plural = /[^s]s$/.test(head);
    if (
      /^the$/i.test(nth(words, 0)) &&
      (/^[\p{Ll}\d]/u.test(nth(words, words.length - 1)) || DEMONYMS.has(nth(words, words.length - 1)))
    ) {
      // "the minister", "the artists", "The Kansas star": whom the article gave that role, else the person it is about.
      const modifiers = words
        .slice(1, -1)
        .map((word) => stripPossessive(word).toLowerCase())
        .filter((word) => !/^(?:of|the|and)$/.test(word));
      // "the 27-year-old" is always a person.
      // "the club's chief executive" belongs to the club, not to whoever was last named.
      const owned = words.some((word) => /['’]s$/.test(word));
      const personal =
        PERSON_ROLES.has(head) || /^\d+-year-old$/.test(head) || (words.length === 2 && DEMONYMS.has(nth(words, 1)));
      const recent = !owned && personal ? (this.resolvePerson(null, position, true)?.person ?? null) : null;
      // "A Post Office spokesman said …" then "the spokesman said": the same unnamed speaker.
      const described =
        (!owned && (ORGANISATION_ROLES.has(head) || GENERIC_BODY_NOUNS.has(head))
          ? this.organisationFor(position, head, description)
          : null) ?? this.recentDescription(position, head);
      if (described) return described;
      // "the minister" when the article names two ministers is either: the description stands.
      const ambiguous = this.people.roleHolders(head) > 1;
      const person =
        this.people.byRole(head, modifiers, plural) ??
        this.people.byRole(head, [], plural) ??
        (ambiguous ? null : recent);
      if (person?.name) {
        const speaker = this.personSpeaker(person);
        speaker.aliases.push(description);
        return speaker;
      }
      // "the company", "the firm": the organisation that last spoke.
      if (!owned && words.length === 2 && (ORGANISATION_ROLES.has(head) || GENERIC_BODY_NOUNS.has(head))) {
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
    // "In a statement, the ferry company said …" then "the statement said": the one who issued it.
    const issuer = words.length === 2 && /^the$/i.test(nth(words, 0)) ? this.issuerOf(head, position) : null;
    if (issuer) return { ...issuer, aliases: [...issuer.aliases, description] };
    // "the commission" after "the Federal Trade Commission": the body of that kind named last.
    const kind = words.length === 2 && /^the$/i.test(nth(words, 0)) ? head : '';
    const body = kind ? this.people.organisationOfKind(kind, position) : null;
    if (body) return { name: body, aliases: [description], person: null, named: false, organisation: true };
    return { name: description, aliases: [description.replace(/^(?:the|a|an) /i, '')], person: null, named: false };
  }

  private personSpeaker(person: Person): Speaker {
    return { name: person.name, aliases: [person.surname, ...person.forms], person, named: true };
  }

  // "he" and "she" are people: not an organisation, nor "reports" or "the Tories", nor a thing ("the season").
  private fits(speaker: Speaker, gender: Gender): boolean {
    if (!isPersonal(speaker)) return false;
    const known = speaker.person?.gender ?? (speaker.named ? null : genderOfDescription(speaker.name));
    return !gender || !known || known === gender;
  }

  // "he", "she" and "the 21-year-old" look first to someone who spoke earlier in
  // the same sentence, then to the more recent of the last speaker and the last
  // sentence subject, then to any person named before.
  private resolvePerson(gender: Gender, position: number, namedOnly: boolean): Speaker | null {
    const sentence = this.tokens[position]?.sentence ?? 0;
    const previous = this.history.at(-1);
    let spoke: { speaker: Speaker; position: number; sentence: number } | undefined;
    for (let at = this.history.length - 1; at >= 0 && at >= this.history.length - HISTORY_DEPTH; at--) {
      const entry = nth(this.history, at);
      if (entry.position < position && this.fits(entry.speaker, gender) && (!namedOnly || entry.speaker.person)) {
        spoke = entry;
        break;
      }
    }
    if (spoke && spoke.sentence === sentence) return this.learn(spoke.speaker, gender);
    // "United Kingdom" may open a sentence; only "the 21-year-old", which must be a person, takes any name there.
    // A "he" or "she" looks to any two-word name that was a sentence's subject, confirmed as a
    // person or not ("Fly-half Morgan Teague kicked six penalties. … he said"); the names of bodies
    // ("City Council", "Harbour Trust") are not people.
    const anySubject = this.people.recent(position, gender, true, namedOnly || gender !== null);
    // A person confirmed in a sentence after an unconfirmed subject ("… is Sofia Neri, who runs a
    // shop") is nearer; a word of the subject's own sentence ("to keep Rovers top") is not.
    const confirmed = anySubject && !anySubject.person.confirmed ? this.people.recent(position, gender) : null;
    const laterSentence =
      confirmed &&
      anySubject &&
      nth(this.tokens, confirmed.position).sentence > nth(this.tokens, anySubject.position).sentence;
    const subject = laterSentence ? confirmed : anySubject;
    const spokeRecently = spoke && sentence - spoke.sentence <= PRONOUN_SENTENCES ? spoke : undefined;
    // "The minister rejected that charge. '…,' he said": a role opening the sentence before stands for its holder.
    const role = gender ? this.roleSubjectBefore(position, sentence) : null;
    if (
      role &&
      this.fits(this.personSpeaker(role.person), gender) &&
      (!spokeRecently || role.position > spokeRecently.position) &&
      (!subject || role.position > subject.position)
    )
      return this.learn(this.personSpeaker(role.person), gender);
    const subjectRecently =
      subject && sentence - nth(this.tokens, subject.position).sentence <= PRONOUN_SENTENCES ? subject : undefined;
    if (spokeRecently && (!subjectRecently || spokeRecently.position >= subjectRecently.position))
      return this.learn(spokeRecently.speaker, gender);
    if (subjectRecently) return this.learn(this.personSpeaker(subjectRecently.person), gender);
    const mention = this.people.recent(position, gender);
    if (mention) return this.learn(this.personSpeaker(mention.person), gender);
    return spoke?.speaker ?? (previous && this.fits(previous.speaker, gender) ? previous.speaker : null);
  }

  // The person the sentence just before `sentence` opens with by their role alone ("The minister
  // rejected …"), when exactly one person holds it; a bounded look back over the tokens.
  private roleSubjectBefore(position: number, sentence: number): { person: Person; position: number } | null {
    for (let at = position - 1; at > 0 && at >= position - ROLE_SUBJECT_REACH; at--) {
      const token = nth(this.tokens, at);
      // Only the nearest sentence that opens before this one counts.
      if (token.sentence >= sentence || !token.opens || token.kind !== 'word') continue;
      if (!/^the$/i.test(token.text)) return null;
      const noun = this.tokens[at + 1];
      if (noun?.kind !== 'word' || !PERSON_ROLES.has(noun.text) || this.people.roleHolders(noun.text) !== 1)
        return null;
      const person = this.people.byRole(noun.text, []);
      return person?.name ? { person, position: at } : null;
    }
    return null;
  }

  private learn(speaker: Speaker, gender: Gender): Speaker {
    if (speaker.person && gender) speaker.person.gender ??= gender;
    return speaker;
  }

  /** fromCue returns the speaker a reporting verb at `verb` gives, reading its subject; null when it has none. */
  fromCue(verb: number, floor: number, ceiling: number): Attribution | null {
    const tokens = this.tokens;
    const word = nth(tokens, verb).text;
    const lower = word.toLowerCase();
    let phrase: Phrase | null = null;
    if (lower === 'according') {
      phrase = namedApposition(tokens, phraseForward(tokens, verb + 2, ceiling), ceiling);
    } else if (lower === 'speaking') {
      let comma = verb + 1;
      while (
        comma <= ceiling &&
        comma < verb + 15 &&
        nth(tokens, comma).text !== ',' &&
        nth(tokens, comma).kind !== 'quote'
      )
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
        const bare = after !== null && DETERMINERS.has(nth(after.tokens, after.tokens.length - 1).text.toLowerCase());
        const ends =
          !bare &&
          (!following ||
            following.sentence !== nth(tokens, verb).sentence ||
            following.kind === 'punct' ||
            (following.kind === 'word' && /^(?:who|in|on|at|of|from|after|before|when|as|to)$/.test(following.text)));
        if (
          after &&
          ends &&
          (nameOf(after) ||
            /^\p{Lu}/u.test(nth(after.tokens, 0).text) ||
            PRONOUNS.has(nth(after.tokens, 0).text.toLowerCase()) ||
            DETERMINERS.has(nth(after.tokens, 0).text.toLowerCase()))
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

  // The speaker of the sentence that brought in "a statement" or "a blog post", when "the
  // statement" speaks later: found by a bounded look back for the noun after "a" or "an".
  private issuerOf(noun: string, position: number): Speaker | null {
    if (!DOCUMENT_NOUNS.has(noun)) return null;
    for (let at = position - 1; at >= 0 && at >= position - DOCUMENT_REACH; at--) {
      if (nth(this.tokens, at).text.toLowerCase() !== noun) continue;
      let lead = at - 1;
      while (lead > at - 4 && lead >= 0 && !/^(?:a|an)$/i.test(nth(this.tokens, lead).text)) lead--;
      if (lead < 0 || !/^(?:a|an)$/i.test(nth(this.tokens, lead).text)) continue;
      // "according to a police report": the report is the source itself, issued by nobody named.
      if (this.tokens[lead - 1]?.text.toLowerCase() === 'to') return null;
      const sentence = nth(this.tokens, at).sentence;
      for (let entry = this.history.length - 1; entry >= 0 && entry >= this.history.length - HISTORY_DEPTH; entry--) {
        const spoke = nth(this.history, entry);
        if (spoke.sentence < sentence) break;
        if (spoke.sentence === sentence && (spoke.speaker.named || spoke.speaker.organisation)) return spoke.speaker;
      }
      return null;
    }
    return null;
  }

  private organisationFor(position: number, head: string, description: string): Speaker | null {
    const organisation = this.recentOrganisation(position, head);
    return organisation && { ...organisation, aliases: [...organisation.aliases, description] };
  }

  private recentDescription(position: number, head: string): Speaker | null {
    const sentence = this.tokens[position]?.sentence ?? 0;
    for (let at = this.history.length - 1; at >= 0 && at >= this.history.length - HISTORY_DEPTH; at--) {
      const entry = nth(this.history, at);
      if (sentence - entry.sentence > DESCRIPTION_SENTENCES) break;
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
    for (let at = this.history.length - 1; at >= 0 && at >= this.history.length - HISTORY_DEPTH; at--) {
      const entry = nth(this.history, at);
      if (sentence - entry.sentence > DESCRIPTION_SENTENCES) break;
      if (!entry.speaker.organisation) continue;
      // "the club" is not the Football Association: a name that says what it is must agree.
      const words = entry.speaker.name.split(' ');
      const kind = words.find((word) => ORGANISATION_WORDS.has(word));
      if (!kind || kind.toLowerCase() === head || GENERIC_BODY_NOUNS.has(head)) return entry.speaker;
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
    const sentence = nth(this.tokens, position).sentence;
    return sentence - nth(this.tokens, mention.position).sentence <= distance
      ? this.personSpeaker(mention.person)
      : null;
  }

  lastSpeaker(): Speaker | null {
    return this.history.at(-1)?.speaker ?? null;
  }
}

/** Tokens back a pronoun looks for a sentence opened by a role ("The minister rejected …"). */
const ROLE_SUBJECT_REACH = 60;

/** Documents a body or person issues, which later speak for them ("the statement said"). */
const DOCUMENT_NOUNS = new Set(['statement', 'post', 'report', 'letter', 'memo', 'release', 'filing']);
/** Tokens back "the statement" looks for the "a statement" that brought it in. */
const DOCUMENT_REACH = 80;

// A speaker a pronoun may stand for: a named person, or a description of one
// ("a spokeswoman", "the 21-year-old", "the Spaniard"), never an organisation,
// a group ("the Tories") or a thing ("the announcement", "the season").
export function isPersonal(speaker: Speaker): boolean {
  if (speaker.person || speaker.named) return !speaker.organisation;
  if (speaker.organisation) return false;
  const words = speaker.name.split(' ');
  // "a spokesman for the airport", "another member of the Cabinet": the noun before the link is the head.
  const linked = words.findIndex((word, index) => index > 0 && /^(?:of|for|at|from|with)$/.test(word));
  const head = stripPossessive(nth(words, (linked > 0 ? linked : words.length) - 1));
  const lower = head.toLowerCase();
  return (
    PERSON_ROLES.has(lower) ||
    PERSON_NOUNS.has(lower) ||
    /^\d+-year-old$/.test(lower) ||
    DEMONYMS.has(head) ||
    /(?:man|woman|person)$/.test(lower)
  );
}

// "Ms Hale's statement", "the union's letter": words credited through a noun of saying are the owner's.
function statementOwnerOf(phrase: Phrase): Phrase | null {
  const count = phrase.tokens.length;
  const noun = phrase.tokens[count - 1];
  const owner = phrase.tokens[count - 2];
  if (!noun || !owner || !STATEMENT_NOUNS.includes(noun.text.toLowerCase()) || !/['’]s$/.test(owner.text)) return null;
  return { tokens: phrase.tokens.slice(0, -1), start: phrase.start };
}

// "a board spokesman" is a he, "the actress" a she: the head noun of a description may say.
function genderOfDescription(description: string): Gender {
  const words = description.toLowerCase().split(' ');
  const linked = words.findIndex((word, index) => index > 0 && /^(?:of|for|at|from|with)$/.test(word));
  const head = stripPossessive(words[(linked > 0 ? linked : words.length) - 1] ?? '');
  if (FEMALE_NOUNS.has(head) || /woman$/.test(head)) return 'female';
  // "spokesman", "chairman", but not "German" or "human".
  if (MALE_NOUNS.has(head) || (/[^o]man$/.test(head) && !/^(?:ger|hu|ro|nor)man$/.test(head))) return 'male';
  return null;
}
