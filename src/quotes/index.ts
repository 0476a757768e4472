// Quotations and who said them. The public face of src/quotes/: the quotes view
// and the tests import from here, never from the parts.
export { extractQuotes, matchesSpeaker, type QuoteReading, readQuotes } from './attribute.js';
export { quoteEntries, quoteExcerpt, speakerCast } from './excerpt.js';
