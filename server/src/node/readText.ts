import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { SkipReason } from '../service/types';

const shared = Buffer.allocUnsafe(256 * 1024);
const BINARY_PROBE = 8000;

/**
 * Reads a text file, or tells why not: larger than `maxSize` (never read), binary (a NUL in
 * its first 8000 bytes), or unreadable (vanished, a folder, no permission).
 */
export function readText(absPath: string, maxSize: number): string | { readonly skip: SkipReason } {
  let fd: number;
  try {
    fd = openSync(absPath, 'r');
  } catch {
    return { skip: 'unreadable' };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { skip: 'unreadable' };
    if (stat.size > maxSize) return { skip: 'too-large' };
    const buffer = stat.size <= shared.length ? shared : Buffer.allocUnsafe(stat.size);
    let length = 0;
    while (length < stat.size) {
      const n = readSync(fd, buffer, length, stat.size - length, null);
      if (n === 0) break;
      length += n;
    }
    if (buffer.subarray(0, Math.min(length, BINARY_PROBE)).includes(0)) return { skip: 'binary' };
    const start = length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
    return buffer.toString('utf8', start, length);
  } catch {
    return { skip: 'unreadable' };
  } finally {
    closeSync(fd);
  }
}
