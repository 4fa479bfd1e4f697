import { describe, expect, it } from "vitest";
import { parseBatchResponse } from "../../src/akeneo/parse-batch-response.js";
import { parsePage, peekLinks } from "../../src/akeneo/parse-page.js";

describe("parsePage", () => {
  it.each([
    ["_embedded.items with next", { _links: { self: { href: "s" }, next: { href: "n" } }, _embedded: { items: [{ code: "a" }] } }, { items: [{ code: "a" }], nextHref: "n" }],
    ["_embedded._items (asset examples)", { _links: {}, _embedded: { _items: [{ code: "b" }] } }, { items: [{ code: "b" }] }],
    ["an empty search_after page", { _links: { self: { href: "s" } }, _embedded: { items: [] } }, { items: [] }],
    ["no _embedded at all", { _links: { self: { href: "s" } } }, { items: [] }],
    ["a plain array", [{ code: "m" }], { items: [{ code: "m" }] }],
  ])("%s", (_name, body, expected) => {
    expect(parsePage(body, "listing x failed")).toEqual(expected);
  });

  it.each([
    ["an object without _links", { items: [] }],
    ["items that are not objects", { _links: {}, _embedded: { items: [1, 2] } }],
    ["nothing", undefined],
  ])("refuses %s", (_name, body) => {
    expect(() => parsePage(body, "listing x failed")).toThrow(expect.objectContaining({ code: "RESPONSE_INVALID", message: expect.stringContaining("[akeneo] listing x failed") }));
  });
});

describe("peekLinks", () => {
  it.each([
    ["Akeneo's own text (escaped slashes, next after self and first)", '{"_links":{"self":{"href":"http:\\/\\/pim\\/api?a=1"},"first":{"href":"f"},"next":{"href":"http:\\/\\/pim\\/api?search_after=x%2Cy"}},"_embedded":{"items":[]}}', { next: "http://pim/api?search_after=x%2Cy" }],
    ["pretty-printed", '{\n  "_links" : {\n    "next" : { "href" : "n" }\n  },\n  "_embedded": {}\n}', { next: "n" }],
    ["the last of two next entries, as JSON.parse reads it", '{"_links":{"next":{"href":"a"},"next":{"href":"b"}},"_embedded":{}}', { next: "b" }],
    ["no next link: the last page", '{"_links":{"self":{"href":"s"}},"_embedded":{"items":[]}}', {}],
    ["only the links have arrived", '{"_links":{"next":{"href":"n"}},"_embe', { next: "n" }],
    ["_links not first", '{"_embedded":{"items":[]},"_links":{"next":{"href":"n"}}}', undefined],
    ["an entry that is not {href}", '{"_links":{"next":{"href":"n","title":"t"}},"_embedded":{}}', undefined],
    ["a plain array", '[{"code":"a"}]', undefined],
    ["links cut off inside an href", '{"_links":{"next":{"href":"n', undefined],
    ["links cut off after an entry", '{"_links":{"next":{"href":"n"},', undefined],
  ] as Array<[string, string, { next?: string } | undefined]>)("%s", (_name, text, expected) => {
    expect(peekLinks(text)).toEqual(expected);
    if (expected !== undefined && text.endsWith("}")) expect(parsePage(JSON.parse(text), "x").nextHref).toBe(expected.next); // the same link the parse finds
  });
});

describe("parseBatchResponse", () => {
  const items = [{ uuid: "u1" }, { uuid: "u2" }, { uuid: "u3" }];

  it("maps each line to its input position: 201 created, 204 updated, 4xx rejected with Akeneo's message and errors", () => {
    const text = [
      '{"line":1,"uuid":"u1","status_code":204}',
      '{"line":2,"uuid":"u2","status_code":422,"message":"Validation failed.","errors":[{"property":"values","message":"bad","attribute":"name","locale":null,"scope":null}]}',
      '{"line":3,"uuid":"u3","status_code":201}',
    ].join("\n");
    expect(parseBatchResponse("ndjson", text, items, 100, "uuid")).toEqual([
      { index: 100, key: "u1", status: 204, outcome: "updated" },
      { index: 101, key: "u2", status: 422, outcome: "rejected", code: "BATCH_ITEM_REJECTED", message: "Validation failed.", errors: [{ property: "values", message: "bad", attribute: "name", locale: null, scope: null }] },
      { index: 102, key: "u3", status: 201, outcome: "created" },
    ]);
  });

  it("uses `line` rather than order, ignores junk and duplicates, and takes the key from the item when the line lacks it", () => {
    const text = ['{"line":3,"status_code":201}', "not json", '{"line":1,"uuid":"u1","status_code":200}', '{"line":1,"uuid":"u1","status_code":422}', '{"line":9,"status_code":201}', '{"oops":true}', ""].join("\n");
    const results = parseBatchResponse("ndjson", text, items, 0, "uuid");
    expect(results.map((r) => [r.index, r.key, r.outcome, r.code])).toEqual([
      [0, "u1", "updated", undefined],
      [1, "u2", "rejected", "BATCH_TRUNCATED"],
      [2, "u3", "created", undefined],
    ]);
  });

  it("marks items whose line never came (truncated response) as rejected BATCH_TRUNCATED", () => {
    const results = parseBatchResponse("ndjson", '{"line":1,"uuid":"u1","status_code":204}\n{"line":2,"uu', items, 0, "uuid");
    expect(results[0]).toMatchObject({ outcome: "updated" });
    expect(results.slice(1)).toEqual([
      expect.objectContaining({ index: 1, key: "u2", outcome: "rejected", status: 0, code: "BATCH_TRUNCATED" }),
      expect.objectContaining({ index: 2, key: "u3", outcome: "rejected", status: 0, code: "BATCH_TRUNCATED" }),
    ]);
  });

  it("rejects a line without key or message as it is, and leaves key out when unknown", () => {
    const [result] = parseBatchResponse("ndjson", '{"line":1,"status_code":422}', [{}], 0, "code");
    expect(result).toEqual({ index: 0, status: 422, outcome: "rejected", code: "BATCH_ITEM_REJECTED" });
  });

  it("reads json-array responses in order", () => {
    const text = JSON.stringify([{ code: "a", status_code: 201 }, { code: "b", status_code: 422, message: "bad" }]);
    const results = parseBatchResponse("json-array", text, [{ code: "a" }, { code: "b" }, { code: "c" }], 0, "code");
    expect(results.map((r) => [r.key, r.outcome, r.code])).toEqual([
      ["a", "created", undefined],
      ["b", "rejected", "BATCH_ITEM_REJECTED"],
      ["c", "rejected", "BATCH_TRUNCATED"],
    ]);
  });

  it("a json-array response cut short rejects every item as truncated", () => {
    const results = parseBatchResponse("json-array", '[{"code":"a","status_code":201},{"co', [{ code: "a" }, { code: "b" }], 0, "code");
    expect(results.map((r) => r.code)).toEqual(["BATCH_TRUNCATED", "BATCH_TRUNCATED"]);
  });
});
