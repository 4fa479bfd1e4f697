import { afterEach, describe, expect, it } from "vitest";
import { startScriptedServer, type ScriptedServer } from "../helpers/scripted-server.js";
import { createTestClient, type TestClient } from "../helpers/test-client.js";

let server: ScriptedServer;
let t: TestClient;

afterEach(async () => {
  await t?.close();
  await server?.close();
});

const CODE = "7/5/b/8/75b8_sku 1.jpg";
const download = () => ({ headers: { "content-type": "image/jpeg", "content-disposition": 'attachment; filename="sku 1.jpg"' }, body: Buffer.from([0xff, 0xd8, 0xff]) });

describe("media files", () => {
  it("downloads buffered or streamed, keeping / in the code", async () => {
    server = await startScriptedServer({ routes: { "GET /api/rest/v1/media-files/7/5/b/8/75b8_sku%201.jpg/download": download } });
    t = createTestClient(server.url);
    const buffered = await t.client.downloadMedia(CODE);
    expect({ ...buffered, body: [...buffered.body] }).toEqual({ body: [0xff, 0xd8, 0xff], contentType: "image/jpeg", filename: "sku 1.jpg" });
    const streamed = await t.client.downloadMedia(CODE, { stream: true, signal: new AbortController().signal });
    const chunks: Buffer[] = [];
    for await (const chunk of streamed.stream) chunks.push(chunk as Buffer);
    expect([...Buffer.concat(chunks)]).toEqual([0xff, 0xd8, 0xff]);
    expect(streamed.filename).toBe("sku 1.jpg");
  });

  it("defaults the content type and leaves out an unknown filename", async () => {
    server = await startScriptedServer({ routes: { "GET /api/rest/v1/media-files/a.bin/download": () => ({ body: Buffer.from([1]) }) } });
    t = createTestClient(server.url);
    const result = await t.client.downloadMedia("a.bin");
    expect(result.contentType).toBe("application/octet-stream");
    expect(result).not.toHaveProperty("filename");
  });

  it("uploads multipart (product JSON + file) and reads the new code from Location", async () => {
    server = await startScriptedServer({
      routes: { "POST /api/rest/v1/media-files": () => ({ status: 201, headers: { location: "http://pim/api/rest/v1/media-files/1/2/3/4/1234_photo.png" } }) },
    });
    t = createTestClient(server.url);
    const result = await t.client.uploadMedia({ file: new Uint8Array([1, 2, 3]), filename: "photo.png", contentType: "image/png", product: { identifier: "sku-1", attribute: "picture" } });
    expect(result).toEqual({ code: "1/2/3/4/1234_photo.png", location: "http://pim/api/rest/v1/media-files/1/2/3/4/1234_photo.png" });
    const sent = server.requestsTo("POST /api/rest/v1/media-files")[0]!;
    expect(sent.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent.body).toContain('name="product"');
    expect(sent.body).toContain('{"scope":null,"locale":null,"identifier":"sku-1","attribute":"picture"}');
    expect(sent.body).toContain('name="file"; filename="photo.png"');
    expect(sent.body).toContain("Content-Type: image/png");
  });

  it("uploads a Blob for a product model; a response without Location is RESPONSE_INVALID", async () => {
    server = await startScriptedServer({ routes: { "POST /api/rest/v1/media-files": () => ({ status: 201 }) } });
    t = createTestClient(server.url);
    const upload = t.client.uploadMedia({ file: new Blob(["x"], { type: "text/plain" }), filename: "a.txt", productModel: { code: "model-1", attribute: "notice", locale: "en_US" }, signal: new AbortController().signal });
    await expect(upload).rejects.toMatchObject({ code: "RESPONSE_INVALID", message: expect.stringContaining("without a Location header") });
    const sent = server.requestsTo("POST /api/rest/v1/media-files")[0]!;
    expect(sent.body).toContain('name="product_model"');
    expect(sent.body).toContain('"locale":"en_US"');
  });
});
