import type { WorkspaceIndex } from '../index';
import { basename, dirname } from '../text';
import type { FileFacts, IdRef, TestDecl, TestFileFacts } from '../types';

/**
 * How a test came to verify a REQ, AC or SPEC: an `@MX`/`@TEST` marker in its doc (`marker`) or
 * at the top of its file (`file-marker`, covering every test there), an ID in its doc comments,
 * docstring or body comments (`doc`), its `describe`/`it` title or display name (`title`), its
 * name (`name`), an enclosing class or `describe` (`suite`), a heading comment above it
 * (`section`), or a traceability table of the SPEC that names it (`table`).
 */
export type Route = 'marker' | 'file-marker' | 'doc' | 'title' | 'name' | 'suite' | 'section' | 'table';

/** A test of the workspace: the file it stands in and its place in that file's `tests`. */
export interface TestRef {
  readonly path: string;
  readonly index: number;
  readonly decl: TestDecl;
}

/** One thing a test verifies: a SPEC (no `id`) or one of its REQs/ACs (the declared ID). */
export interface Binding {
  readonly specId: string;
  readonly id?: string;
  readonly route: Route;
}

/** `path#index`: how a test is known across binding, matching and states. */
export function testKey(path: string, index: number): string {
  return `${path}#${index}`;
}

/** Every test with what it verifies. Tests that verify nothing are kept too: results still match them. */
export interface Bound {
  readonly tests: ReadonlyMap<string, TestRef>;
  readonly bindings: ReadonlyMap<string, readonly Binding[]>;
}

/**
 * Binds every test of the workspace to the SPECs, REQs and ACs it verifies, by each route real
 * projects use (see `Route`). REQ/AC IDs resolve within their SPEC: the SPECs the test's own
 * text names, else its suites', else those of its file's header and file-level markers, else
 * the SPEC owning the file by `module:`; a full ID declared by one SPEC needs no scope.
 */
export function bindTests(index: WorkspaceIndex): Bound {
  const tests = new Map<string, TestRef>();
  const bindings = new Map<string, Binding[]>();
  for (const facts of index.allFacts()) {
    if (!facts.tests) continue;
    bindFile(index, facts, facts.tests, tests, bindings);
  }
  bindTables(index, tests, bindings);
  return { tests, bindings };
}

/** Adds a binding once (the first route that finds it is kept). */
function add(bindings: Map<string, Binding[]>, key: string, binding: Binding): void {
  let list = bindings.get(key);
  if (!list) bindings.set(key, (list = []));
  if (!list.some((b) => b.specId === binding.specId && b.id === binding.id)) list.push(binding);
}

/** Where a line of the file stands: in a test, in a suite outside its tests, in the header, in a section, or nowhere. */
function placeOf(t: TestFileFacts, line: number): { tests: number[] } {
  const inTest = t.tests.findIndex((d) => d.lines[0] <= line && line <= d.lines[1]);
  if (inTest >= 0) return { tests: [inTest] };
  let suite = -1;
  t.suites.forEach((s, i) => {
    if (s.lines[0] <= line && line <= s.lines[1] && (suite < 0 || s.lines[0] >= t.suites[suite]!.lines[0])) suite = i;
  });
  if (suite >= 0) return { tests: t.tests.flatMap((d, i) => (d.suites.includes(suite) ? [i] : [])) };
  if (line <= t.headerEnd) return { tests: t.tests.map((_, i) => i) };
  // Between tests: the tests below, up to the next heading comment.
  const next = t.sections.find((s) => s.lines[0] > line)?.lines[0] ?? Infinity;
  return { tests: t.tests.flatMap((d, i) => (d.lines[0] > line && d.lines[0] < next ? [i] : [])) };
}

function bindFile(index: WorkspaceIndex, facts: FileFacts, t: TestFileFacts, tests: Map<string, TestRef>, bindings: Map<string, Binding[]>): void {
  const path = facts.path;
  const keys = t.tests.map((decl, i) => {
    const key = testKey(path, i);
    tests.set(key, { path, index: i, decl });
    return key;
  });
  // Markers: `@MX:SPEC`/`@MX:TEST` lines (already resolved by the index) and `@TEST:` claims.
  const fileSpecs = new Set<string>();
  for (const link of index.mxLinks(path)) {
    if (link.marker.place === 'markdown') continue;
    const line = link.marker.range.start.line;
    const route: Route = line <= t.headerEnd ? 'file-marker' : 'marker';
    for (const i of placeOf(t, line).tests) for (const specId of link.specIds) add(bindings, keys[i]!, link.ref.kind === 'SPEC' ? { specId, route } : { specId, id: link.ref.id, route });
    if (route === 'file-marker') for (const specId of link.specIds) fileSpecs.add(specId);
  }
  for (const tag of facts.tags) {
    if (tag.role !== 'claim' || tag.type !== 'TEST') continue;
    const line = tag.range.start.line;
    const route: Route = line <= t.headerEnd ? 'file-marker' : 'marker';
    for (const specId of index.resolve(tag)) {
      for (const i of placeOf(t, line).tests) add(bindings, keys[i]!, { specId, route });
      if (route === 'file-marker') fileSpecs.add(specId);
    }
  }
  for (const ref of t.header) if (ref.kind === 'SPEC') addSpec(index, fileSpecs, ref.id);
  const owner = index.moduleOwner(path);
  t.tests.forEach((decl, i) => {
    const own = new Set<string>();
    for (const ref of decl.ids) if (ref.kind === 'SPEC') addSpec(index, own, ref.id);
    const suiteSpecs = new Set<string>();
    for (const s of decl.suites) for (const ref of t.suites[s]!.ids) if (ref.kind === 'SPEC') addSpec(index, suiteSpecs, ref.id);
    // Markers bound to this test name its SPECs too.
    for (const b of bindings.get(keys[i]!) ?? []) if (b.route === 'marker') own.add(b.specId);
    const scope = own.size > 0 ? own : suiteSpecs.size > 0 ? suiteSpecs : fileSpecs.size > 0 ? fileSpecs : owner !== undefined ? new Set([owner]) : new Set<string>();
    const bind = (ref: IdRef, route: Route): void => {
      if (ref.kind === 'SPEC') {
        const id = index.resolveSpecId(ref.id);
        if (id !== undefined) add(bindings, keys[i]!, { specId: id, route });
        return;
      }
      for (const hit of resolveItem(index, ref.id, scope)) add(bindings, keys[i]!, { specId: hit.specId, id: hit.id, route });
    };
    const titled = decl.ids.filter((r) => r.range.start.line === decl.range.start.line && r.range.start.character >= decl.range.start.character && r.range.end.character <= decl.range.end.character);
    for (const ref of decl.ids) bind(ref, titled.includes(ref) ? (decl.title !== undefined || /\s/.test(decl.name) ? 'title' : 'name') : 'doc');
    for (const s of decl.suites) for (const ref of t.suites[s]!.ids) bind(ref, 'suite');
    // The nearest heading above covers the test (the next heading ends its reach).
    const section = [...t.sections].reverse().find((s) => s.lines[1] < decl.lines[0]);
    if (section) for (const ref of section.ids) bind(ref, 'section');
    // A test bound to nothing but named in a SPEC-scoped file is still that SPEC's test.
    if (!bindings.get(keys[i]!)?.length) for (const specId of fileSpecs) add(bindings, keys[i]!, { specId, route: 'file-marker' });
  });
}

