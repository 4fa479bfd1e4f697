/**
 * A bounded sample of `updated` seconds: every `stride`-th value offered. When it is full, every
 * other value is dropped and the stride doubles, so a partition of a million records keeps a few
 * hundred numbers, not a million. Records come in key order, which is unrelated to `updated`, so
 * taking every n-th one is as good as a random pick.
 */
export interface DateSample {
  values: number[];
  stride: number;
  offered: number;
}

export const SAMPLE_SIZE = 512;

export function newSample(values: number[], stride = 1): DateSample {
  return { values, stride, offered: 0 };
}

export function addToSample(sample: DateSample, t: number): void {
  if (sample.offered++ % sample.stride !== 0) return;
  sample.values.push(t);
  if (sample.values.length >= SAMPLE_SIZE) {
    sample.values = sample.values.filter((_, i) => i % 2 === 1);
    sample.stride *= 2;
  }
}
