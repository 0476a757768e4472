// The shared vocabulary of news-read. Field names follow the JSON contract
// (README, "JSON"), so render/json.ts is close to the identity. Unknown is null.

/** One sentence of the article body. */
export interface Sentence {
  /** The sentence as written, trimmed; a substring of its paragraph. */
  text: string;
  /** 0-based index into the article's sentences; sentences stay in article order. */
  index: number;
  /** 0-based index of the paragraph that holds it. */
  paragraph: number;
  /** UTF-16 offset of `text` in its paragraph. */
  start: number;
}

/** Everything the parser knows about one article. */
export interface Article {
  slug: string | null;
  title: string | null;
  byline: string | null;
  role: string | null;
  dateline: string | null;
  source: string | null;
  date: string | null;
  contact: string | null;
  /** Body paragraphs exactly as written (the dateline prefix, if any, stays in the first). */
  paragraphs: string[];
  /** Length of the dateline prefix ("BEIRUT // ") at the start of the first paragraph; 0 if none. */
  datelineLength: number;
  /** The body's sentences; built on first use, since only the summary and quotes views read them. */
  sentences: Sentence[];
  /** Words in the body, the dateline prefix excluded. */
  words: number;
  /** Structure of each paragraph, parallel to `paragraphs`; for articles read from Markdown or HTML. */
  blocks?: Block[];
  /** The page's language tag ("en-GB"); only for articles read from HTML. */
  language?: string | null;
  /** Every author the source names, in order; `byline` is their names joined for the contract. */
  authors?: string[];
}

/** What a paragraph was on the page it came from. */
export type BlockKind = 'paragraph' | 'heading' | 'item' | 'quote' | 'caption';

/** Inline emphasis inside a paragraph, as UTF-16 offsets into its plain text. */
export interface Mark {
  kind: 'emphasis' | 'strong' | 'code';
  start: number;
  end: number;
}

/** A hyperlink inside a paragraph. */
export interface Link {
  /** The link's visible text, as it stands in the paragraph. */
  text: string;
  /** An absolute http:, https: or mailto: URL, printable ASCII only. */
  href: string;
  /** UTF-16 offset of `text` in its paragraph. */
  start: number;
}

/** The structure of one paragraph: its kind and its links, in order. */
export interface Block {
  kind: BlockKind;
  links: Link[];
  /** Inline emphasis, in order and not overlapping; absent when none. */
  marks?: Mark[];
  /** For a heading: its level, 2 for a subheading. */
  level?: number;
  /** For a block quote or an embedded post: who the page credits it to (its footer, cite or author line). */
  attribution?: string | null;
}

/** The article's metadata as the JSON contract names it. */
export interface ArticleMeta {
  slug: string | null;
  title: string | null;
  byline: string | null;
  role: string | null;
  dateline: string | null;
  source: string | null;
  date: string | null;
  contact: string | null;
  words: number;
  /** Only for articles read from HTML. */
  language?: string | null;
  /** Every author, when the source names them; `byline` stays their names as one string. */
  authors?: string[];
}

export type QuoteKind = 'speech' | 'scare' | 'title';

/** One quotation found in the article. */
export interface Quote {
  /** The words between the marks, without the marks. */
  text: string;
  /** Who the article credits with the words, by the fullest name it gives; null for none. */
  speaker: string | null;
  /** The sentence that holds the quote (the first one, when the quote runs over several). */
  context: string;
  kind: QuoteKind;
  /** The reporting verb that ties the quote to its speaker, as written; null if none. */
  cue: string | null;
  /** Index of the sentence that holds the opening mark. */
  sentence: number;
  /** Paragraph and UTF-16 offsets of `text` in it (end of the first paragraph's part for multi-paragraph quotes). */
  paragraph: number;
  start: number;
  end: number;
  /** Other forms the article uses for the speaker (surname, "Mr X", a role), for `--speaker`. */
  aliases?: string[];
  /** True when the quote runs on into the next paragraph, which reopens it (newspaper convention). */
  continues?: boolean;
}

export interface SummarySentence {
  /** The sentence as the summary gives it: the article's own, or `original` repaired to read alone. */
  text: string;
  /** 0-based index into the article's sentences; entries stay in article order. */
  index: number;
  /** Only for a repaired sentence ("[Tom Reilly] said"): the sentence as the article has it. */
  original?: string;
}

/** A quotation inside a paragraph, marks included, as UTF-16 offsets into its text. */
export interface QuotationSpan {
  start: number;
  end: number;
}

export interface FullView {
  view: 'full';
  article: ArticleMeta;
  paragraphs: string[];
  /** Structure of each paragraph, parallel to `paragraphs`; for articles read from Markdown or HTML. */
  blocks?: Block[];
  /** The quotations of each paragraph, parallel to `paragraphs`; present when the view was asked for them (styled output). */
  quotations?: QuotationSpan[][];
}

export interface SummaryView {
  view: 'summary';
  article: ArticleMeta;
  summary: SummarySentence[];
}

/** A run of a quotes-view line: article words, or (quoted) the speaker's own words, shown inside quotation marks. */
export interface QuoteRun {
  text: string;
  quoted: boolean;
}

/**
 * One line of the quotes view as a reader sees it: a quote, or the excerpt of a
 * sentence with each of its quoted fragments marked, and who said them. The
 * quote extractor decides the runs (cuts are "…" inside text runs); renderers only lay them out.
 */
export interface QuoteEntry {
  runs: QuoteRun[];
  speaker: string | null;
  /** Indexes into the view's `quotes` of the quotes this line shows. */
  quotes: number[];
}

/** One person or body quoted in the article: the story's cast, in order of first quote. */
export interface SpeakerEntry {
  /** The fullest name the article gives. */
  name: string;
  /** Other forms the article uses ("Lavrov", "Mr Lavrov", "the minister"). */
  aliases: string[];
  /** The role as the article gives it ("Russia's foreign minister"); null for none. */
  role: string | null;
  /** How many of the view's quotes are theirs. */
  quotes: number;
}

export interface QuotesView {
  view: 'quotes';
  article: ArticleMeta;
  quotes: Quote[];
  /** The lines to show, in article order. */
  entries: QuoteEntry[];
  speakers: SpeakerEntry[];
  /** Set when `--speaker` named nobody the article quotes: the name asked for and everyone quoted, for the message. */
  unmatched?: { speaker: string; quoted: string[] };
}

/** One bundled article in the list: its metadata, and whether it is the one read when no argument is given. */
export interface ListEntry extends ArticleMeta {
  default: boolean;
}

export interface ListView {
  view: 'list';
  articles: ListEntry[];
}

export type View = FullView | SummaryView | QuotesView | ListView;

/** A view about one article: every view but the list. */
export type ArticleView = Exclude<View, ListView>;
