/** Stable error codes; tests assert these, never the wording. */
export type ErrorCode =
  | 'USAGE'
  | 'ARTICLE_NOT_FOUND'
  | 'NOT_A_FILE'
  | 'UNREADABLE'
  | 'NOT_TEXT'
  | 'TOO_LARGE'
  | 'EMPTY_INPUT'
  | 'NO_PARAGRAPHS'
  | 'FETCH_FAILED';

/** An expected failure: main prints `news-read: <message>` and exits with `exitCode`. */
export class NewsReadError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: number;

  constructor(code: ErrorCode, message: string, exitCode = code === 'USAGE' ? 2 : 1) {
    super(message);
    this.name = 'NewsReadError';
    this.code = code;
    this.exitCode = exitCode;
  }
}
