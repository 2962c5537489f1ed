import { dirname, append } from './text';
import type { FileFacts, SkipReason, SpecDoc, TagOccurrence } from './types';

/** A SPEC document as the index knows it. */
export interface SpecEntry {
  readonly id: string;
  readonly path: string;
  readonly doc: SpecDoc;
}

/** A marker with the SPECs it belongs to (empty: belongs to none). */
export interface Link {
  readonly path: string;
  readonly tag: TagOccurrence;
  readonly specIds: readonly string[];
}

/** Lookup tables that depend on SPEC documents only; rebuilt when one changes. */
interface SpecTables {
  readonly byId: ReadonlyMap<string, readonly SpecEntry[]>;
  /** Tag type -> ID -> the SPECs that declare `@TYPE:ID` in their chain. */
  readonly declared: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  /** Folder of a SPEC document -> its ID, so `plan.md` beside `spec.md` belongs to it. */
  readonly byFolder: ReadonlyMap<string, string>;
  readonly types: ReadonlySet<string>;
  /** What `resolve` answered, by type then ID: thousands of markers share an ID. */
  readonly resolved: Map<string, Map<string, readonly string[]>>;
}

/**
 * The workspace index: facts per file, plus the links between markers and SPECs.
 * Updated one file at a time; link tables are rebuilt lazily, and only for what changed.
 */
export class WorkspaceIndex {
  readonly #facts = new Map<string, FileFacts>();
  readonly #known = new Set<string>();
  /** Folder -> how many known files it holds at any depth, so `exists` answers folders without a scan. */
  readonly #folders = new Map<string, number>();
  readonly #skipped = new Map<string, SkipReason>();
  #tables: SpecTables | undefined;
  /** Links of each file, computed on demand. */
  readonly #links = new Map<string, readonly Link[]>();
  /** SPEC ID -> the links of markers outside SPEC folders that belong to it. */
  #bySpec: Map<string, Link[]> | undefined;
  /** What the chain rules need, kept up to date file by file once built. */
  #summary: ChainSummary | undefined;
  /** `linksOf` results grouped by file, built on demand. */
  readonly #grouped = new Map<string, ReadonlyMap<string, readonly Link[]>>();
  #specGeneration = 0;
  #manifestGeneration = 0;

  constructor(readonly tagTypes: readonly string[]) {}

  /** Increases when a SPEC document or companion changes. */
  get specGeneration(): number {
    return this.#specGeneration;
  }

  /** Increases when a manifest changes. */
  get manifestGeneration(): number {
    return this.#manifestGeneration;
  }

  /**
   * Stores the facts of one file. Returns true when SPEC tables changed, which can change
   * the links of every file.
   */
  set(facts: FileFacts): boolean {
    const old = this.#facts.get(facts.path);
    this.#facts.set(facts.path, facts);
    this.#know(facts.path);
    this.#skipped.delete(facts.path);
    return this.#changed(facts.path, old, facts);
  }

  /** Forgets a file (deleted, or now skipped). */
  delete(path: string): boolean {
    const old = this.#facts.get(path);
    this.#facts.delete(path);
    this.#forget(path);
    this.#skipped.delete(path);
    return this.#changed(path, old, undefined);
  }

  /** Records a file that exists but was not read, so paths to it still resolve. */
  skip(path: string, reason: SkipReason): void {
    const old = this.#facts.get(path);
    if (old) {
      this.#facts.delete(path);
      this.#changed(path, old, undefined);
    }
    this.#know(path);
    this.#skipped.set(path, reason);
  }

  facts(path: string): FileFacts | undefined {
    return this.#facts.get(path);
  }

  allFacts(): IterableIterator<FileFacts> {
    return this.#facts.values();
  }

  get skipped(): ReadonlyMap<string, SkipReason> {
    return this.#skipped;
  }

  /** True when `path` (workspace-relative) is a known file or a folder holding one. */
  exists(path: string): boolean {
    if (this.#known.has(path)) return true;
    let end = path.length;
    while (end > 0 && path.charCodeAt(end - 1) === 0x2f) end--;
    return this.#folders.has(path.slice(0, end));
  }

  #know(path: string): void {
    if (this.#known.has(path)) return;
    this.#known.add(path);
    for (let at = path.lastIndexOf('/'); at > 0; at = path.lastIndexOf('/', at - 1)) {
      const folder = path.slice(0, at);
      this.#folders.set(folder, (this.#folders.get(folder) ?? 0) + 1);
    }
  }

  #forget(path: string): void {
    if (!this.#known.delete(path)) return;
    for (let at = path.lastIndexOf('/'); at > 0; at = path.lastIndexOf('/', at - 1)) {
      const folder = path.slice(0, at);
      const n = this.#folders.get(folder)! - 1;
      if (n === 0) this.#folders.delete(folder);
      else this.#folders.set(folder, n);
    }
  }

  /** Every SPEC document, sorted by ID then path. */
  specs(): SpecEntry[] {
    const all: SpecEntry[] = [];
    for (const list of this.#specTables().byId.values()) append(all, list);
    return all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.path < b.path ? -1 : 1));
  }

