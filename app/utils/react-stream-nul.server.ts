import { Transform } from "node:stream";

/**
 * React 18.3's streaming renderer encodes HTML into 2048-byte buffers and, when a multi-byte character (any Korean or
 * Japanese text) does not fit at the end of one, flushes the whole buffer, unwritten NUL bytes included
 * (facebook/react#26228, fixed only in React 19). HTML never holds a NUL, so the ones at a chunk's end are dropped.
 */
export function withoutTrailingNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let end = chunk.length;
      while (end > 0 && chunk[end - 1] === 0) end -= 1;
      callback(null, end === chunk.length ? chunk : chunk.subarray(0, end));
    },
  });
}
