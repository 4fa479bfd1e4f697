export declare const BENCH_SETTINGS: Readonly<{
  channel: string; locales: string[]; nameAttribute: string; descriptionAttribute: string; priceAttribute: string;
  mediaFormat: "link" | "code"; productIdFormat: "uuid" | "identifier";
}>;
export declare const BENCH_BASE_URL: string;
export declare function benchAttributes(): Array<Record<string, unknown> & { code: string; type: string; localizable: boolean; scopable: boolean }>;
export declare function benchProduct(n?: number): Record<string, unknown>;
