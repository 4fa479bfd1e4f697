import { describe, expect, it } from "vitest";
import { chunkItems } from "../../src/akeneo/chunk-items.js";
import { encodePathSegment, fillPath } from "../../src/akeneo/fill-path.js";
import { mediaCodeFromLocation, parseContentDispositionFilename } from "../../src/akeneo/media-files.js";
import { encodeQuery, resolveNextLink } from "../../src/akeneo/resolve-next-link.js";

describe("encodePathSegment / fillPath", () => {
  it.each([
    ["simple_code", "simple_code"],
    ["a/b/c.jpg", "a/b/c.jpg"],
    ["with space", "with%20space"],
    ["ünï", "%C3%BCn%C3%AF"],
    ["50%", "50%25"],
    ["a?b#c&d", "a%3Fb%23c%26d"],
  ])("%s → %s", (value, expected) => expect(encodePathSegment(value)).toBe(expected));

  it("fills every placeholder and keeps / unencoded", () => {
    expect(fillPath("/api/rest/v1/attributes/{attribute_code}/options/{code}", { attribute_code: "color", code: "dark/blue" })).toBe("/api/rest/v1/attributes/color/options/dark/blue");
    expect(fillPath("/api/rest/v1/products")).toBe("/api/rest/v1/products");
  });

  it.each<Record<string, string>>([{}, { attribute_code: "" }])("throws when a placeholder has no value (%j)", (params) => {
    expect(() => fillPath("/api/rest/v1/attributes/{attribute_code}/options", params)).toThrow(expect.objectContaining({ code: "INTERNAL", message: expect.stringContaining("{attribute_code}") }));
  });
});

describe("resolveNextLink", () => {
  const requested = { pagination_type: "search_after", limit: "100", search: '{"updated":[{"operator":">","value":"2025-01-01 00:00:00"}]}' };

  it.each([
    [
      "keeps a complete link as is, on our own base URL",
      "http://internal-host/api/rest/v1/products-uuid?pagination_type=search_after&limit=100&search=x&search_after=abc",
      "https://pim.test",
      "/api/rest/v1/products-uuid?pagination_type=search_after&limit=100&search=x&search_after=abc",
    ],
    [
      "re-adds parameters the link dropped",
      "https://pim.test/api/rest/v1/products-uuid?search_after=abc",
      "https://pim.test",
      "/api/rest/v1/products-uuid?search_after=abc&pagination_type=search_after&limit=100&search=%7B%22updated%22%3A%5B%7B%22operator%22%3A%22%3E%22%2C%22value%22%3A%222025-01-01%2000%3A00%3A00%22%7D%5D%7D",
    ],
    ["accepts a relative link", "/api/rest/v1/products-uuid?search_after=1&pagination_type=search_after&limit=100&search=s", "https://pim.test", "/api/rest/v1/products-uuid?search_after=1&pagination_type=search_after&limit=100&search=s"],
    ["strips the base URL's path prefix", "https://pim.test/pim/api/rest/v1/products-uuid?search_after=1&pagination_type=a&limit=1&search=s", "https://pim.test/pim", "/api/rest/v1/products-uuid?search_after=1&pagination_type=a&limit=1&search=s"],
    ["keeps a path outside the prefix", "https://pim.test/api/rest/v1/x?pagination_type=a&limit=1&search=s", "https://pim.test/pim", "/api/rest/v1/x?pagination_type=a&limit=1&search=s"],
  ])("%s", (_name, href, base, expected) => {
    expect(resolveNextLink(href, base, requested)).toBe(expected);
  });

  it("never re-adds the cursor parameters, and handles a link without a query", () => {
    expect(resolveNextLink("https://pim.test/api/rest/v1/categories", "https://pim.test", { page: "1", search_after: "x" })).toBe("/api/rest/v1/categories");
    expect(resolveNextLink("https://pim.test/api/rest/v1/categories?", "https://pim.test", { limit: "10" })).toBe("/api/rest/v1/categories?limit=10");
  });

  it("encodes spaces as %20", () => {
    expect(encodeQuery({ a: "b c+d" })).toBe("a=b%20c%2Bd");
  });
});

describe("chunkItems", () => {
  it.each([
    [0, 100, []],
    [1, 100, [[0, 1]]],
    [100, 100, [[0, 100]]],
    [250, 100, [[0, 100], [100, 100], [200, 50]]],
    [5, 2, [[0, 2], [2, 2], [4, 1]]],
  ])("%i items by %i", (count, size, expected) => {
    const items = Array.from({ length: count }, (_, i) => i);
    expect(chunkItems(items, size).map((c) => [c.offset, c.items.length])).toEqual(expected);
    expect(chunkItems(items, size).flatMap((c) => c.items)).toEqual(items);
  });

  it.each([0, -1, 1.5])("refuses size %d", (size) => {
    expect(() => chunkItems([1], size)).toThrow(RangeError);
  });
});

describe("media helpers", () => {
  it.each([
    ["https://pim.test/api/rest/v1/media-files/7/5/b/8/75b8_sku.jpg", "7/5/b/8/75b8_sku.jpg"],
    ["/api/rest/v1/media-files/a/b/c%20d.png", "a/b/c d.png"],
    ["https://pim.test/api/rest/v1/products/x", undefined],
    ["", undefined],
  ])("code from Location %s", (location, code) => expect(mediaCodeFromLocation(location)).toBe(code));

  it.each([
    ['attachment; filename="sku.jpg"', "sku.jpg"],
    ["attachment; filename=sku.jpg", "sku.jpg"],
    ["attachment; filename*=UTF-8''caf%C3%A9.jpg; filename=\"cafe.jpg\"", "café.jpg"],
    ["inline", undefined],
    [undefined, undefined],
  ])("filename from %s", (header, filename) => expect(parseContentDispositionFilename(header)).toBe(filename));
});
