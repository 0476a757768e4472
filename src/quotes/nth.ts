// Indexing that says what went wrong: attribution reads tokens by position, and a
// position out of range is a bug to report clearly, never something to paper over.

/** nth returns the item at `index`, and throws a clear error when there is none (a bug, never input). */
export function nth<T>(items: ArrayLike<T>, index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`no item at ${index} of ${items.length}`);
  return item;
}
