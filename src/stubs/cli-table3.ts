// Bundle-time stand-in for cli-table3. Tables are GFM syntax and styled.ts parses
// with `gfm: false` and escapes `|`, so marked-terminal never builds one.

/** Table is never constructed for an article; if it ever is, the bug is loud. */
export default class Table {
  constructor() {
    throw new Error('tables are not supported in the bundled build');
  }
}
