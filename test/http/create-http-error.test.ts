import { describe, expect, it } from "vitest";
import { createHttpError, parseAkeneoErrorBody, pathnameOf } from "../../src/http/create-http-error.js";

const label = { area: "[akeneo]", what: "listing products failed", method: "GET", path: "/api/rest/v1/products-uuid?limit=100" };
const json = (body: unknown) => JSON.stringify(body);

describe("createHttpError", () => {
  it("formats <what failed>: <METHOD> <path> → <status> <Akeneo message>; <hint>", () => {
    const error = createHttpError({ status: 403, headers: {}, bodyText: json({ code: 403, message: "Access forbidden. You are not allowed to list products." }) }, label, 0);
    expect(error.message).toBe(
      "[akeneo] listing products failed: GET /api/rest/v1/products-uuid → 403 Access forbidden. You are not allowed to list products.; check the permissions of the connection's user role (ACL) and user groups in Akeneo for this resource",
    );
    expect(error).toMatchObject({ code: "HTTP_FORBIDDEN", kind: "config", status: 403, method: "GET", url: label.path, akeneoMessage: "Access forbidden. You are not allowed to list products." });
  });

  it("carries Akeneo's errors[] and lists the first three in the message", () => {
    const errors = [1, 2, 3, 4].map((i) => ({ property: "values", attribute: `a${i}`, message: `bad ${i}`, locale: null, scope: null }));
    const error = createHttpError({ status: 422, headers: {}, bodyText: json({ code: 422, message: "Validation failed.", errors }) }, label, 0);
    expect(error.errors).toEqual(errors);
    expect(error.message).toContain("422 Validation failed. (a1: bad 1; a2: bad 2; a3: bad 3 and 1 more)");
  });

  it("names the property when an error has no attribute, and 'item' when it has neither", () => {
    const body = json({ code: 422, message: "Invalid", errors: [{ property: "labels", message: "x" }, { message: "y" }] });
    expect(createHttpError({ status: 422, headers: {}, bodyText: body }, label, 0).message).toContain("(labels: x; item: y)");
  });

  it("reads Retry-After (seconds or date) relative to now", () => {
    const now = Date.parse("2025-03-01T10:00:00Z");
    expect(createHttpError({ status: 429, headers: { "retry-after": "7" }, bodyText: "" }, label, now).retryAfterMs).toBe(7000);
    expect(createHttpError({ status: 503, headers: { "retry-after": "Sat, 01 Mar 2025 10:00:02 GMT" }, bodyText: "" }, label, now).retryAfterMs).toBe(2000);
    expect(createHttpError({ status: 429, headers: {}, bodyText: "" }, label, now).retryAfterMs).toBeUndefined();
  });

  it("uses the reason phrase and keeps an excerpt when the body is not Akeneo's", () => {
    const error = createHttpError({ status: 502, headers: {}, bodyText: "<html>bad gateway</html>" }, label, 0);
    expect(error.message).toContain("→ 502 Bad Gateway; Akeneo had a server error");
    expect(error.bodyExcerpt).toBe("<html>bad gateway</html>");
    expect(error.akeneoMessage).toBeUndefined();
    expect(createHttpError({ status: 599, headers: {}, bodyText: "" }, label, 0).message).toContain("599 Unknown status");
  });

  it.each([
    ["/api/rest/v1", json({ code: 404, message: "Not found" })],
    ["/api/oauth/v1/token", json({ code: 404, message: "Not found" })],
    ["/api/rest/v1/categories", "<html>Not found</html>"],
  ])("a 404 on %s that is not Akeneo's is NOT_AKENEO", (path, bodyText) => {
    const error = createHttpError({ status: 404, headers: {}, bodyText }, { ...label, path }, 0);
    expect(error.code).toBe("NOT_AKENEO");
    expect(error.message).toContain("check the baseUrl field");
  });

  it("a JSON 404 on a resource is HTTP_NOT_FOUND", () => {
    const error = createHttpError({ status: 404, headers: {}, bodyText: json({ code: 404, message: "Resource `x` does not exist." }) }, label, 0);
    expect(error.code).toBe("HTTP_NOT_FOUND");
  });

  it("appends the suffix and redacts secrets in the excerpt", () => {
    const error = createHttpError({ status: 500, headers: {}, bodyText: '{"password":"hunter2"}' }, label, 0, " (gave up after 6 attempts)");
    expect(error.message.endsWith("(gave up after 6 attempts)")).toBe(true);
    expect(error.bodyExcerpt).not.toContain("hunter2");
  });
});

describe("parseAkeneoErrorBody / pathnameOf", () => {
  it.each([
    ['{"code":400,"message":"Invalid JSON message received"}', { message: "Invalid JSON message received", errors: [] }],
    ['{"message":42}', undefined],
    ["not json", undefined],
    ["", undefined],
  ])("%s", (text, expected) => {
    expect(parseAkeneoErrorBody(text)).toEqual(expected);
  });

  it.each([
    ["/a/b?x=1", "/a/b"],
    ["/a/b", "/a/b"],
  ])("%s → %s", (path, expected) => expect(pathnameOf(path)).toBe(expected));
});
