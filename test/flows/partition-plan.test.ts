import { describe, expect, it } from "vitest";
import { planPartitions, type TimeRange } from "../../src/flows/partition-plan.js";
import { Channel } from "../../src/flows/channel.js";

function coversExactly(ranges: TimeRange[], lower: number, upper: number): boolean {
  if (ranges.length === 0 || ranges[0]!.from !== lower || ranges[ranges.length - 1]!.to !== upper) return false;
  return ranges.every((r, i) => r.from <= r.to && (i === 0 || r.from === ranges[i - 1]!.to + 1));
}

describe("planPartitions", () => {
  it("cuts a uniform sample into equal ranges that cover [lower, upper] exactly", () => {
    const sample = Array.from({ length: 100 }, (_, i) => 1000 + i * 10);
    const ranges = planPartitions(sample, 1000, 2000, 4);
    expect(ranges).toHaveLength(4);
    expect(coversExactly(ranges, 1000, 2000)).toBe(true);
    expect(ranges.map((r) => r.from)).toEqual([1000, 1250, 1500, 1750]);
  });

  it("follows clustered timestamps instead of splitting time evenly", () => {
    const sample = [...Array.from({ length: 90 }, (_, i) => 5000 + i), ...Array.from({ length: 10 }, (_, i) => 100 + i)];
    const ranges = planPartitions(sample, 0, 6000, 4);
    expect(coversExactly(ranges, 0, 6000)).toBe(true);
    // three of the four cuts fall inside the cluster around 5000
    expect(ranges.filter((r) => r.from >= 5000).length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ["an empty sample", [], 1],
    ["a sample of one second", [1500, 1500, 1500], 2],
  ])("degrades gracefully on %s", (_name, sample, expected) => {
    const ranges = planPartitions(sample, 1000, 2000, 4);
    expect(ranges).toHaveLength(expected);
    expect(coversExactly(ranges, 1000, 2000)).toBe(true);
  });

  it("returns nothing for an empty interval", () => {
    expect(planPartitions([5], 10, 9, 4)).toEqual([]);
  });
});

describe("Channel", () => {
  it("delivers in order, applies backpressure and ends when closed", async () => {
    const channel = new Channel<number>(2);
    let pushed = 0;
    const producer = (async () => {
      for (let i = 0; i < 5; i++) {
        await channel.push(i);
        pushed++;
      }
      channel.close();
    })();
    await new Promise((r) => setImmediate(r));
    expect(pushed).toBe(2);
    const got: number[] = [];
    for (let next = await channel.take(); !next.done; next = await channel.take()) got.push(next.value);
    await producer;
    expect(got).toEqual([0, 1, 2, 3, 4]);
  });

  it("rejects a waiting consumer when a producer fails", async () => {
    const channel = new Channel<number>(1);
    const waiting = channel.take();
    channel.fail(new Error("boom"));
    await expect(waiting).rejects.toThrow("boom");
    await channel.push(1);
    await expect(channel.take()).rejects.toThrow("boom");
  });
});
