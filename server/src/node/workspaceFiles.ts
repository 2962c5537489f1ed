// Reading and writing the few files SpecChain writes into a workspace (plans, new SPECs) so
// that nothing outside the workspace is ever read or written: a symlinked folder or file that
// leads out of it is refused, and a file that is a link inside it is replaced, not written through.
import { randomBytes } from 'node:crypto';
import { writeSync } from 'node:fs';
import { lstat, mkdir, open, readFile, realpath, rename, rmdir, stat, unlink } from 'node:fs/promises';
import * as nodePath from 'node:path';

/** A write or read that would leave the workspace, refused; the message says which link. */
export class OutsideWorkspaceError extends Error {}

/** True when `path` is `root` or lies below it, compared by path segments (`..notes.md` is inside). */
export function isInside(root: string, path: string): boolean {
  const rel = nodePath.relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${nodePath.sep}`) && !nodePath.isAbsolute(rel));
}

function errno(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException).code;
}

/**
 * The real folder a workspace-relative file goes in, creating missing folders (each added to
 * `created`, outermost first). Every existing part is resolved with realpath and must stay inside
 * the real root.
 */
async function realParent(root: string, rel: string, create: boolean, created: string[] = []): Promise<string | undefined> {
  const realRoot = await realpath(root);
  let at = realRoot;
  const parts = rel.split('/');
  for (const part of parts.slice(0, -1)) {
    const next = nodePath.join(at, part);
    let info;
    try {
      info = await lstat(next);
    } catch (e) {
      if (errno(e) !== 'ENOENT') throw e;
      if (!create) return undefined;
      await mkdir(next);
      created.push(next);
      at = next;
      continue;
    }
    if (info.isSymbolicLink()) {
      const target = await realpath(next).catch(() => undefined);
      if (target === undefined || !isInside(realRoot, target)) {
        throw new OutsideWorkspaceError(`${nodePath.relative(realRoot, next)} is a link that leads outside the workspace${target ? ` (to ${target})` : ''}`);
      }
      at = target;
    } else if (info.isDirectory()) at = next;
    else throw new OutsideWorkspaceError(`${nodePath.relative(realRoot, next)} is not a folder`);
  }
  return at;
}

/** Where the final name of `rel` stands (a file, or a folder where `folders`), and whether it is a link; one leading out (or nowhere) throws. */
async function finalEntry(root: string, rel: string, create: boolean, created?: string[], folders = false): Promise<{ path: string; link: boolean } | undefined> {
  const parent = await realParent(root, rel, create, created);
  if (parent === undefined) return undefined;
  const path = nodePath.join(parent, nodePath.basename(rel));
  let info;
  try {
    info = await lstat(path);
  } catch (e) {
    if (errno(e) === 'ENOENT') return { path, link: false };
    throw e;
  }
  if (!info.isSymbolicLink()) {
    if (!info.isFile() && !(folders && info.isDirectory())) throw new OutsideWorkspaceError(`${rel} is not a regular file${folders ? ' or folder' : ''}`);
    return { path, link: false };
  }
  const target = await realpath(path).catch(() => undefined);
  if (target === undefined || !isInside(await realpath(root), target)) {
    throw new OutsideWorkspaceError(`${rel} is a link that leads ${target ? `outside the workspace (to ${target})` : 'nowhere (a dangling link)'}`);
  }
  return { path, link: true };
}

/**
 * Why an editor applying an edit to the workspace-relative `rel` (writing, creating or renaming
 * a file or a SPEC's folder) would reach outside the workspace: a folder on its way or the entry
 * itself is a link that leads out (or nowhere), or it is neither a regular file nor a folder;
 * undefined when it stays inside.
 */
export async function editRefusal(root: string, rel: string): Promise<string | undefined> {
  try {
    await finalEntry(root, rel, false, undefined, true);
    return undefined;
  } catch (e) {
    return e instanceof OutsideWorkspaceError ? e.message : `${rel} could not be checked (${errno(e) ?? String(e)})`;
  }
}

/** The text of a workspace-relative file, or undefined when there is none; never follows a link out. */
export async function readWorkspaceFile(root: string, rel: string): Promise<string | undefined> {
  const entry = await finalEntry(root, rel, false);
  if (entry === undefined) return undefined;
  try {
    return await readFile(entry.path, 'utf8');
  } catch (e) {
    if (errno(e) === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * Writes a workspace-relative file: folders created as needed, the text written to a new file
 * beside it and renamed over it, so a link in its place is replaced rather than written through.
 * When anything fails (a full disk, a file-size limit), the new file and the folders made for it
 * are removed: a failed write leaves the workspace as it was.
 */
export async function writeWorkspaceFile(root: string, rel: string, text: string): Promise<void> {
  const created: string[] = [];
  try {
    const entry = await finalEntry(root, rel, true, created);
    if (!entry) throw new OutsideWorkspaceError(`${rel} has no folder to go in`);
    await replaceFile(entry.path, text);
  } catch (e) {
    for (const dir of created.reverse()) await rmdir(dir).catch(() => undefined);
    throw e;
  }
}

/**
 * Writes `text` to a new file beside `path` and renames it over `path`; when anything fails the
 * new file is removed, so `path` is either the old file whole or the new one whole.
 */
async function replaceFile(path: string, text: string): Promise<void> {
  // A name of its own (`wx`: never one that exists), so neither another run nor a leftover is written over.
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const file = await open(tmp, 'wx');
  try {
    try {
      await file.writeFile(text, 'utf8');
    } finally {
      await file.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/**
 * Writes a file the user named on the command line (`--write-baseline FILE`, `report --html DIR`):
 * inside `root` through the checked writer (never through a link that leads out); outside it,
 * where the user said. There a regular file (or a new one) is replaced whole, while a path that
 * is not a regular file's own (`/dev/stdout`, a FIFO, a link) is written through, never replaced:
 * renaming over `/dev/stdout` would put a file in place of the link.
 */
export async function writeNamedFile(root: string, absPath: string, text: string): Promise<void> {
  if (isInside(root, absPath) && absPath !== root) return writeWorkspaceFile(root, nodePath.relative(root, absPath).split(nodePath.sep).join('/'), text);
  // `/dev/stdout` and its kin name this process's own descriptor, which may be a socket that cannot be opened again.
  const fd = /^\/(?:dev\/(?:std(out|err)|fd\/([12]))|proc\/self\/fd\/([12]))$/.exec(absPath);
  if (fd) return writeAll(fd[1] === 'out' ? 1 : fd[1] === 'err' ? 2 : Number(fd[2] ?? fd[3]), text);
  const info = await lstat(absPath).catch((e: unknown) => {
    if (errno(e) === 'ENOENT') return undefined;
    throw e;
  });
  if (info === undefined || info.isFile()) return replaceFile(absPath, text);
  const target = info.isSymbolicLink() ? await stat(absPath).catch(() => undefined) : info;
  if (target === undefined) throw new Error(`${absPath} is a link that leads nowhere`);
  if (target.isDirectory()) throw new Error(`${absPath} is a folder`);
  const file = await open(absPath, 'w');
  try {
    await file.writeFile(text, 'utf8');
  } finally {
    await file.close();
  }
}

/** Writes all of `text` to an open descriptor, however many writes it takes. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(fd, bytes, at);
    } catch (e) {
      // A pipe in non-blocking mode that is full for the moment: try again.
      if (errno(e) !== 'EAGAIN') throw e;
    }
  }
}
