import { mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createFileStateStore } from "../../src/state/file-state-store.js";
import { createMemoryStateStore } from "../../src/state/state-store.js";

const tempDir = () => mkdtemp(join(tmpdir(), "state-"));

describe.each([
  ["file", async () => createFileStateStore(join(await tempDir(), "nested"))],
  ["memory", async () => createMemoryStateStore()],
])("%s state store", (_name, make) => {
  it("returns undefined for a missing key, then what was set, then nothing after delete", async () => {
    const store = await make();
    expect(await store.get("products")).toBeUndefined();
    await store.set("products", { watermark: "2026-01-01T00:00:00Z" });
    expect(await store.get("products")).toEqual({ watermark: "2026-01-01T00:00:00Z" });
    await store.delete("products");
    expect(await store.get("products")).toBeUndefined();
    await store.delete("products");
  });

  it("keeps the last of many concurrent writes", async () => {
    const store = await make();
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set("k", { i })));
    expect(await store.get("k")).toEqual({ i: 19 });
  });
});

describe("file state store", () => {
  it("writes files with mode 0600 and leaves no temporary files", async () => {
    const dir = await tempDir();
    const store = createFileStateStore(dir);
    await store.set("app-token", { accessToken: "x" });
    expect((await stat(join(dir, "app-token.json"))).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(["app-token.json"]);
  });

  it("rejects keys that could escape the directory", async () => {
    const store = createFileStateStore(await tempDir());
    await expect(store.set("../x", 1)).rejects.toMatchObject({ code: "STATE_INVALID" });
  });

  it("reports a corrupt file with what to do", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "products.json"), "{not json");
    await expect(createFileStateStore(dir).get("products")).rejects.toThrow(/delete it to start this entity from scratch/);
    expect(await readFile(join(dir, "products.json"), "utf8")).toBe("{not json");
  });
});