function addSpec(index: WorkspaceIndex, set: Set<string>, id: string): void {
  const resolved = index.resolveSpecId(id);
  if (resolved !== undefined) set.add(resolved);
}

/**
 * The declared REQ/AC a written ID stands for: within the SPECs in scope (a short `AC-1` too);
 * a full ID outside them when exactly one SPEC declares it.
 */
function resolveItem(index: WorkspaceIndex, id: string, scope: ReadonlySet<string>): { specId: string; id: string }[] {
  const out: { specId: string; id: string }[] = [];
  for (const specId of scope) {
    const declared = index.resolveReq(specId, id);
    if (declared !== undefined) out.push({ specId, id: declared });
  }
  if (out.length > 0) return out;
  const declaring = index.specsDeclaring(id);
  return declaring.length === 1 ? [{ specId: declaring[0]!, id }] : [];
}

/**
 * Traceability tables: a row naming a REQ/AC and test files or functions binds those tests. A
 * file written by its name alone (`search_test.go`, of which a repository may hold many) is the
 * one nearest the SPEC's code: in a folder its `@MX` references or `module:` paths reach.
 */
function bindTables(index: WorkspaceIndex, tests: ReadonlyMap<string, TestRef>, bindings: Map<string, Binding[]>): void {
  let byFile: Map<string, TestRef[]> | undefined;
  let byName: Map<string, TestRef[]> | undefined;
  for (const facts of index.allFacts()) {
    if (!facts.traces) continue;
    const specId = index.specOfFile(facts.path);
    if (specId === undefined) continue;
    if (!byFile || !byName) {
      byFile = new Map();
      byName = new Map();
      for (const ref of tests.values()) {
        push(byFile, basename(ref.path), ref);
        push(byName, ref.decl.name, ref);
      }
    }
    const near = nearFolders(index, specId, tests, bindings);
    for (const row of facts.traces) {
      const items = row.ids.flatMap((ref) => resolveItem(index, ref.id, new Set([specId]))).filter((x) => x.specId === specId);
      if (items.length === 0) continue;
      for (const mention of row.tests) {
        let found: TestRef[];
        if (mention.file !== undefined) {
          const file = mention.file;
          const inFile = (byFile.get(basename(file)) ?? []).filter((r) => r.path === file || r.path.endsWith(`/${file}`));
          found = nearest(inFile, near).filter((r) => mention.name === undefined || r.decl.name === mention.name);
        } else found = nearest(byName.get(mention.name!) ?? [], near);
        for (const ref of found) for (const item of items) add(bindings, testKey(ref.path, ref.index), { specId, id: item.id, route: 'table' });
      }
    }
  }
}

/** Adds `value` to the list under `key`. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Folders holding the SPEC's code and tests by its other links, and its `module:` paths. */
function nearFolders(index: WorkspaceIndex, specId: string, tests: ReadonlyMap<string, TestRef>, bindings: ReadonlyMap<string, readonly Binding[]>): Set<string> {
  const near = new Set<string>();
  for (const link of index.mxRefsTo(specId)) near.add(dirname(link.path));
  for (const files of index.linksOf(specId).keys()) near.add(dirname(files));
  for (const [key, list] of bindings) if (list.some((b) => b.specId === specId && b.route !== 'table')) near.add(dirname(tests.get(key)!.path));
  for (const spec of index.specsWithId(specId)) for (const module of spec.doc.modules ?? []) near.add(module);
  return near;
}

/** The candidates in a folder near the SPEC (or under a `module:` path); all of them when there is one file's worth. */
function nearest(candidates: readonly TestRef[], near: ReadonlySet<string>): TestRef[] {
  const files = new Set(candidates.map((c) => c.path));
  if (files.size <= 1) return [...candidates];
  const close = candidates.filter((c) => {
    const dir = dirname(c.path);
    for (const n of near) if (dir === n || dir.startsWith(`${n}/`) || n.startsWith(`${dir}/`)) return true;
    return false;
  });
  return new Set(close.map((c) => c.path)).size <= 1 ? close : close.filter((c) => near.has(dirname(c.path)));
}
