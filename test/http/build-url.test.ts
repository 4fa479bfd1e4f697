import { describe, expect, it } from "vitest";
import { buildUrl } from "../../src/http/build-url.js";

describe("buildUrl", () => {
  it.each<[string, string, Record<string, string | number | boolean | undefined> | undefined, string]>([
    ["https://pim.test", "/api/rest/v1/channels", undefined, "https://pim.test/api/rest/v1/channels"],
    ["https://pim.test/", "/api/rest/v1/channels", { limit: 10, x: undefined }, "https://pim.test/api/rest/v1/channels?limit=10"],
    ["https://pim.test/akeneo", "/api/rest/v1/channels?page=2", { with_count: false }, "https://pim.test/akeneo/api/rest/v1/channels?page=2&with_count=false"],
    ["https://pim.test", "/api/rest/v1/products/a/b%20c?search=%7B%7D", {}, "https://pim.test/api/rest/v1/products/a/b%20c?search=%7B%7D"],
  ])("%s + %s", (base, path, query, expected) => {
    expect(buildUrl(base, path, query).href).toBe(expected);
  });

  it("refuses a path that does not start with /", () => {
    expect(() => buildUrl("https://pim.test", "https://evil.test/x")).toThrow(expect.objectContaining({ code: "INTERNAL" }));
  });
});
