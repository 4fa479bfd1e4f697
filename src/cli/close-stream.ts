import { once } from "node:events";

/** End a writable stream and wait until its data is flushed (or it failed). */
export async function closeStream(stream: NodeJS.WritableStream): Promise<void> {
  const finished = Promise.race([once(stream, "finish"), once(stream, "error")]);
  stream.end();
  await finished.catch(() => undefined);
}
