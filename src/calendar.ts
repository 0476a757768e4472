// Calendar words, in lower case, for the readers of article text that must tell a date from a
// name or a sentence end: the sentence splitter, the page-furniture rules, the speaker finder.

export const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** The abbreviations news copy writes with a full stop ("Jan. 5"); "may" needs none. */
export const MONTH_ABBREVIATIONS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
] as const;

export const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

export const WEEKDAY_ABBREVIATIONS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** capitalised returns each word with its first letter in upper case ("Monday"), as it opens a sentence. */
export function capitalised(words: readonly string[]): string[] {
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1));
}
