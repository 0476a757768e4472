// Bundle-time stand-in for ansi-escapes; marked-terminal uses only its `link`,
// and only when hyperlinks are supported, which the supports-hyperlinks stand-in never says.

/** link returns the text, without the OSC 8 escape. */
function link(text: string): string {
  return text;
}

export default { link };
