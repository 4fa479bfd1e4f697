/**
 * Hold a response's output until a moment passes: `writeHead`, `write` and `end` calls are queued and
 * replayed in order when `until` resolves, then pass straight through. When `until` rejects (the
 * sandbox is closing) the response is destroyed instead. Used for injected latency, so that a
 * request is worked on at once and answered no earlier than its latency.
 */
import type { ServerResponse } from "node:http";

type Held = "writeHead" | "write" | "end";
const HELD: readonly Held[] = ["writeHead", "write", "end"];

export function holdResponse(res: ServerResponse, until: Promise<void>): void {
  const queue: Array<[Held, unknown[]]> = [];
  const originals = new Map<Held, (...args: unknown[]) => unknown>();
  for (const name of HELD) {
    const original = (res[name] as (...args: unknown[]) => unknown).bind(res);
    originals.set(name, original);
    (res as unknown as Record<Held, unknown>)[name] = (...args: unknown[]) => {
      queue.push([name, args]);
      return name === "write" ? true : res;
    };
  }
  const restore = (): void => {
    for (const [name, original] of originals) (res as unknown as Record<Held, unknown>)[name] = original;
  };
  until.then(
    () => {
      restore();
      try {
        for (const [name, args] of queue) (originals.get(name) as (...a: unknown[]) => unknown)(...args);
      } catch {
        res.destroy(); // an answer that could not have been sent unheld (headers twice, say) ends the connection
      }
    },
    () => {
      restore();
      res.destroy();
    },
  );
}
