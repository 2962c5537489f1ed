import { fstatSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';

/**
 * Standard output as the CLI writes it: every byte, or the error that stopped it. A report
 * cut short by a full disk or a file-size limit must not pass for a whole one.
 *
 * Files and devices (`> report.json`, `> /dev/full`) are written with `writeSync` until every
 * byte is out, because Node's own stream for them drops the rest of a short write (a write
 * under `ulimit -f` that stops at the limit) without an error. Pipes and terminals go through
 * `process.stdout`, whose errors (EPIPE when the reader has gone) are caught instead of thrown.
 */
export class Stdout {
  readonly #fd: number;
  #direct: boolean | undefined;
  #error: NodeJS.ErrnoException | undefined;
  #listening = false;

  constructor(fd = 1) {
    this.#fd = fd;
  }

  /** Writes `text`; after a failure nothing more is written. */
  write(text: string): void {
    if (this.#error) return;
    this.#direct ??= isFileOrDevice(this.#fd);
    if (this.#direct) this.#writeDirect(Buffer.from(text, 'utf8'));
    else {
      this.#listen();
      process.stdout.write(text, (e) => {
        if (e) this.#error ??= e;
      });
    }
  }

  #writeDirect(bytes: Buffer): void {
    try {
      for (let at = 0; at < bytes.length; ) at += writeSync(this.#fd, bytes, at, bytes.length - at);
    } catch (e) {
      this.#error = e as NodeJS.ErrnoException;
    }
  }

  #listen(): void {
    if (this.#listening) return;
    this.#listening = true;
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      this.#error ??= e;
    });
  }

  /** Waits until what was written has left (or failed), and returns the first error, if any. */
  async finish(): Promise<NodeJS.ErrnoException | undefined> {
    if (this.#direct === false && !this.#error) {
      await new Promise<void>((resolve) => {
        if (process.stdout.writableLength === 0) resolve();
        else process.stdout.write('', () => resolve());
      });
    }
    return this.#error;
  }
}

function isFileOrDevice(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    return st.isFile() || (st.isCharacterDevice() && !isatty(fd));
  } catch {
    return false;
  }
}

/** True when the error says the reader of a pipe has gone (`specchain check | head -1`): not a failure to report. */
export function isClosedPipe(e: NodeJS.ErrnoException): boolean {
  return e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED';
}

/** The one line that says the results did not all reach standard output. */
export function writeFailure(e: NodeJS.ErrnoException): string {
  const why: Record<string, string> = {
    ENOSPC: 'no space left on the device',
    EFBIG: 'the file-size limit was reached',
    EDQUOT: 'the disk quota was reached',
    EIO: 'an input/output error',
  };
  const code = e.code ?? 'unknown error';
  return `cannot write to standard output: ${why[code] ? `${why[code]} (${code})` : code}; the output is incomplete`;
}
