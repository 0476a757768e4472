// The reporting-verb table: every verb that can tie a quote to its speaker, as
// data. Attribution never lists verbs of its own; it asks this table.

/** One reporting verb and how it behaves in a sentence. */
export interface ReportingVerb {
  /** The forms news copy uses, lowercase ("say", "says", "said", "saying"). */
  forms: readonly string[];
  /**
   * True when the verb takes an object before the quote ("told reporters", "described the plan as",
   * "accused the Tories of"): the phrase after it is never an inverted subject the way it is in
   * `"…," said Mr Stone`.
   */
  takesObject?: boolean;
  /**
   * False when the verb reports no speech of its own in narration ("a study shows"): it ties a quote
   * in its sentence to its subject, but does not make that subject the one talking.
   */
  narrates?: boolean;
  /** Words that, right after the verb, make it something other than speech ("agreed to pay", "calls for"). */
  notBefore?: readonly string[];
}

/** The reporting verbs, in no particular order. */
export const REPORTING_VERBS: readonly ReportingVerb[] = [
  { forms: ['say', 'says', 'said', 'saying'] },
  { forms: ['tell', 'tells', 'told', 'telling'], takesObject: true },
  { forms: ['add', 'adds', 'added', 'adding'] },
  { forms: ['warn', 'warns', 'warned', 'warning'] },
  { forms: ['note', 'notes', 'noted', 'noting'] },
  { forms: ['admit', 'admits', 'admitted', 'admitting'] },
  { forms: ['insist', 'insists', 'insisted', 'insisting'] },
  { forms: ['accuse', 'accuses', 'accused', 'accusing'], takesObject: true },
  { forms: ['blame', 'blames', 'blamed', 'blaming'], takesObject: true },
  { forms: ['describe', 'describes', 'described', 'describing'], takesObject: true },
  { forms: ['dismiss', 'dismisses', 'dismissed', 'dismissing'], takesObject: true },
  { forms: ['call', 'calls', 'called', 'calling'], takesObject: true, notBefore: ['for'] },
  { forms: ['claim', 'claims', 'claimed', 'claiming'] },
  { forms: ['argue', 'argues', 'argued', 'arguing'] },
  { forms: ['explain', 'explains', 'explained', 'explaining'] },
  { forms: ['stress', 'stresses', 'stressed', 'stressing'] },
  { forms: ['ask', 'asks', 'asked', 'asking'] },
  { forms: ['reply', 'replies', 'replied', 'replying'] },
  { forms: ['declare', 'declares', 'declared', 'declaring'] },
  { forms: ['announce', 'announces', 'announced', 'announcing'] },
  { forms: ['urge', 'urges', 'urged', 'urging'], takesObject: true },
  { forms: ['suggest', 'suggests', 'suggested', 'suggesting'] },
  { forms: ['confirm', 'confirms', 'confirmed', 'confirming'] },
  { forms: ['deny', 'denies', 'denied', 'denying'] },
  { forms: ['acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'] },
  { forms: ['concede', 'concedes', 'conceded', 'conceding'] },
  // Base and -s forms of comment, remark, report, state, promise, answer, cry and demand are
  // nouns as often as verbs ("recent comments in"), so only the forms that are always verbs are listed.
  { forms: ['commented', 'commenting'] },
  { forms: ['remarked'] },
  { forms: ['recall', 'recalls', 'recalled', 'recalling'] },
  { forms: ['remember', 'remembers', 'remembered'] },
  { forms: ['write', 'writes', 'wrote', 'writing'] },
  { forms: ['joke', 'jokes', 'joked'] },
  { forms: ['predict', 'predicts', 'predicted'] },
  { forms: ['attack', 'attacks', 'attacked', 'attacking'], takesObject: true },
  { forms: ['criticise', 'criticises', 'criticised', 'criticize', 'criticizes', 'criticized'], takesObject: true },
  { forms: ['praise', 'praises', 'praised'], takesObject: true },
  { forms: ['hail', 'hails', 'hailed'], takesObject: true },
  { forms: ['brand', 'brands', 'branded'], takesObject: true },
  { forms: ['label', 'labels', 'labelled', 'labeled'], takesObject: true },
  { forms: ['refer', 'refers', 'referred', 'referring'], takesObject: true },
  { forms: ['underline', 'underlines', 'underlined'] },
  { forms: ['emphasise', 'emphasises', 'emphasised', 'emphasize', 'emphasizes', 'emphasized'] },
  { forms: ['reveal', 'reveals', 'revealed'] },
  { forms: ['reported', 'reporting'] },
  // "The letter reads": how a document speaks. Only the -s form: "read" is more often something done to a text.
  { forms: ['reads'] },
  { forms: ['recommend', 'recommends', 'recommended', 'recommending'] },
  { forms: ['show', 'shows', 'showed'], takesObject: true, narrates: false },
  { forms: ['stated', 'stating'] },
  { forms: ['promised', 'promising'] },
  { forms: ['vow', 'vows', 'vowed'] },
  { forms: ['complain', 'complains', 'complained'] },
  { forms: ['boast', 'boasts', 'boasted'] },
  { forms: ['quip', 'quips', 'quipped'] },
  { forms: ['maintain', 'maintains', 'maintained'] },
  { forms: ['observe', 'observes', 'observed'] },
  { forms: ['counter', 'counters', 'countered'] },
  { forms: ['respond', 'responds', 'responded'] },
  { forms: ['answered'] },
  { forms: ['shout', 'shouts', 'shouted'] },
  { forms: ['cried'] },
  { forms: ['demanded'] },
  { forms: ['conclude', 'concludes', 'concluded'] },
  { forms: ['continue', 'continues', 'continued'], notBefore: ['to'] },
  { forms: ['agree', 'agrees', 'agreed'], notBefore: ['to'] },
  { forms: ['assure', 'assures', 'assured'], takesObject: true },
  { forms: ['caution', 'cautions', 'cautioned'] },
  { forms: ['jeer', 'jeers', 'jeered'] },
  { forms: ['mock', 'mocks', 'mocked'], takesObject: true },
  { forms: ['tweet', 'tweets', 'tweeted'] },
  { forms: ['chant', 'chants', 'chanted'] },
  { forms: ['sang'] },
  { forms: ['yelled'] },
  { forms: ['screamed'] },
  { forms: ['whispered'] },
  { forms: ['pleaded'] },
  { forms: ['begged'] },
  { forms: ['exclaimed'] },
  { forms: ['retorted'] },
  { forms: ['muttered'] },
  { forms: ['assert', 'asserts', 'asserted', 'asserting'] },
  { forms: ['reiterate', 'reiterates', 'reiterated', 'reiterating'] },
  { forms: ['allege', 'alleges', 'alleged', 'alleging'] },
  { forms: ['contend', 'contends', 'contended'] },
  {
    forms: ['characterise', 'characterises', 'characterised', 'characterize', 'characterizes', 'characterized'],
    takesObject: true,
  },
];

