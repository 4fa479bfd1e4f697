/**
 * Ask an iterator for its next item now, to be awaited later (read-ahead). The promise is marked
 * handled at once: if the run is aborted while the previous page is still being mapped, the
 * rejection must not count as unhandled (Node would crash the process); the later `await` still
 * sees the error.
 */
export function prefetch<T>(items: AsyncIterator<T>): Promise<IteratorResult<T>> {
  const next = items.next();
  next.catch(() => undefined);
  return next;
}

/**
 * Let a just-prefetched request reach the socket before the CPU-bound mapping of the current page.
 * undici writes a request on a reused keep-alive socket only at the next check phase (it first lets
 * the socket report a pending close); waiting two check phases puts that write ahead of our work,
 * so the PIM starts on the next page while this one is mapped.
 */
export async function letRequestGoOut(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  await new Promise<void>((resolve) => setImmediate(resolve));
}
