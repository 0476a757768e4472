import { capitalised, MONTH_NAMES, WEEKDAY_NAMES } from '../calendar.js';

// Who "he" or "she" is, for a summary that quotes someone without the sentence that named them.
// Deliberately small and independent of the quotes view's attributor (src/quotes*.ts): the
// summary view must start fast and that module is loaded only for --quotes. The rule is the one
// a reader applies: the speaker is the nearest person named before the pronoun, preferring, in
// that sentence, the one who is said to speak.

/** Titles that mark a person's name; the last four also tell their sex, for he/she. */
const PERSON_TITLES = [
  'Dr',
  'Prof',
  'Professor',
  'Rev',
  'Revd',
  'Sir',
  'Lord',
  'Dame',
  'Lady',
  'Mr',
  'Mrs',
  'Ms',
  'Miss',
];
const MALE_TITLES = ['Mr', 'Sir', 'Lord'];
const FEMALE_TITLES = ['Mrs', 'Ms', 'Miss', 'Dame', 'Lady'];

/** Capitalised words that open sentences or name things, never part of a person's name. */
const NOT_NAME_WORDS = [
  'A',
  'An',
  'The',
  'This',
  'That',
  'These',
  'Those',
  'He',
  'She',
  'It',
  'They',
  'We',
  'I',
  'His',
  'Her',
  'Its',
  'Their',
  'But',
  'And',
  'Or',
  'If',
  'In',
  'On',
  'At',
  'By',
  'For',
  'From',
  'To',
  'Of',
  'As',
  'After',
  'Before',
  'When',
  'While',
  ...capitalised(WEEKDAY_NAMES),
  ...capitalised(MONTH_NAMES),
];

/** Words that end the names of organisations and places, so "Harbour Board said" is not a person. */
const ORGANISATION_WORDS = [
  'Agency',
  'Association',
  'Authority',
  'Bank',
  'Board',
  'Club',
  'College',
  'Commission',
  'Committee',
  'Company',
  'Corporation',
  'Council',
  'Court',
  'Department',
  'Federation',
  'Foundation',
  'Government',
  'Group',
  'Institute',
  'League',
  'Ministry',
  'Office',
  'Parliament',
  'Party',
  'Police',
  'Service',
  'Trust',
  'Union',
  'University',
];

/** Verbs that attribute speech, in the forms news uses around a speaker's name. */
export const SPEECH_VERBS = [
  'said',
  'says',
  'told',
  'tells',
  'added',
  'adds',
  'explained',
  'explains',
  'insisted',
  'insists',
  'argued',
  'argues',
  'warned',
  'warns',
  'claimed',
  'claims',
  'stressed',
  'stresses',
  'noted',
  'notes',
  'asked',
  'asks',
  'replied',
  'replies',
  'continued',
  'continues',
  'admitted',
  'admits',
  'believes',
  'believed',
  'wrote',
  'writes',
];

const titles = new Set(PERSON_TITLES);
const notName = new Set(NOT_NAME_WORDS);
const organisations = new Set(ORGANISATION_WORDS);
const speechVerbs = new Set(SPEECH_VERBS);
/** Speech verbs that may stand before their speaker ("…, said Paul Byrne"); after "told" comes the listener. */
const INVERTED_SPEECH_VERBS = ['said', 'says', 'added', 'adds', 'explained', 'continued', 'wrote', 'writes'];
const invertedSpeechVerbs = new Set(INVERTED_SPEECH_VERBS);
/** Role words that, written just before a name, mark a person ("producer Jon Thoday"). */
const ROLE_WORDS = [
  ...['actor', 'actress', 'analyst', 'author', 'boss', 'captain', 'chairman', 'chairwoman', 'chancellor'],
  ...['coach', 'colleague', 'councillor', 'composer', 'correspondent', 'designer', 'director', 'economist'],
  ...['editor', 'executive', 'founder', 'governor', 'head', 'judge', 'leader', 'lawyer', 'manager', 'mayor'],
  ...['minister', 'senator'],
  ...['official', 'officer', 'owner', 'player', 'president', 'producer', 'professor', 'researcher', 'secretary'],
  ...['singer', 'skipper', 'spokesman', 'spokeswoman', 'spokesperson', 'star', 'striker', 'writer', 'winner'],
];
const roleWords = new Set(ROLE_WORDS);