/**
 * Cues with a grammar of their own, each read by its own strategy: "according to X" (the source
 * follows), "in the words of X", and "Speaking to the BBC, X said" (the subject follows the comma).
 * "according" and "speaking" stand in the verb list so every reader sees them as cues.
 */
export const SPECIAL_CUES = ['according', 'speaking'] as const;

/** The phrase "according" reports as its cue. */
export const ACCORDING_CUE = 'according to';

/** Nouns of saying whose owner speaks: "the minister's statement", "in the words of the judge". */
export const STATEMENT_NOUNS: readonly string[] = [
  'statement',
  'words',
  'remarks',
  'comments',
  'message',
  'letter',
  'post',
  'tweet',
  'blog',
  'column',
];

let verbsByForm: Map<string, ReportingVerb> | null = null;

// Built on first use: the quotes view is the only one that needs it.
function table(): Map<string, ReportingVerb> {
  if (verbsByForm) return verbsByForm;
  verbsByForm = new Map();
  for (const verb of REPORTING_VERBS) for (const form of verb.forms) verbsByForm.set(form, verb);
  for (const cue of SPECIAL_CUES) verbsByForm.set(cue, { forms: [cue] });
  return verbsByForm;
}

/** reportingVerb returns the table's entry for a word (matched as written, lowercase), or undefined. */
export function reportingVerb(word: string): ReportingVerb | undefined {
  return table().get(word);
}

/** isReportingForm returns true when the word is a form of a reporting verb or a special cue. */
export function isReportingForm(word: string): boolean {
  return table().has(word);
}

/** takesObject returns true when the word is a form of a verb that takes an object before the quote. */
export function takesObject(word: string): boolean {
  return table().get(word)?.takesObject === true;
}

/** reportsSpeech returns true when the verb at this word, followed by `next`, reports someone talking. */
export function reportsSpeech(word: string, next: string): boolean {
  const verb = table().get(word);
  if (!verb || word === 'according') return false;
  if (verb.narrates === false) return false;
  return !verb.notBefore?.includes(next);
}
