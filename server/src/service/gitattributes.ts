import picomatch from 'picomatch';
import { basename, dirname } from './text';

interface Rule {
  /** Folder of the `.gitattributes` file (`.` at the root). */
  readonly folder: string;
  readonly matches: (path: string) => boolean;
  /** true: generated; false: not generated (`-linguist-generated`, `=false`, `!…`). */
  readonly generated: boolean;
}

const ATTRIBUTE = /^(?:(-|!)linguist-generated|linguist-generated(?:=(true|false|[^\s]*))?)$/;

/**
 * The paths that `.gitattributes` files mark `linguist-generated` (GitHub's own way to say "not
 * written by hand"). As in git, a pattern without a slash matches a name at any depth under the
 * file's folder, one with a slash matches from that folder, deeper files and later lines win.
 */
export class GeneratedAttributes {
  readonly #rules: Rule[] = [];

  /** True when `path` is a `.gitattributes` file. */
  static isAttributesFile(path: string): boolean {
    return basename(path) === '.gitattributes';
  }

  /** Reads one `.gitattributes` file; lines that are not about `linguist-generated` are skipped. */
  add(path: string, text: string): void {
    const folder = dirname(path);
    for (const raw of text.split(/\r?\n|\r/)) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      const [pattern, ...attributes] = line.split(/\s+/);
      let generated: boolean | undefined;
      for (const attribute of attributes) {
        const m = ATTRIBUTE.exec(attribute);
        if (m) generated = m[1] === undefined && (m[2] === undefined || m[2] === 'true');
      }
      if (generated === undefined || pattern === undefined || pattern.startsWith('!')) continue;
      const anchored = pattern.replace(/^\//, '');
      const glob = anchored.includes('/') ? anchored : `**/${anchored}`;
      this.#rules.push({ folder, matches: picomatch(glob, { dot: true }), generated });
    }
    this.#rules.sort((a, b) => depth(a.folder) - depth(b.folder));
  }

  get empty(): boolean {
    return this.#rules.length === 0;
  }

  isGenerated(path: string): boolean {
    let generated = false;
    for (const rule of this.#rules) {
      const rel = rule.folder === '.' ? path : path.startsWith(`${rule.folder}/`) ? path.slice(rule.folder.length + 1) : undefined;
      if (rel !== undefined && rule.matches(rel)) generated = rule.generated;
    }
    return generated;
  }
}

function depth(folder: string): number {
  return folder === '.' ? 0 : folder.split('/').length;
}