  specsWithId(id: string): readonly SpecEntry[] {
    return this.#specTables().byId.get(id) ?? [];
  }

  /** The SPEC whose document or folder holds `path`, if any. */
  specOfFile(path: string): string | undefined {
    return this.#specTables().byFolder.get(dirname(path));
  }

  /**
   * The SPECs a marker belongs to, by the linking rules: its ID is the SPEC's; a TEST tag
   * `<TYPE>-<ID>` tests that SPEC's tag; or a SPEC declares exactly that tag.
   */
  resolve(tag: { readonly type: string; readonly id: string }): readonly string[] {
    const tables = this.#specTables();
    let byId = tables.resolved.get(tag.type);
    if (!byId) tables.resolved.set(tag.type, (byId = new Map()));
    let found = byId.get(tag.id);
    if (!found) byId.set(tag.id, (found = this.#resolve(tables, tag)));
    return found;
  }

  #resolve(tables: SpecTables, tag: { readonly type: string; readonly id: string }): readonly string[] {
    let out: string[] | undefined;
    if (tables.byId.has(tag.id)) out = [tag.id];
    if (tag.type === 'TEST') {
      const dash = tag.id.indexOf('-');
      if (dash > 0 && tables.types.has(tag.id.slice(0, dash))) {
        const tested = tag.id.slice(dash + 1);
        if (tables.byId.has(tested)) out = out ? [...out, tested] : [tested];
      }
    }
    const declared = tables.declared.get(tag.type)?.get(tag.id);
    if (declared) {
      out ??= [];
      for (const spec of declared) if (!out.includes(spec)) out.push(spec);
    }
    return out ?? NONE;
  }

  /** Links of the markers of one file. */
  links(path: string): readonly Link[] {
    let links = this.#links.get(path);
    if (!links) {
      const facts = this.#facts.get(path);
      links = facts ? facts.tags.map((tag) => ({ path, tag, specIds: tag.role === 'title' ? [] : this.resolve(tag) })) : [];
      this.#links.set(path, links);
    }
    return links;
  }

  /** Markers outside SPEC folders that belong to `specId`, by file. */
  linksOf(specId: string): ReadonlyMap<string, readonly Link[]> {
    let grouped = this.#grouped.get(specId);
    if (!grouped) {
      const byFile = new Map<string, Link[]>();
      for (const link of this.#claimsOf(specId)) {
        const list = byFile.get(link.path);
        if (list) list.push(link);
        else byFile.set(link.path, [link]);
      }
      this.#grouped.set(specId, (grouped = byFile));
    }
    return grouped;
  }

  /** Markers outside SPEC folders that belong to `specId`, in no particular order. */
  #claimsOf(specId: string): readonly Link[] {
    return this.#reverse().get(specId) ?? NONE_LINKS;
  }

  /** Markers in code (claims) outside SPEC folders that belong to `specId`, counted by tag type. */
  claimTypes(specId: string): ReadonlyMap<string, number> {
    return this.#chainSummary().types.get(specId) ?? NO_COUNTS;
  }

  /** True when a marker outside SPEC folders (in code or prose) is exactly `@TYPE:ID`. */
  isCarried(type: string, id: string): boolean {
    return this.#chainSummary().carried.get(type)?.has(id) ?? false;
  }

  /** True when some marker of the file belongs to no SPEC (titles aside). */
  hasUnlinked(path: string): boolean {
    for (const tag of this.#facts.get(path)?.tags ?? []) if (tag.role !== 'title' && this.resolve(tag).length === 0) return true;
    return false;
  }

  #chainSummary(): ChainSummary {
    if (!this.#summary) {
      this.#summary = { types: new Map(), carried: new Map() };
      for (const facts of this.#facts.values()) this.#contribute(facts, 1);
    }
    return this.#summary;
  }

  /** Adds (sign 1) or removes (sign -1) one file's markers from the chain summary. */
  #contribute(facts: FileFacts, sign: 1 | -1): void {
    const summary = this.#summary;
    if (!summary || this.specOfFile(facts.path) !== undefined) return;
    for (const tag of facts.tags) {
      if (tag.role !== 'claim' && tag.role !== 'mention') continue;
      bump(summary.carried, tag.type, tag.id, sign);
      if (tag.role === 'claim') for (const id of this.resolve(tag)) bump(summary.types, id, tag.type, sign);
    }
  }

  /** IDs of the SPECs a file's markers belong to. */
  specIdsLinkedFrom(path: string): Set<string> {
    const ids = new Set<string>();
    for (const link of this.links(path)) for (const id of link.specIds) ids.add(id);
    return ids;
  }

