// Bundle-time stand-in for node-emoji (its emoji tables: ~45 ms to import).
// styled.ts passes `emoji: false`, so marked-terminal never looks a name up.

/** get returns undefined: no `:name:` is ever turned into an emoji. */
export function get(_name: string): string | undefined {
  return undefined;
}
