import { Writable } from "node:stream";

/** A chunk without the NUL bytes at its end (see `collectHtml`). */
export function withoutTrailingNul(chunk: Buffer): Buffer {
  let end = chunk.length;
  while (end > 0 && chunk[end - 1] === 0) end -= 1;
  return end === chunk.length ? chunk : chunk.subarray(0, end);
}

/**
 * A writable that gathers React's rendered HTML into one buffer (`done` resolves with it once React ends the stream).
 * One buffer goes out in one write (and one gzip pass) instead of one per 2 KB chunk, each its own system call and
 * flush. React 18.3's streaming renderer encodes HTML into 2048-byte buffers and, when a multi-byte character (any
 * Korean or Japanese text) does not fit at the end of one, flushes the whole buffer, unwritten NUL bytes included
 * (facebook/react#26228, fixed only in React 19). HTML never holds a NUL, so the ones at a chunk's end are dropped.
 */
export function collectHtml(): { sink: Writable; done: Promise<Buffer> } {
  const chunks: Buffer[] = [];
  let resolve!: (html: Buffer) => void;
  const done = new Promise<Buffer>((r) => (resolve = r));
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(withoutTrailingNul(chunk));
      callback();
    },
    final(callback) {
      resolve(Buffer.concat(chunks));
      callback();
    },
  });
  return { sink, done };
}