  #reverse(): Map<string, Link[]> {
    if (!this.#bySpec) {
      this.#bySpec = new Map();
      this.#grouped.clear();
      for (const path of this.#facts.keys()) this.#addReverse(path);
    }
    return this.#bySpec;
  }

  #addReverse(path: string): void {
    if (!this.#bySpec || this.specOfFile(path) !== undefined) return;
    for (const link of this.links(path)) {
      if (link.tag.role === 'declaration' || link.tag.role === 'title') continue;
      for (const id of link.specIds) {
        const list = this.#bySpec.get(id);
        if (list) list.push(link);
        else this.#bySpec.set(id, [link]);
        this.#grouped.delete(id);
      }
    }
  }

  #removeReverse(path: string): void {
    if (!this.#bySpec) return;
    const ids = new Set<string>();
    for (const link of this.#links.get(path) ?? []) for (const id of link.specIds) ids.add(id);
    for (const id of ids) {
      const list = this.#bySpec.get(id);
      if (list) this.#bySpec.set(id, list.filter((l) => l.path !== path));
      this.#grouped.delete(id);
    }
  }

  #changed(path: string, old: FileFacts | undefined, next: FileFacts | undefined): boolean {
    if (old?.manifest || next?.manifest) this.#manifestGeneration++;
    if (isSpecRelated(old) || isSpecRelated(next)) {
      this.#specGeneration++;
      this.#tables = undefined;
      if (sameSpecShape(old, next)) {
        this.#links.delete(path);
        return false;
      }
      this.#links.clear();
      this.#bySpec = undefined;
      this.#summary = undefined;
      return true;
    }
    if (old) this.#contribute(old, -1);
    if (next) this.#contribute(next, 1);
    this.#removeReverse(path);
    this.#links.delete(path);
    this.#addReverse(path);
    return false;
  }

  #specTables(): SpecTables {
    if (this.#tables) return this.#tables;
    const byId = new Map<string, SpecEntry[]>();
    const byFolder = new Map<string, string>();
    for (const facts of this.#facts.values()) {
      const doc = facts.spec;
      if (!doc?.id) continue;
      const entry: SpecEntry = { id: doc.id, path: facts.path, doc };
      const list = byId.get(doc.id);
      if (list) list.push(entry);
      else byId.set(doc.id, [entry]);
      byFolder.set(dirname(facts.path), doc.id);
    }
    const declared = new Map<string, Map<string, string[]>>();
    for (const facts of this.#facts.values()) {
      if (!isSpecRelated(facts)) continue;
      const owner = byFolder.get(dirname(facts.path));
      if (owner === undefined) continue;
      for (const tag of facts.tags) {
        if (tag.role !== 'declaration' || tag.type === 'SPEC') continue;
        let ids = declared.get(tag.type);
        if (!ids) declared.set(tag.type, (ids = new Map()));
        const list = ids.get(tag.id);
        if (!list) ids.set(tag.id, [owner]);
        else if (!list.includes(owner)) list.push(owner);
      }
    }
    this.#tables = { byId, declared, byFolder, types: new Set(this.tagTypes), resolved: new Map() };
    return this.#tables;
  }
}

const NONE: readonly string[] = Object.freeze([]);
const NONE_LINKS: readonly Link[] = Object.freeze([]);
const NO_COUNTS: ReadonlyMap<string, number> = new Map();

/** Per SPEC, claims by tag type; per tag type, how many markers carry each ID. */
interface ChainSummary {
  readonly types: Map<string, Map<string, number>>;
  readonly carried: Map<string, Map<string, number>>;
}

function bump(map: Map<string, Map<string, number>>, outer: string, inner: string, sign: 1 | -1): void {
  let counts = map.get(outer);
  if (!counts) map.set(outer, (counts = new Map()));
  const n = (counts.get(inner) ?? 0) + sign;
  if (n > 0) counts.set(inner, n);
  else counts.delete(inner);
}

/** SPEC documents and their companions (`plan.md`, `acceptance.md`) shape the link tables. */
function isSpecRelated(f: FileFacts | undefined): boolean {
  return f !== undefined && (f.spec !== undefined || f.tags.some((t) => t.role === 'declaration' || t.role === 'title'));
}

/** True when two versions of a SPEC file give the same IDs and declarations, so links stand. */
function sameSpecShape(a: FileFacts | undefined, b: FileFacts | undefined): boolean {
  if (!a || !b) return false;
  if (a.spec?.id !== b.spec?.id || (a.spec === undefined) !== (b.spec === undefined)) return false;
  const decl = (f: FileFacts): string =>
    f.tags
      .filter((t) => t.role === 'declaration' && t.type !== 'SPEC')
      .map((t) => `${t.type}:${t.id}`)
      .sort()
      .join(' ');
  return decl(a) === decl(b);
}
