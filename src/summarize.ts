import type { Article, SummarySentence } from './types.js';

// Extractive and deterministic. Sentences are ranked by degree centrality in a word-overlap
// graph, computed in linear time because the similarity is a dot product, and nudged by a
// lead prior; fragments, header-like lines and quote tails are taken only when needed, and
// near-repeats of what is already chosen are deferred. A summary of the default length opens
// with the lede, and no summary opens with a sentence that leans on the one before it
// ("X, meanwhile, …"). The README's "The summary view" gives the reasons and the dev-set figures for each choice.

// NLTK's classic English stopword list. Reporting words ("said", "Mr") stay content
// words on purpose: in news they mark the attributed statements, and removing them
// lowered dev-set ROUGE-2 by 0.02 (see the README's design notes).
const STOPWORDS = new Set(
  (
    'i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers ' +
    'herself it its itself they them their theirs themselves what which who whom this that these those am is ' +
    'are was were be been being have has had having do does did doing a an the and but if or because as until ' +
    'while of at by for with about against between into through during before after above below to from up ' +
    'down in out on off over under again further then once here there when where why how all any both each ' +
    'few more most other some such no nor not only own same so than too very s t can will just don should now'
  ).split(' '),
);

// The same tokens the ROUGE scorer and most IR systems use: runs of letters or digits.
const TOKEN = /[\p{L}\p{N}]+/gu;
const TERMINAL = /[.!?…]["'”’)\]]*$/;
const LINK = /^(?:\S+@\S+\.\S+|(?:https?:\/\/|www\.)\S+)$/i;
// Words that tie a sentence to the one before it when they open it ("But …", "Meanwhile, …").
// "So", "yet", "still" and "though" open independent sentences too ("So far, …", "Still
// photographs …"), so they count only when a comma follows them ("Still, …").
const CONNECTIVE =
  /^\W*(?:(?:and|or|but|however|meanwhile|also|instead|nevertheless|nonetheless|moreover|furthermore|besides|thus|therefore|hence|then|likewise|similarly|otherwise|indeed|anyway)(?=[\s,])|(?:so|yet|still|though)\s*,)/i;
// The same connectives set off by commas inside the opening clause ("Russia's foreign ministry, meanwhile, …").
const INNER_CONNECTIVE =
  /^[^,;:]{1,60},\s*(?:however|meanwhile|though|also|too|instead|therefore|nevertheless|nonetheless|moreover|furthermore|in turn|in contrast|by contrast|for example|for instance|in addition|as a result|on the other hand),/i;

/** Weight of the news lead prior: the first sentence's score is raised by this fraction, the i-th by fraction/i. */
const LEAD_PRIOR = 0.1;
/** A candidate whose content-word bigrams are at least this share already in the summary adds too little. */
const REDUNDANT_SHARE = 0.5;
/** Sentences with fewer words than this are fragments ("Not so.") that need their neighbours. */
const FRAGMENT_WORDS = 4;
/** How many openers that lean on an unchosen sentence are passed over before one is accepted anyway. */
const OPENER_TRIES = 3;

/** defaultSummaryLength returns how many sentences a summary of `count` sentences gets by default. */
export function defaultSummaryLength(count: number): number {
  if (count <= 0) return 0;
  // Three sentences for a short story, one more each time the story doubles past 24 sentences,
  // but never more than a third of it, so the summary stays a summary; a tiny story keeps one.
  const grown = 3 + Math.floor(Math.log2(Math.max(1, count / 12)));
  return Math.max(1, Math.min(count, grown, Math.ceil(count / 3)));
}

/**
 * summarize returns the `sentences` sentences (at most all there are) that best carry the story, in
 * article order; without `sentences` (or with NaN) it gives the default length, opening with the lede.
 */
export function summarize(article: Article, sentences?: number): SummarySentence[] {
  const all = article.sentences;
  const byDefault = sentences === undefined || Number.isNaN(sentences);
  const requested = byDefault ? defaultSummaryLength(all.length) : Math.floor(sentences);
  const wanted = Math.min(all.length, Math.max(0, requested));
  if (wanted === 0) return [];
  if (wanted === all.length) return all.map(({ text, index }) => ({ text, index }));

  const texts = all.map((sentence) => sentence.text);
  const document = indexWords(texts);
  const scores = scoreCentrality(document);
  const ranked = rankSentences(all, scores, document, byDefault);
  const chosen = chooseOpening(ranked, document, wanted, texts);
  return chosen.map((index) => ({ text: all[index]!.text, index }));
}

/** leansOnPrevious tells whether a sentence opens with a connective that ties it to the sentence before it. */
export function leansOnPrevious(text: string): boolean {
  return CONNECTIVE.test(text) || INNER_CONNECTIVE.test(text);
}

// A summary that opens with "Russia's foreign ministry, meanwhile, …" or "But …" leaves the
// reader asking "meanwhile what?". If the first chosen sentence leans on its (unchosen)
// predecessor, the choice is made again without it, at most OPENER_TRIES times, so the cost
// stays a small constant number of linear passes.
function chooseOpening(
  ranked: readonly number[],
  document: WordIndex,
  wanted: number,
  texts: readonly string[],
): number[] {
  let candidates = ranked;
  let chosen = selectSentences(candidates, document, wanted);
  for (let tries = 0; tries < OPENER_TRIES; tries++) {
    const opener = chosen[0]!;
    if (opener === 0 || !leansOnPrevious(texts[opener]!)) break;
    candidates = candidates.filter((sentence) => sentence !== opener);
    if (candidates.length < wanted) break;
    chosen = selectSentences(candidates, document, wanted);
  }
  return chosen;
}

/** Content words of every sentence as vocabulary ids, stored flat: sentence i owns ids[offsets[i]..offsets[i+1]). */
interface WordIndex {
  ids: Int32Array;
  offsets: Int32Array;
  /** Words of any kind (stopwords too) in each sentence. */
  wordCounts: Int32Array;
  vocabularySize: number;
}

function indexWords(texts: readonly string[]): WordIndex {
  // Stopwords map to -1, so each token costs one lookup; content words get ids 0, 1, 2, ….
  const vocabulary = new Map<string, number>(Array.from(STOPWORDS, (word) => [word, -1]));
  let vocabularySize = 0;
  const offsets = new Int32Array(texts.length + 1);
  const wordCounts = new Int32Array(texts.length);
  let ids = new Int32Array(1024);
  let length = 0;
  texts.forEach((text, sentence) => {
    // `match` with /g returns plain strings, several times cheaper than `matchAll` on megabyte inputs.
    const words = text.toLowerCase().match(TOKEN) ?? [];
    wordCounts[sentence] = words.length;
    for (const word of words) {
      let id = vocabulary.get(word);
      if (id === undefined) {
        id = vocabularySize++;
        vocabulary.set(word, id);
      } else if (id < 0) {
        continue;
      }
      if (length === ids.length) {
        const grown = new Int32Array(ids.length * 2);
        grown.set(ids);
        ids = grown;
      }
      ids[length++] = id;
    }
    offsets[sentence + 1] = length;
  });
  foldDerivedWords(vocabulary, vocabularySize, ids.subarray(0, length));
  return { ids: ids.subarray(0, length), offsets, wordCounts, vocabularySize };
}

/**
 * Light, lexicon-checked stemming: a word that is another word of the same article plus a final
 * "n" or "ns" counts as that word, so "Russian" and "Russians" match "Russia", "American" matches
 * "America" and "taken" matches "take". Checking the shorter form against the article's own
 * vocabulary keeps "season" or "plan" whole. Other suffix strippers (an S-stemmer, Porter's
 * step 1, full Porter) blurred sentences apart that ROUGE and readers keep apart and lost on the
 * dev set. Rewrites `ids` in place; one pass over the vocabulary and one over the words.
 */
function foldDerivedWords(vocabulary: ReadonlyMap<string, number>, vocabularySize: number, ids: Int32Array): void {
  let folded: Int32Array | null = null;
  for (const [word, id] of vocabulary) {
    if (id < 0 || word.length < 5) continue;
    const cut = word.endsWith('ns') ? 2 : word.endsWith('n') ? 1 : 0;
    if (cut === 0) continue;
    const base = vocabulary.get(word.slice(0, -cut));
    if (base === undefined || base < 0) continue;
    folded ??= Int32Array.from({ length: vocabularySize }, (_, index) => index);
    folded[id] = base;
  }
  if (folded) for (let at = 0; at < ids.length; at++) ids[at] = folded[ids[at]!]!;
}

/**
 * Degree centrality in the graph whose edge weights are sim(i, j) = x_i·x_j / (g_i g_j), x the
 * content-word counts and g = log(1 + content words), TextRank's length damping in product form.
 * Because the similarity is a dot product, a sentence's degree is x_i·T − x_i·x_i / g_i (over g_i),
 * with T the sum of all x_j / g_j: one pass over the words instead of all sentence pairs.
 */
function scoreCentrality({ ids, offsets, vocabularySize }: WordIndex): Float64Array {
  const count = offsets.length - 1;
  const damping = new Float64Array(count);
  const totals = new Float64Array(vocabularySize);
  for (let sentence = 0; sentence < count; sentence++) {
    const words = offsets[sentence + 1]! - offsets[sentence]!;
    damping[sentence] = Math.log(1 + words) || 1;
    for (let at = offsets[sentence]!; at < offsets[sentence + 1]!; at++) totals[ids[at]!]! += 1 / damping[sentence]!;
  }

  const scores = new Float64Array(count);
  const seen = new Int32Array(vocabularySize);
  for (let sentence = 0; sentence < count; sentence++) {
    let overlap = 0;
    let self = 0;
    for (let at = offsets[sentence]!; at < offsets[sentence + 1]!; at++) {
      const id = ids[at]!;
      overlap += totals[id]!;
      // Σ c² grows by 2c − 1 with each repeat of a word; `seen` is cleared below.
      self += 2 * seen[id]! + 1;
      seen[id]!++;
    }
    for (let at = offsets[sentence]!; at < offsets[sentence + 1]!; at++) seen[ids[at]!] = 0;
    scores[sentence] = (overlap - self / damping[sentence]!) / damping[sentence]!;
  }
  return scores;
}

/** Sentence indices, best first: regular sentences by prior-weighted centrality, then the ones taken only when needed. */
function rankSentences(
  sentences: Article['sentences'],
  scores: Float64Array,
  { wordCounts }: WordIndex,
  ledeFirst: boolean,
): number[] {
  const weighted = new Float64Array(sentences.length);
  const regular: number[] = [];
  const lastResort: number[] = [];
  sentences.forEach((sentence, index) => {
    weighted[index] = scores[index]! * (1 + LEAD_PRIOR / (index + 1));
    const alone =
      sentences[index - 1]?.paragraph !== sentence.paragraph && sentences[index + 1]?.paragraph !== sentence.paragraph;
    const needed =
      wordCounts[index]! < FRAGMENT_WORDS || isHeaderLike(sentence.text, alone) || continuesQuote(sentence.text);
    (needed ? lastResort : regular).push(index);
  });
  const byWeight = (a: number, b: number) => weighted[b]! - weighted[a]! || a - b;
  // The default summary is what a reader sees first, so it opens with the lede, as a news
  // editor's would, when the lede is a real sentence (a regular one, not a fragment or header).
  // With an explicit length the summary stays pure ranking: on the dev set a forced lede lost.
  const ranked = regular.sort(byWeight);
  if (ledeFirst && regular.includes(0)) ranked.unshift(...ranked.splice(ranked.indexOf(0), 1));
  return [...ranked, ...lastResort.sort(byWeight)];
}

// A short paragraph of its own without closing punctuation is a subheading, caption or
// link line ("Read more", "www.…"), not a sentence of the story.
function isHeaderLike(text: string, aloneInParagraph: boolean): boolean {
  if (LINK.test(text)) return true;
  return aloneInParagraph && !TERMINAL.test(text) && text.split(/\s+/).length <= 12;
}

// The tail of a quotation opened in an earlier sentence (`I do not wish to judge," he said.`)
// reads as a fragment on its own: its first quote mark closes rather than opens.
function continuesQuote(text: string): boolean {
  const mark = /["“”]/.exec(text);
  if (!mark || mark[0] === '“') return false;
  if (mark[0] === '”') return true;
  const before = text[mark.index - 1];
  const after = text[mark.index + 1];
  return before !== undefined && /\S/.test(before) && (after === undefined || /[\s,.;:!?)]/.test(after));
}

/**
 * Takes ranked sentences until `wanted` are chosen, deferring any whose content-word bigrams
 * are mostly in the summary already (a repeat adds words but no news), then returns the
 * chosen indices in article order.
 */
function selectSentences(
  ranked: readonly number[],
  { ids, offsets, vocabularySize }: WordIndex,
  wanted: number,
): number[] {
  const chosen: number[] = [];
  const deferred: number[] = [];
  const covered = new Set<number>();
  const bigramsOf = (sentence: number): number[] => {
    const start = offsets[sentence]!;
    const end = offsets[sentence + 1]!;
    // A one-word sentence is its own "bigram", so a repeat of it still counts as covered.
    if (end - start === 1) return [ids[start]! * (vocabularySize + 1)];
    const keys: number[] = [];
    for (let at = start; at + 1 < end; at++) keys.push(ids[at]! * (vocabularySize + 1) + ids[at + 1]! + 1);
    return keys;
  };
  for (const sentence of ranked) {
    if (chosen.length === wanted) break;
    const keys = bigramsOf(sentence);
    const repeated = keys.filter((key) => covered.has(key)).length;
    if (keys.length > 0 && repeated >= REDUNDANT_SHARE * keys.length) {
      deferred.push(sentence);
      continue;
    }
    chosen.push(sentence);
    for (const key of keys) covered.add(key);
  }
  for (const sentence of deferred) {
    if (chosen.length === wanted) break;
    chosen.push(sentence);
  }
  return chosen.sort((a, b) => a - b);
}
