import {
  contentSimilarity,
  NEAR_DUPLICATE_SIMILARITY,
  type SentenceNeeds,
  sentenceNeeds,
} from './summary/standalone.js';
import { STOPWORDS, TOKEN } from './summary/words.js';
import type { Article, SummarySentence } from './types.js';

// Extractive and deterministic. Sentences are ranked by degree centrality in a word-overlap
// graph, computed in linear time because the similarity is a dot product, and nudged by a
// lead prior; fragments, header-like lines and quote tails are taken only when needed, and
// near-repeats of what is already chosen are deferred. A summary up to the default length opens
// with the lede, and every chosen sentence reads alone (the stand-alone rules in
// summary/standalone.ts). docs/summary.md gives the reasons and the dev-set figures for each choice.

const TERMINAL = /[.!?…]["'”’)\]]*$/;
const LINK = /^(?:\S+@\S+\.\S+|(?:https?:\/\/|www\.)\S+)$/i;

/** Weight of the news lead prior: the first sentence's score is raised by this fraction, the i-th by fraction/i. */
const LEAD_PRIOR = 0.1;
/** A candidate whose content-word bigrams are at least this share already in the summary adds too little. */
const REDUNDANT_SHARE = 0.5;
/** Sentences with fewer words than this are fragments ("Not so.") that need their neighbours. */
const FRAGMENT_WORDS = 4;

/** defaultSummaryLength returns how many sentences a summary of `count` sentences gets by default. */
export function defaultSummaryLength(count: number): number {
  if (count <= 0) return 0;
  // Three sentences for a short story, one more each time the story doubles past 24 sentences,
  // but never more than a third of it, so the summary stays a summary; a tiny story keeps one.
  const grown = 3 + Math.floor(Math.log2(Math.max(1, count / 12)));
  return Math.max(1, Math.min(count, grown, Math.ceil(count / 3)));
}

/**
 * summarize returns the `sentences` sentences (at most all there are) that best carry the story
 * and read alone, in article order; without `sentences` (or with NaN) it gives the default length.
 * A summary no longer than the default opens with the lede. A sentence repaired to stand alone
 * (a pronoun speaker given a name) carries its article text in `original`.
 */
export function summarize(article: Article, sentences?: number): SummarySentence[] {
  const all = article.sentences;
  const defaultLength = defaultSummaryLength(all.length);
  const requested = sentences === undefined || Number.isNaN(sentences) ? defaultLength : Math.floor(sentences);
  const wanted = Math.min(all.length, Math.max(0, requested));
  if (wanted === 0) return [];
  if (wanted === all.length) return all.map(({ text, index }) => ({ text, index }));

  const texts = all.map((sentence) => sentence.text);
  const document = indexWords(texts);
  const scores = scoreCentrality(document);
  // A summary up to the default length is what a reader sees first: it opens with the lede, as
  // an editor's would, so `-n 1` is the lede and `--summary` equals `-n` with the default length.
  // A longer one is asked for and chosen on merit: on the dev set a forced lede there lost.
  const ranked = rankSentences(all, scores, document, wanted <= defaultLength);
  return selectSentences(ranked, document, wanted, texts);
}

/**
 * rankByCentrality returns the article's sentence indices best first, as the summary ranks them
 * before the lede and stand-alone rules act: regular sentences by prior-weighted centrality, then
 * fragments, header lines and quote tails.
 */
export function rankByCentrality(article: Article): number[] {
  const document = indexWords(article.sentences.map((sentence) => sentence.text));
  return rankSentences(article.sentences, scoreCentrality(document), document, false);
}

export { leansOnPrevious } from './summary/standalone.js';

/** Content words of every sentence as vocabulary ids, stored flat: sentence i owns ids[offsets[i]..offsets[i+1]). */
interface WordIndex {
  ids: Int32Array;
  offsets: Int32Array;
  /** Words of any kind (stopwords too) in each sentence. */
  wordCounts: Int32Array;
  vocabularySize: number;
  /** Word → id; stopwords are -1. Ids in `ids` are folded (see foldDerivedWords), these are not. */
  vocabulary: ReadonlyMap<string, number>;
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
  return { ids: ids.subarray(0, length), offsets, wordCounts, vocabularySize, vocabulary };
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
  if (folded) for (let position = 0; position < ids.length; position++) ids[position] = folded[ids[position] ?? 0] ?? 0;
}

/**
 * Degree centrality in the graph whose edge weights are sim(i, j) = x_i·x_j / (g_i g_j), x the
 * content-word counts and g = log(1 + content words), TextRank's length damping in product form.
 * Because the similarity is a dot product, a sentence's degree is x_i·T − x_i·x_i / g_i (over g_i),
 * with T the sum of all x_j / g_j: one pass over the words instead of all sentence pairs.
 * Every read is in bounds; `?? 0` only tells the type checker so, and unlike a checking helper
 * it costs nothing in these loops (a helper call per word made the 5 MB summary 1.4× slower).
 */
function scoreCentrality({ ids, offsets, vocabularySize }: WordIndex): Float64Array {
  const count = offsets.length - 1;
  const damping = new Float64Array(count);
  const totals = new Float64Array(vocabularySize);
  for (let sentence = 0; sentence < count; sentence++) {
    const start = offsets[sentence] ?? 0;
    const end = offsets[sentence + 1] ?? 0;
    const weight = Math.log(1 + end - start) || 1;
    damping[sentence] = weight;
    for (let position = start; position < end; position++) {
      const id = ids[position] ?? 0;
      totals[id] = (totals[id] ?? 0) + 1 / weight;
    }
  }

  const scores = new Float64Array(count);
  const seen = new Int32Array(vocabularySize);
  for (let sentence = 0; sentence < count; sentence++) {
    const start = offsets[sentence] ?? 0;
    const end = offsets[sentence + 1] ?? 0;
    let overlap = 0;
    let self = 0;
    for (let position = start; position < end; position++) {
      const id = ids[position] ?? 0;
      overlap += totals[id] ?? 0;
      // Σ c² grows by 2c − 1 with each repeat of a word; `seen` is cleared below.
      const repeats = seen[id] ?? 0;
      self += 2 * repeats + 1;
      seen[id] = repeats + 1;
    }
    for (let position = start; position < end; position++) seen[ids[position] ?? 0] = 0;
    const weight = damping[sentence] ?? 0;
    scores[sentence] = (overlap - self / weight) / weight;
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
    weighted[index] = at(scores, index) * (1 + LEAD_PRIOR / (index + 1));
    const alone =
      sentences[index - 1]?.paragraph !== sentence.paragraph && sentences[index + 1]?.paragraph !== sentence.paragraph;
    const needed =
      at(wordCounts, index) < FRAGMENT_WORDS || isHeaderLike(sentence.text, alone) || continuesQuote(sentence.text);
    (needed ? lastResort : regular).push(index);
  });
  const byWeight = (a: number, b: number) => at(weighted, b) - at(weighted, a) || a - b;
  const ranked = regular.sort(byWeight);
  // A short summary is what a reader sees first, so it opens with the lede, as a news editor's
  // would, when the lede is a real sentence (a regular one, not a fragment or header).
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
 * Takes ranked sentences until `wanted` are chosen, under the stand-alone rules
 * (src/summary/standalone.ts): a near-duplicate of a chosen sentence is passed over; one whose
 * content-word bigrams are mostly in the summary already is deferred (a repeat adds words but no
 * news); one that needs a neighbour is repaired if it can be, else taken when the neighbour is
 * chosen, or together with it, the pair ranked at the mean priority of the two. Only when the
 * article has nothing else left does a sentence that breaks a rule fill the summary. Returns the
 * summary in article order.
 */
function selectSentences(
  order: readonly number[],
  { ids, offsets, vocabularySize, vocabulary }: WordIndex,
  wanted: number,
  texts: readonly string[],
): SummarySentence[] {
  const chosen: number[] = [];
  const isChosen = new Uint8Array(texts.length);
  const covered = new Set<number>();
  const needs = new Map<number, SentenceNeeds>();
  const words = new Map<number, Set<number>[]>();
  const needsOf = (sentence: number) => cached(needs, sentence, () => sentenceNeeds(texts, sentence));
  // A sentence may reach the reader as written or repaired ("[Liam Fox] said"): both forms count.
  const wordsOf = (sentence: number) =>
    cached(words, sentence, () => {
      const { repaired } = needsOf(sentence);
      // The article's words come from the index already built; only a repaired form is read again.
      const written = new Set(ids.subarray(at(offsets, sentence), at(offsets, sentence + 1)));
      return repaired === null ? [written] : [written, contentIds(repaired, vocabulary)];
    });
  const bigramsOf = (sentence: number): number[] => {
    const start = at(offsets, sentence);
    const end = at(offsets, sentence + 1);
    // A one-word sentence is its own "bigram", so a repeat of it still counts as covered.
    if (end - start === 1) return [at(ids, start) * (vocabularySize + 1)];
    const keys: number[] = [];
    for (let word = start; word + 1 < end; word++)
      keys.push(at(ids, word) * (vocabularySize + 1) + at(ids, word + 1) + 1);
    return keys;
  };
  const room = () => wanted - chosen.length;
  const isRedundant = (sentence: number) => {
    const keys = bigramsOf(sentence);
    return keys.length > 0 && keys.filter((key) => covered.has(key)).length >= REDUNDANT_SHARE * keys.length;
  };
  const similar = (a: number, b: number) =>
    wordsOf(a).some((one) => wordsOf(b).some((other) => contentSimilarity(one, other) >= NEAR_DUPLICATE_SIMILARITY));
  const duplicatesChosen = (sentence: number) => chosen.some((other) => similar(other, sentence));
  // Whether the sentence stands once `withSentence` (a neighbour chosen with it) is in the summary.
  const stands = (sentence: number, withSentence = -1) => {
    const need = needsOf(sentence);
    const has = (other: number) => isChosen[other] === 1 || other === withSentence;
    return (!need.previous || need.repaired !== null || has(sentence - 1)) && (!need.next || has(sentence + 1));
  };
  // The sentence before, when a sentence needs it and may be taken with it; -1 when there is none.
  // A list intro is never taken with its first item alone: half a list is no better than none.
  const partnerOf = (sentence: number) => {
    const need = needsOf(sentence);
    const partner = need.previous && need.repaired === null && !need.next ? sentence - 1 : -1;
    if (partner < 0 || isChosen[partner] === 1) return -1;
    return stands(partner, sentence) && stands(sentence, partner) && !similar(partner, sentence) ? partner : -1;
  };
  const waiting: number[] = [];
  const take = (sentence: number) => {
    if (isChosen[sentence] === 1 || room() === 0) return;
    isChosen[sentence] = 1;
    chosen.push(sentence);
    for (const key of bigramsOf(sentence)) covered.add(key);
    // A better-ranked sentence that was waiting for this neighbour can now be read alone.
    for (const neighbour of [sentence + 1, sentence - 1]) {
      const position = waiting.indexOf(neighbour);
      if (position < 0 || room() === 0 || !stands(neighbour) || duplicatesChosen(neighbour)) continue;
      waiting.splice(position, 1);
      take(neighbour);
    }
  };
  const takePair = (sentence: number, partner: number) => {
    if (room() < 2 || isChosen[sentence] === 1 || isChosen[partner] === 1) return false;
    if (duplicatesChosen(sentence) || duplicatesChosen(partner)) return false;
    take(partner);
    if (isChosen[sentence] === 0) take(sentence);
    return true;
  };

  const deferred: number[] = [];
  const passedOver: number[] = [];
  for (const sentence of order) {
    if (room() === 0) break;
    if (isChosen[sentence] === 1) continue;
    if (duplicatesChosen(sentence)) passedOver.push(sentence);
    else if (isRedundant(sentence)) deferred.push(sentence);
    else if (stands(sentence)) take(sentence);
    else {
      // Taken at once with the neighbour it needs: on the dev set this beat waiting for the
      // neighbour (-0.009 ROUGE-2) and ranking the pair at its mean priority (-0.004).
      const partner = partnerOf(sentence);
      if (partner < 0 || !takePair(sentence, partner)) waiting.push(sentence);
    }
  }
  for (const sentence of [...deferred, ...waiting]) {
    if (room() === 0) break;
    if (isChosen[sentence] === 1 || duplicatesChosen(sentence)) continue;
    if (stands(sentence)) take(sentence);
    else {
      const partner = partnerOf(sentence);
      if (partner >= 0) takePair(sentence, partner);
    }
  }
  // The last resort: the article has no more sentences that read alone (a summary of nearly all of it).
  for (const sentence of [...deferred, ...waiting, ...passedOver, ...order]) {
    if (room() === 0) break;
    if (isChosen[sentence] === 0) take(sentence);
  }
  return chosen
    .sort((a, b) => a - b)
    .map((index) => {
      const text = texts[index] ?? '';
      const { previous, repaired } = needsOf(index);
      if (!previous || repaired === null || isChosen[index - 1] === 1) return { text, index };
      return { text: repaired, index, original: text };
    });
}

// The content-word ids of a text, through the article's vocabulary; a word the article never uses gets an id of its own.
function contentIds(text: string, vocabulary: ReadonlyMap<string, number>): Set<number> {
  const found = new Set<number>();
  let unseen = -2;
  for (const word of text.toLowerCase().match(TOKEN) ?? []) {
    const id = vocabulary.get(word);
    if (id === undefined) found.add(unseen--);
    else if (id >= 0) found.add(id);
  }
  return found;
}

function cached<T>(cache: Map<number, T>, key: number, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** at returns array[index], and throws if the index is outside the array (a bug, not bad input). */
function at<T>(array: ArrayLike<T>, index: number): T {
  const value = array[index];
  if (value === undefined) throw new RangeError(`summarize: index ${index} outside 0..${array.length - 1}`);
  return value;
}
