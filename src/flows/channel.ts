/**
 * A bounded multi-producer, single-consumer queue: partition readers `push` pages, the pull
 * generator `take`s them. `push` waits while the queue is full, so readers never run further ahead
 * of the consumer than `capacity` pages (bounded memory), and the consumer's pace throttles them.
 */
export class Channel<T> {
  private readonly items: T[] = [];
  private readonly waitingTakers: Array<{ resolve: (value: IteratorResult<T>) => void; reject: (error: unknown) => void }> = [];
  private readonly waitingPushers: Array<() => void> = [];
  private closed = false;
  private failure: unknown;

  constructor(private readonly capacity: number) {}

  /** Add an item; resolves once there is room. Pushing to a closed channel is ignored. */
  async push(item: T): Promise<void> {
    while (!this.closed && this.items.length >= this.capacity && this.waitingTakers.length === 0) {
      await new Promise<void>((resolve) => this.waitingPushers.push(resolve));
    }
    if (this.closed) return;
    const taker = this.waitingTakers.shift();
    if (taker) taker.resolve({ value: item, done: false });
    else this.items.push(item);
  }

  /** The next item, or done once the channel is closed and drained; rejects after `fail`. */
  async take(): Promise<IteratorResult<T>> {
    const item = this.items.shift();
    if (item !== undefined) {
      this.waitingPushers.shift()?.();
      return { value: item, done: false };
    }
    if (this.failure !== undefined) throw this.failure;
    if (this.closed) return { value: undefined, done: true };
    return new Promise((resolve, reject) => this.waitingTakers.push({ resolve, reject }));
  }

  /** Whether the channel was closed (or failed): a producer whose consumer stopped can stop too. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** No more items will come; the consumer drains what is queued. */
  close(): void {
    this.closed = true;
    for (const taker of this.waitingTakers.splice(0)) taker.resolve({ value: undefined, done: true });
    for (const pusher of this.waitingPushers.splice(0)) pusher();
  }

  /** Stop with an error: the consumer's next `take` rejects with it once the queue is empty. */
  fail(error: unknown): void {
    if (this.failure === undefined) this.failure = error;
    this.closed = true;
    for (const taker of this.waitingTakers.splice(0)) taker.reject(error);
    for (const pusher of this.waitingPushers.splice(0)) pusher();
  }
}
