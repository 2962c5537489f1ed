import { Range, coerce, gt, intersects, minVersion } from 'semver';
import type { Ecosystem } from './ecosystem';

/** How a bare version (`1.2.3` with no operator) reads: Cargo means `^`, the rest mean `=`. */
type Dialect = Ecosystem | 'spec' | 'exact';

const ANY = 'any' as const;
const MAX_VERSION_LENGTH = 256;

/** Pads a version token to semver (`0.104` -> `0.104.0`, `3.*` -> `3.x`); undefined if none. */
function semverOf(token: string, partialAsRange: boolean): string | undefined {
  const m = /^v?(\d+)(?:\.(\d+|[x*]))?(?:\.(\d+|[x*]))?(?:\.\d+)*(?:[-.+_]?[A-Za-z0-9][\w.+-]*)?$/i.exec(token.trim());
  if (!m) return undefined;
  const parts = [m[1]!, m[2], m[3]].map((p) => (p === '*' ? 'x' : p));
  if (partialAsRange) return parts.filter((p) => p !== undefined).join('.');
  return parts.map((p) => p ?? '0').join('.');
}

/** `~=1.4` / `~1.4` (Composer) / `~>1.4`: at least 1.4, below the next bump of the second-last part. */
function compatibleRange(token: string): string | undefined {
  const m = /^v?(\d+(?:\.\d+)*)/.exec(token.trim());
  if (!m) return undefined;
  const nums = m[1]!.split('.').map(Number);
  const low = semverOf(m[1]!, false)!;
  if (nums.length === 1) return `>=${low} <${nums[0]! + 1}.0.0`;
  const upper = nums.slice(0, nums.length - 1);
  upper[upper.length - 1]! += 1;
  return `>=${low} <${semverOf(upper.join('.'), false)!}`;
}

function comparator(clause: string, dialect: Dialect): string | undefined | typeof ANY {
  const c = clause.trim().replace(/@\w+$/, '');
  if (c === '' || c === '*' || /^(latest|x)$/i.test(c)) return ANY;
  const maven = /^([[(])\s*([^,\])]*)\s*(?:,\s*([^\])]*))?\s*([\])])$/.exec(c);
  if (maven) {
    const [, open, lo, hi, close] = maven;
    if (hi === undefined) return lo ? `=${semverOf(lo, false)}` : undefined;
    const parts = [lo ? `${open === '[' ? '>=' : '>'}${semverOf(lo, false)}` : '', hi ? `${close === ']' ? '<=' : '<'}${semverOf(hi, false)}` : ''];
    return parts.some((p) => p.includes('undefined')) ? undefined : parts.join(' ').trim() || ANY;
  }
  const m = /^(===|==|=|!=|~=|~>|~|\^|>=|<=|>|<)?\s*(.+)$/.exec(c);
  if (!m) return undefined;
  const op = m[1] ?? '';
  const v = m[2]!;
  if (op === '!=') return ANY;
  if (op === '~=' || op === '~>' || (op === '~' && dialect === 'packagist')) return compatibleRange(v);
  if (op === '^' || op === '~') {
    const s = semverOf(v, true);
    return s && `${op}${s}`;
  }
  if (op === '' && dialect === 'cargo') {
    const s = semverOf(v, true);
    return s && `^${s}`;
  }
  if (op === '' || op.startsWith('=')) {
    const partial = semverOf(v, true);
    if (partial === undefined) return undefined;
    return partial.split('.').length === 3 && !partial.includes('x') ? `=${partial}` : partial;
  }
  const s = semverOf(v, false);
  return s && `${op}${s}`;
}

/** Reads a version or range written in `dialect` as a semver range; 'any' or undefined when it cannot. */
export function toRange(text: string, dialect: Dialect): Range | typeof ANY | undefined {
  // No real version or range is this long; its patterns are only run on text of bounded size.
  if (text.length > MAX_VERSION_LENGTH) return undefined;
  const alternatives = text.split(/\s*\|\|?\s*/);
  const sets: string[] = [];
  for (const alt of alternatives) {
    const clauses = /^[[(][^\])]*[\])]$/.test(alt.trim()) ? [alt.trim()] : alt
      .replace(/([<>=~^!]=?|~>)\s+/g, '$1')
      .split(/\s*,\s*|\s+/)
      .filter((x) => x !== '');
    const parts: string[] = [];
    for (const clause of clauses.length > 0 ? clauses : ['']) {
      const r = comparator(clause, dialect);
      if (r === undefined) return undefined;
      if (r !== ANY) parts.push(r);
    }
    if (parts.length === 0) return ANY;
    sets.push(parts.join(' '));
  }
  try {
    return new Range(sets.join(' || '), { loose: true });
  } catch {
    return undefined;
  }
}

const plain = (v: string): string => v.trim().toLowerCase().replace(/^[=v\s]+/, '');

/**
 * True when a SPEC's version agrees with a manifest: the SPEC version (or range) meets the
 * declared range, or the lockfile's resolved version. Versions that do not parse are compared
 * as normalised strings. Nothing to compare against counts as agreement.
 */
export function versionsAgree(spec: string, declared: string | null | undefined, resolved: string | null | undefined, ecosystem: Ecosystem): boolean {
  const specRange = toRange(spec, 'spec');
  const check = (target: string, dialect: Dialect): boolean => {
    const range = toRange(target, dialect);
    if (range === ANY || specRange === ANY) return true;
    if (range && specRange) return intersects(specRange, range, { loose: true });
    return plain(spec) === plain(target);
  };
  if (declared == null && resolved == null) return true;
  return (declared != null && check(declared, ecosystem)) || (resolved != null && check(resolved, 'exact'));
}

/** The concrete version a SPEC should state to match a manifest: resolved, else the range's lowest. */
export function concreteVersion(declared: string | null | undefined, resolved: string | null | undefined, ecosystem: Ecosystem): string | undefined {
  if (resolved != null) return resolved.replace(/^v(?=\d)/, '');
  if (declared == null) return undefined;
  const range = toRange(declared, ecosystem);
  if (range && range !== ANY) {
    const low = minVersion(range);
    if (low) return low.version;
  }
  return declared.replace(/^[=v~^<>!\s]+/, '');
}

/** Semver-ish ordering for lockfile entries listing several versions of one package. */
export function isHigherVersion(a: string, b: string): boolean {
  const ca = coerce(a);
  const cb = coerce(b);
  if (ca && cb) return gt(ca, cb);
  return a > b;
}
