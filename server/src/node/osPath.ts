// File names are bytes; SpecChain's paths are strings. A name that is not UTF-8 (a Latin-1 name
// from an old archive) is kept byte for byte: each byte of an invalid sequence becomes the lone
// surrogate U+DC80 + byte, as Python's `surrogateescape` does, and goes back to that byte when
// the file is opened. Text output prints such a byte as `\xNN`.

/** Code points of escaped bytes: lone low surrogates U+DC80–U+DCFF. */
const ESCAPED = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/;

/** A file name's (or path's) bytes as a string: UTF-8 where valid, escaped bytes elsewhere. */
export function fromOsPath(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.includes('\uFFFD') ? decodeEscaping(bytes) : text;
}

/** True when `path` holds bytes that are not UTF-8. */
export function hasEscapedBytes(path: string): boolean {
  return ESCAPED.test(path);
}

/** What to hand to a file-system call for `path`: the string, or its bytes when it holds escaped ones. */
export function toOsPath(path: string): string | Buffer {
  return hasEscapedBytes(path) ? osBytes(path) : path;
}

/** The bytes of a path, escaped bytes restored. */
export function osBytes(path: string): Buffer {
  const parts: Buffer[] = [];
  let plain = '';
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    const prev = i > 0 ? path.charCodeAt(i - 1) : 0;
    if (c >= 0xdc80 && c <= 0xdcff && !(prev >= 0xd800 && prev <= 0xdbff)) {
      if (plain) parts.push(Buffer.from(plain, 'utf8'));
      plain = '';
      parts.push(Buffer.of(c - 0xdc00));
    } else plain += path[i];
  }
  if (plain) parts.push(Buffer.from(plain, 'utf8'));
  return Buffer.concat(parts);
}

/** UTF-8 decoding that escapes each byte of an invalid sequence instead of replacing it. */
function decodeEscaping(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      out += String.fromCharCode(0xdc00 + bytes[i]!);
      i++;
    } else {
      out += Buffer.from(bytes.subarray(i, i + length)).toString('utf8');
      i += length;
    }
  }
  return out;
}

/** The length of the well-formed UTF-8 sequence at `i` (RFC 3629: no overlongs, surrogates or values past U+10FFFF), or 0. */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}
