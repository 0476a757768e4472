import { articleMeta } from '../parse.js';
import { extractQuotes, matchesSpeaker } from '../quotes/index.js';
import { quoteExcerpt } from '../render/parts.js';
import type { Article, Quote, QuoteEntry, QuotesView, SpeakerEntry } from '../types.js';

/** quotesView returns every quotation in article order, or only those of `speaker` when given. */
export function quotesView(article: Article, speaker?: string): QuotesView {
  let quotes = extractQuotes(article);
  if (speaker !== undefined) quotes = quotes.filter((quote) => matchesSpeaker(quote, speaker));
  return {
    view: 'quotes',
    article: articleMeta(article),
    quotes,
    entries: quoteEntries(quotes),
    speakers: cast(quotes),
  };
}

// One line a quote, its excerpt as the renderers showed it in 1.0.
function quoteEntries(quotes: readonly Quote[]): QuoteEntry[] {
  return quotes.map((quote, index) => {
    const [before, , after] = quoteExcerpt(quote);
    const runs = [
      { text: before, quoted: false },
      { text: quote.text, quoted: true },
      { text: after, quoted: false },
    ].filter((run) => run.text !== '');
    return { runs, speaker: quote.speaker, quotes: [index] };
  });
}

// The speakers in order of first quote.
function cast(quotes: readonly Quote[]): SpeakerEntry[] {
  const byName = new Map<string, SpeakerEntry>();
  for (const quote of quotes) {
    if (quote.speaker === null) continue;
    const entry = byName.get(quote.speaker);
    if (entry) entry.quotes += 1;
    else byName.set(quote.speaker, { name: quote.speaker, aliases: quote.aliases ?? [], role: null, quotes: 1 });
  }
  return [...byName.values()];
}
