/** The seeded pool of media files that generated product values point at. */
import { createHash } from "node:crypto";
import { createPrng, mixSeed } from "../prng.js";
import type { MediaFileRecord } from "./types.js";

/** Akeneo's media-file code: `a/b/c/d/<sha1>_<sanitised filename>`. */
export function mediaCode(seedText: string, filename: string): string {
  const sha1 = createHash("sha1").update(seedText).digest("hex");
  const safe = filename.replace(/[^A-Za-z0-9._]/g, "_");
  return `${sha1[0]}/${sha1[1]}/${sha1[2]}/${sha1[3]}/${sha1}_${safe}`;
}

/** `imageCount` JPEG images and `fileCount` PDF documents, deterministic for a seed. */
export function generateMediaFiles(seed: number, imageCount: number, fileCount: number): MediaFileRecord[] {
  const rng = createPrng(mixSeed(seed, 0x3ed1a));
  const out: MediaFileRecord[] = [];
  for (let i = 0; i < imageCount + fileCount; i++) {
    const isImage = i < imageCount;
    const original = isImage ? `product-photo-${String(i + 1).padStart(4, "0")}.jpg` : `document-${String(i - imageCount + 1).padStart(3, "0")}.pdf`;
    const fileSeed = mixSeed(seed, 0x40000 + i);
    out.push({
      code: mediaCode(`${seed}:${i}`, original),
      original_filename: original,
      mime_type: isImage ? "image/jpeg" : "application/pdf",
      size: rng.int(600, 4000),
      extension: isImage ? "jpg" : "pdf",
      seed: fileSeed,
    });
  }
  return out;
}

/** The bytes of a media file: stored bytes for uploads, seeded content for generated files. */
export function mediaBytes(file: MediaFileRecord): Uint8Array {
  if (file.bytes) return file.bytes;
  const rng = createPrng(file.seed);
  const bytes = new Uint8Array(file.size);
  for (let i = 0; i < bytes.length; i++) bytes[i] = rng.int(0, 255);
  const head = file.extension === "pdf" ? [0x25, 0x50, 0x44, 0x46, 0x2d] : [0xff, 0xd8, 0xff, 0xe0];
  bytes.set(head, 0);
  if (file.extension !== "pdf") bytes.set([0xff, 0xd9], bytes.length - 2);
  return bytes;
}
