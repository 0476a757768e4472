import { articleMeta } from '../parse.js';
import { matchesSpeaker, quoteEntries, readQuotes, speakerCast } from '../quotes/index.js';
import type { Article, QuotesView } from '../types.js';

/**
 * quotesView returns every quotation in article order, its lines and its cast, or only those of
 * `speaker` when given; a speaker the article does not quote leaves the view empty and says who is quoted.
 */
export function quotesView(article: Article, speaker?: string): QuotesView {
  const { quotes: all, roles } = readQuotes(article);
  const quotes = speaker === undefined ? all : all.filter((quote) => matchesSpeaker(quote, speaker));
  const view: QuotesView = {
    view: 'quotes',
    article: articleMeta(article),
    quotes,
    entries: quoteEntries(article, quotes),
    speakers: speakerCast(quotes, roles),
  };
  if (speaker !== undefined && quotes.length === 0)
    view.unmatched = { speaker, quoted: speakerCast(all, roles).map((entry) => entry.name) };
  return view;
}
