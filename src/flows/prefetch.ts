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

