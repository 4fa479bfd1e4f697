import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { RawResponse } from "../../src/http/http-request.js";
import { parseResponse } from "../../src/http/parse-response.js";

const label = { area: "[http]", what: "request failed", method: "GET", path: "/api/rest/v1?x=1" };
const raw = (over: Partial<RawResponse>): RawResponse => ({ status: 200, headers: {}, bodyText: "", partial: false, ...over });

describe("parseResponse", () => {
  it("parses JSON, and an empty body as undefined", () => {
    expect(parseResponse(raw({ bodyText: '{"a":1}' }), "json", label).body).toEqual({ a: 1 });
    expect(parseResponse(raw({ status: 204, bodyText: "  " }), "json", label)).toEqual({ status: 204, headers: {}, body: undefined });
  });

  it.each([
    [{ "content-type": "text/html; charset=utf-8" }, "Welcome"],
    [{ "content-type": ["text/html"] }, "Welcome"],
    [{}, "<!doctype html><html></html>"],
  ])("an HTML page is NOT_AKENEO (%j)", (headers, bodyText) => {
    expect(() => parseResponse(raw({ headers, bodyText }), "json", label)).toThrow(
      expect.objectContaining({ code: "NOT_AKENEO", message: expect.stringContaining("GET /api/rest/v1 → 200 an HTML page") }),
    );
  });

  it("invalid JSON is RESPONSE_INVALID", () => {
    expect(() => parseResponse(raw({ bodyText: '{"a":' }), "json", label)).toThrow(expect.objectContaining({ code: "RESPONSE_INVALID" }));
  });

  it("returns text, bytes and streams as they are, and flags partial bodies", () => {
    const stream = Readable.from([]);
    const bytes = new Uint8Array([1, 2]);
    expect(parseResponse(raw({ bodyText: "a\nb", partial: true }), "text", label)).toEqual({ status: 200, headers: {}, body: "a\nb", partial: true });
    expect(parseResponse(raw({ bytes }), "buffer", label).body).toBe(bytes);
    expect(parseResponse(raw({ stream }), "stream", label).body).toBe(stream);
  });
});
