// Words as the summarizer counts them, shared by the ranking and the stand-alone rules.

// NLTK's classic English stopword list. Reporting words ("said", "Mr") stay content
// words on purpose: in news they mark the attributed statements, and removing them
// lowered dev-set ROUGE-2 by 0.02 (see docs/summary.md).
export const STOPWORDS: ReadonlySet<string> = new Set([
  ...['i', 'me', 'my', 'myself', 'we', 'our', 'ours', 'ourselves', 'you', 'your', 'yours', 'yourself'],
  ...['yourselves', 'he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself', 'it', 'its', 'itself'],
  ...['they', 'them', 'their', 'theirs', 'themselves', 'what', 'which', 'who', 'whom', 'this', 'that'],
  ...['these', 'those', 'am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'have', 'has', 'had'],
  ...['having', 'do', 'does', 'did', 'doing', 'a', 'an', 'the', 'and', 'but', 'if', 'or', 'because', 'as'],
  ...['until', 'while', 'of', 'at', 'by', 'for', 'with', 'about', 'against', 'between', 'into', 'through'],
  ...['during', 'before', 'after', 'above', 'below', 'to', 'from', 'up', 'down', 'in', 'out', 'on', 'off'],
  ...['over', 'under', 'again', 'further', 'then', 'once', 'here', 'there', 'when', 'where', 'why', 'how'],
  ...['all', 'any', 'both', 'each', 'few', 'more', 'most', 'other', 'some', 'such', 'no', 'nor', 'not'],
  ...['only', 'own', 'same', 'so', 'than', 'too', 'very', 's', 't', 'can', 'will', 'just', 'don', 'should'],
  'now',
]);

// The same tokens the ROUGE scorer and most IR systems use: runs of letters or digits.
export const TOKEN = /[\p{L}\p{N}]+/gu;

/** contentWords returns the distinct lowercased non-stopwords of a text. */
export function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const word of text.toLowerCase().match(TOKEN) ?? []) if (!STOPWORDS.has(word)) words.add(word);
  return words;
}
