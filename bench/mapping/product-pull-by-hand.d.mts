export declare function productPullByHand(
  product: Record<string, unknown>,
  settings: { channel: string; locales: readonly string[]; nameAttribute: string; descriptionAttribute: string; priceAttribute: string; mediaFormat: string },
  catalog: { attributes: ReadonlyMap<string, { type: string; localizable: boolean; scopable: boolean }>; mediaUrl(code: string): string },
): Record<string, unknown>;
