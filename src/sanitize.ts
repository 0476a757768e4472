// Article text is untrusted: nothing in it may drive the terminal.

// Whole escape sequences, 7-bit and 8-bit: CSI, OSC/DCS/SOS/PM/APC strings (to BEL or ST), and two-byte escapes.
// A string with no terminator loses only its introducer: one stray U+009D must not
// swallow the rest of the article. Its payload stops at the next ESC or string
// control, so many unterminated introducers still take one linear pass.
const ESCAPE_SEQUENCE =
  /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x90\x98\x9c-\x9f]*(?:\x07|\x1b\\|\x9c)|\x1b[\x20-\x2f]*[\x30-\x7e]?/g;
// C0 but tab and newline, DEL, C1, and the bidi embeddings, overrides and isolates that can disguise text.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
// Every escape sequence starts with a character of CONTROL, so clean text needs one scan only.
const ANY_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/** stripControls returns `text` without escape sequences, control characters or bidi overrides. */
export function stripControls(text: string): string {
  if (!ANY_CONTROL.test(text)) return text;
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

// What JSON.stringify leaves raw but a terminal or a JavaScript parser may act on.
const JSON_UNSAFE = /[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** escapeJsonText returns JSON text with DEL, C1, bidi controls and line separators written as \u escapes. */
export function escapeJsonText(json: string): string {
  return json.replace(JSON_UNSAFE, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
