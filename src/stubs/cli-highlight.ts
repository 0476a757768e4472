// Bundle-time stand-in for cli-highlight (highlight.js and every grammar: ~160 ms to
// import). marked-terminal only calls it for fenced code, and styled.ts escapes
// every backtick and indents nothing, so an article never has a code block.

/** highlight returns the code unchanged. */
export function highlight(code: string): string {
  return code;
}
