import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { SkipReason } from '../service/types';

const shared = Buffer.allocUnsafe(256 * 1024);
const BINARY_PROBE = 8000;

/**
 * Reads a file's bytes, or tells why not: larger than `maxSize` (never read whole), binary (a
 * NUL in its first 8000 bytes), or unreadable (vanished, a folder, no permission). The bytes of
 * small files live in a buffer shared by every call: use them before the next call.
 */
export function readBytes(absPath: string, maxSize: number): Buffer | { readonly skip: SkipReason } {
  let fd: number;
  try {
    fd = openSync(absPath, 'r');
  } catch {
    return { skip: 'unreadable' };
  }
  try {
    // Most files fit the shared buffer: one read and no stat.
    const first = Math.min(shared.length, maxSize + 1);
    let length = readSync(fd, shared, 0, first, 0);
    if (length > maxSize) return { skip: 'too-large' };
    let buffer = shared;
    if (length === shared.length) {
      const size = fstatSync(fd).size;
      if (size > maxSize) return { skip: 'too-large' };
      buffer = Buffer.allocUnsafe(size);
      shared.copy(buffer, 0, 0, length);
      for (let n = -1; n !== 0 && length < size; length += n) n = readSync(fd, buffer, length, size - length, length);
    }
    const bytes = buffer.subarray(0, length);
    if (bytes.subarray(0, BINARY_PROBE).includes(0)) return { skip: 'binary' };
    return bytes;
  } catch {
    return { skip: 'unreadable' };
  } finally {
    closeSync(fd);
  }
}

/** The bytes as text: UTF-8, without a byte-order mark. */
export function decodeText(bytes: Buffer): string {
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return bytes.toString('utf8', start);
}

/** Reads a text file (see `readBytes`). */
export function readText(absPath: string, maxSize: number): string | { readonly skip: SkipReason } {
  const bytes = readBytes(absPath, maxSize);
  return 'skip' in bytes ? bytes : decodeText(bytes);
}