// A name word: capitalised, with inner apostrophes or hyphens (O'Neill, Smith-Jones), or an initial ("J.").
const NAME_WORD = /^(?:\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{Ll}[\p{Ll}'’-]*|\p{Lu}\.)$/u;
// Lowercase particles inside names ("Michiel de Jong", "Ludwig van Beethoven").
const NAME_PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'bin', 'al']);
const WORD = /\p{Lu}\.(?!\p{L})|[\p{L}\p{N}'’-]+|[^\s\p{L}\p{N}]/gu;

/** A person the text names, with where the mention ends (a word offset) and what marks it as a person. */
interface PersonMention {
  /** The name as written, without its title ("Tom Reilly", "Reilly"). */
  name: string;
  title: string | null;
  /** True when a speech verb stands right after the name (or its appositive) or right before it. */
  speaking: boolean;
}

export type SpeakerPronoun = 'he' | 'she';

/**
 * How far back, in sentences, a pronoun's speaker and the full form of their name are looked for:
 * far enough for any news story's run of quotes, and a bound on the cost in a huge article.
 */
const SPEAKER_SEARCH_SENTENCES = 40;

/**
 * resolveSpeaker returns the name a summary should give for `pronoun` in sentence `index` of
 * `sentences`: the nearest earlier sentence (at most SPEAKER_SEARCH_SENTENCES back) that names a person decides, and in it the person
 * said to speak, else the last person named (the nearest to the pronoun); a surname or "Mr X" becomes the fullest form of that
 * name used before. Null when no earlier sentence names a person who can be "he" or "she".
 */
export function resolveSpeaker(sentences: readonly string[], index: number, pronoun: SpeakerPronoun): string | null {
  const first = Math.max(0, index - SPEAKER_SEARCH_SENTENCES);
  // "Mr Reilly" anywhere nearby tells that "Tom Reilly" is not "she".
  const titleOf = new Map<string, string>();
  // "Viktor Lind" before makes a later "Lind explained" a person too.
  const surnames = new Set<string>();
  for (let at = first; at < index; at++) {
    for (const person of findPeople(sentences[at] ?? '')) {
      if (person.title !== null) titleOf.set(surnameOf(person), person.title);
      if (person.name.includes(' ')) surnames.add(surnameOf(person));
    }
  }
  for (let at = index - 1; at >= first; at--) {
    const people = findPeople(sentences[at] ?? '', surnames).filter((person) =>
      canBe(person.title ?? titleOf.get(surnameOf(person)) ?? null, pronoun),
    );
    if (people.length === 0) continue;
    const person = people.find((candidate) => candidate.speaking) ?? people.at(-1);
    if (person === undefined) continue;
    return fullestName(sentences, first, at, person);
  }
  return null;
}

function surnameOf(person: PersonMention): string {
  return person.name.split(' ').at(-1) ?? person.name;
}

// A person of unknown sex may be either; a title decides.
function canBe(title: string | null, pronoun: SpeakerPronoun): boolean {
  if (title === null) return true;
  if (pronoun === 'he') return !FEMALE_TITLES.includes(title);
  return !MALE_TITLES.includes(title);
}

// "Mr Reilly" is clearer as "Tom Reilly" when the article gave the full name before.
function fullestName(sentences: readonly string[], from: number, upTo: number, person: PersonMention): string {
  const surname = surnameOf(person);
  let fullest = person.name;
  for (let at = from; at <= upTo; at++) {
    for (const other of findPeople(sentences[at] ?? '')) {
      const words = other.name.split(' ');
      if (words.at(-1) === surname && words.length > fullest.split(' ').length) fullest = other.name;
    }
  }
  if (fullest === person.name && person.title !== null && !person.name.includes(' ')) {
    return `${person.title} ${person.name}`;
  }
  return fullest;
}

/**
 * findPeople returns the people a sentence names, in order: a title and a name ("Mr Reilly",
 * "Dr Ann Lee"), or two or more name words that a speech verb or an appositive ("Tom Reilly, the
 * harbour master,") or a role word before them ("producer Jon Thoday") marks as a person, and
 * a single word that is the surname of someone named in full before (`knownSurnames`). Names after "the" ("the Harbour Board") and names ending in
 * an organisation word are not people.
 */
export function findPeople(sentence: string, knownSurnames: ReadonlySet<string> = new Set()): PersonMention[] {
  const words = sentence.match(WORD) ?? [];
  const people: PersonMention[] = [];
  let at = 0;
  while (at < words.length) {
    const word = words[at] ?? '';
    const title = titles.has(word) ? word : null;
    // "Mr. Reilly": the title's full stop is a word of its own.
    const start = title === null ? at : words[at + 1] === '.' ? at + 2 : at + 1;
    const end = nameEnd(words, start);
    const length = end - start;
    const known = length === 1 && knownSurnames.has(words[start] ?? '');
    if (length === 0 || (title === null && length < 2 && !known)) {
      at++;
      continue;
    }
    // "Mayor Clara Dunne", "Industry Secretary Patricia Hewitt": the name starts after the role.
    const sequence = words.slice(start, end);
    const lastRole = sequence.findLastIndex((word) => roleWords.has(word.toLowerCase()));
    const nameWords = lastRole >= 0 && sequence.length - lastRole > 2 ? sequence.slice(lastRole + 1) : sequence;
    const previous = (words[at - 1] ?? '').toLowerCase();
    const organisation = organisations.has(nameWords.at(-1) ?? '') || (title === null && previous === 'the');
    const speaking = invertedSpeechVerbs.has(previous) || speechAfter(words, end);
    const appositive = words[end] === ',' && /^\p{Ll}/u.test(words[end + 1] ?? '');
    // "producer Jon Thoday", "skipper Ann Walsh": a role word before the name.
    const role = roleWords.has(words[at - 1] ?? '') || nameWords !== sequence;
    if (!organisation && (title !== null || speaking || appositive || role || known)) {
      people.push({ name: nameWords.join(' '), title, speaking });
    }
    at = end;
  }
  return people;
}

// Name words run while each is capitalised (or a particle between capitalised words).
function nameEnd(words: readonly string[], start: number): number {
  let end = start;
  while (end < words.length) {
    const word = words[end] ?? '';
    if (NAME_WORD.test(word) && !notName.has(word)) {
      end++;
    } else if (NAME_PARTICLES.has(word) && end > start && NAME_WORD.test(words[end + 1] ?? '')) {
      end++;
    } else {
      break;
    }
  }
  return end;
}

// "Reilly said", "Reilly, the harbour master, said", "Reilly told".
function speechAfter(words: readonly string[], end: number): boolean {
  if (speechVerbs.has(words[end] ?? '')) return true;
  if (words[end] !== ',') return false;
  const close = words.indexOf(',', end + 1);
  return close > end && close - end <= APPOSITIVE_WORDS && speechVerbs.has(words[close + 1] ?? '');
}

/** The longest role between commas after a name that still ties the name to the verb after it. */
const APPOSITIVE_WORDS = 12;
