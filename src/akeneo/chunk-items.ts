/** Split `items` into consecutive chunks of at most `size`, each with the input position of its first item. */
export function chunkItems<T>(items: readonly T[], size: number): Array<{ offset: number; items: T[] }> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const chunks: Array<{ offset: number; items: T[] }> = [];
  for (let offset = 0; offset < items.length; offset += size) chunks.push({ offset, items: items.slice(offset, offset + size) });
  return chunks;
}
