// Bundle-time stand-in for supports-hyperlinks. styled.ts escapes `[`, `<` and
// parses without GFM autolinks, so an article's text never becomes a link.

/** No stream gets OSC 8 hyperlinks: links, if any, print as "text (url)". */
export default { stdout: false, stderr: false };
