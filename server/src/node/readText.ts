import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isInside } from './workspaceFiles';
import { withLineFeeds } from '../service/text';
import type { SkipReason } from '../service/types';

const shared = Buffer.allocUnsafe(256 * 1024);
const BINARY_PROBE = 8000;

/**
 * Reads a file's bytes, or tells why not: larger than `maxSize` (never read whole), binary (a
 * NUL in its first 8000 bytes), vanished (no such file now), or unreadable (a folder, a FIFO or device, no permission). The bytes of
 * small files live in a buffer shared by every call: use them before the next call.
 */
export function readBytes(absPath: string | Buffer, maxSize: number): Buffer | { readonly skip: SkipReason } {
  let fd: number;
  try {
    // Non-blocking, so that a FIFO put in a file's place never hangs the read; it is then refused below.
    fd = openSync(absPath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { skip: code === 'ENOENT' || code === 'ENOTDIR' ? 'vanished' : 'unreadable' };
  }
  try {
    if (!fstatSync(fd).isFile()) return { skip: 'unreadable' };
    // Most files fit the shared buffer: one read.
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
    if (looksBinary(bytes)) return { skip: 'binary' };
    return bytes;
  } catch {
    return { skip: 'unreadable' };
  } finally {
    closeSync(fd);
  }
}

/** `le` or `be` when the bytes start with a UTF-16 byte-order mark (and not UTF-32's). */
export function utf16Order(bytes: Buffer): 'le' | 'be' | undefined {
  if (bytes.length < 2) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.length >= 4 && bytes[2] === 0 && bytes[3] === 0 ? undefined : 'le';
  return bytes[0] === 0xfe && bytes[1] === 0xff ? 'be' : undefined;
}

/**
 * True for bytes that read as binary: a NUL among the first 8000 (as git and ripgrep decide),
 * unless a UTF-16 byte-order mark says it is text (UTF-16 is half NUL bytes).
 */
export function looksBinary(bytes: Buffer): boolean {
  return utf16Order(bytes) === undefined && bytes.subarray(0, BINARY_PROBE).includes(0);
}

/**
 * The bytes as text, without a byte-order mark: UTF-16 (little- or big-endian) when a mark says
 * so, else UTF-8; lone carriage returns read as line ends (see `withLineFeeds`).
 */
export function decodeText(bytes: Buffer): string {
  const order = utf16Order(bytes);
  if (order === 'le') return withLineFeeds(bytes.toString('utf16le', 2, bytes.length - (bytes.length % 2)));
  if (order === 'be') {
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    return withLineFeeds(swapped.swap16().toString('utf16le'));
  }
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return withLineFeeds(bytes.toString('utf8', start));
}

/** Reads a text file (see `readBytes`). */
export function readText(absPath: string | Buffer, maxSize: number): string | { readonly skip: SkipReason } {
  const bytes = readBytes(absPath, maxSize);
  return 'skip' in bytes ? bytes : decodeText(bytes);
}

/** The largest settings or ignore file read (`.specchain.json`, `.gitignore`). */
export const MAX_SMALL_FILE = 1024 * 1024;

/**
 * A settings or ignore file's text, undefined when there is none, or why it was not read: it
 * must be a regular file (a link is followed only to a file inside `root`) of at most
 * `MAX_SMALL_FILE` bytes, so a link to /dev/zero, a FIFO or a file outside is never opened.
 */
export function readSmallFile(root: string, absPath: string | Buffer): { text: string } | { refused: string } | undefined {
  let info;
  try {
    info = lstatSync(absPath);
  } catch {
    return undefined;
  }
  if (info.isSymbolicLink()) {
    let target;
    try {
      target = realpathSync(absPath);
    } catch {
      return { refused: 'it is a link that leads nowhere' };
    }
    if (!isInside(realpathSync(root), target)) return { refused: `it is a link that leads outside the workspace (to ${target})` };
  }
  const read = readBytes(absPath, MAX_SMALL_FILE);
  if (!('skip' in read)) return { text: decodeText(read) };
  if (read.skip === 'too-large') return { refused: `it is larger than ${MAX_SMALL_FILE / 1024 / 1024} MB` };
  if (read.skip === 'binary') return { refused: 'it holds NUL bytes' };
  if (read.skip === 'vanished') return undefined;
  return { refused: 'it is not a regular file that can be read' };
}
