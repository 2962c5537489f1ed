import { dirname, joinPath } from './text';

/** What resolving a header path asks of the workspace index (which calls it while linking). */
export interface PathLookup {
  /** The facts of an indexed file, or undefined. */
  facts(path: string): object | undefined;
  /** True for a known file or a folder holding one. */
  exists(path: string): boolean;
  specsWithId(id: string): readonly { readonly path: string }[];
}

/**
 * The file a header path (`| SPEC: path | TEST: path`) in `fromPath` names: relative to the file's
 * folder or any folder above it (a service root, the workspace), under `.moai/specs/`, or for
 * `SPEC:` a SPEC named by its ID (`SPEC-AUTH-001.md`). Undefined when it names nothing.
 */
export function resolveHeaderPath(index: PathLookup, fromPath: string, label: string, target: string): string | undefined {
  const clean = target.replace(/[),.;]+$/, '').replace(/#.*$/, '').replace(/:\d+$/, '');
  const candidates: string[] = [];
  for (let at = dirname(fromPath); ; at = dirname(at)) {
    const c = joinPath(at, clean);
    if (c) candidates.push(c);
    if (at === '.') break;
  }
  if (label === 'SPEC') {
    const c = joinPath('.moai/specs', clean);
    if (c) candidates.push(c);
  }
  for (const c of candidates) if (index.facts(c) !== undefined) return c;
  for (const c of candidates) if (index.exists(c)) return c;
  if (label === 'SPEC') {
    const id = /^(?:SPEC-)?([A-Z][A-Za-z0-9-]*?)(?:\.md)?$/.exec(clean.split('/').pop() ?? '');
    const spec = id ? index.specsWithId(id[1]!)[0] : undefined;
    if (spec) return spec.path;
  }
  return undefined;
}
