import { resolveHeaderPath } from './headerPaths';
import { IdCache, MIN_ID_CACHE } from './idCache';
import { namesReq } from './mx/ids';
import { DEFAULT_MX_SETTINGS, MX_SETTINGS_PATH } from './mx/settings';
import { isTestFile } from './mx/testFiles';
import { SYSTEM_SETTINGS_PATH } from './specSchema';
import { baseOfSubId } from './tags';
import { append, dirname } from './text';
import type { FileFacts, IdRef, MxMarker, MxSettings, ReqDeclaration, SkipReason, SpecDoc, TagOccurrence } from './types';

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

/** A REQ or AC declaration with the SPEC and file it stands in. */
export interface ReqEntry {
  readonly specId: string;
  readonly path: string;
  readonly decl: ReqDeclaration;
}

/**
 * One ID on an `@MX:SPEC`/`@MX:TEST` line with what it resolves to: for a SPEC ID the SPEC
 * (bare ID) when it exists; for a REQ/AC ID the SPECs declaring it among those it can belong to
 * (named on the same line, else owning the file by `module:`, else the one SPEC declaring it).
 */
export interface MxLink {
  readonly path: string;
  readonly marker: MxMarker;
  readonly ref: IdRef;
  readonly specIds: readonly string[];
  /** The SPECs the REQ/AC ID was looked up in (empty for a SPEC ID). */
  readonly scope: readonly string[];
  /** True when the file is a test file (`*_test.go`, `tests/`, …): a test reference. */
  readonly test: boolean;
}

/** Lookup tables that depend on SPEC documents only; rebuilt when one changes. */
interface SpecTables {
  readonly byId: ReadonlyMap<string, readonly SpecEntry[]>;
  /** Frontmatter IDs that differ from their folder's -> the folder's ID. */
  readonly aliases: ReadonlyMap<string, string>;
  /** SPEC ID -> its REQ and AC declarations, in file order. */
  readonly reqs: ReadonlyMap<string, readonly ReqEntry[]>;
  /** REQ/AC ID (and each dot-prefix of one) -> the SPECs declaring it. */
  readonly reqOwners: ReadonlyMap<string, readonly string[]>;
  /** SPEC ID -> `REQ:5` (kind and trailing number) -> its declared IDs ending in that number. */
  readonly reqNumbers: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  /** `module:` paths, longest first, with the SPEC owning each. */
  readonly modules: readonly (readonly [string, string])[];
  /** Tag type -> ID -> the SPECs that declare `@TYPE:ID` in their chain. */
  readonly declared: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  /** Folder of a SPEC document -> its ID, so `plan.md` beside `spec.md` belongs to it. */
  readonly byFolder: ReadonlyMap<string, string>;
  readonly types: ReadonlySet<string>;
  /** What `resolve` answered, by type then ID: thousands of markers share an ID. */
  readonly resolved: Map<string, IdCache<readonly string[]>>;
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
  /** SPEC ID -> the mentions outside SPEC folders that name it, built on demand. */
  #mentions: Map<string, Link[]> | undefined;
  /** `linksOf` results grouped by file, built on demand. */
  readonly #grouped = new Map<string, ReadonlyMap<string, readonly Link[]>>();
  #specGeneration = 0;
  #manifestGeneration = 0;
  #generation = 0;
  #routesGeneration = 0;
  /** `@MX` links of each file, computed on demand. */
  readonly #mxLinks = new Map<string, readonly MxLink[]>();
  /** SPEC ID -> the `@MX` links into it, outside SPEC folders; built on demand. */
  #mxBySpec: Map<string, MxLink[]> | undefined;

  constructor(readonly tagTypes: readonly string[]) {}

  /** Increases when a SPEC document or companion changes. */
  get specGeneration(): number {
    return this.#specGeneration;
  }

  /** Increases when any file changes: what is computed from the whole index (test evidence) is kept until it does. */
  get generation(): number {
    return this.#generation;
  }

  /** Increases when a file with route facts changes (appears, goes, or changes its routes). */
  get routesGeneration(): number {
    return this.#routesGeneration;
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
   * `<TYPE>-<ID>` tests that SPEC's tag; or a SPEC declares exactly that tag. A sub-ID
   * (`CONFIG-001-01`) that links nowhere as written links like its base ID.
   */
  resolve(tag: { readonly type: string; readonly id: string }): readonly string[] {
    const tables = this.#specTables();
    let byId = tables.resolved.get(tag.type);
    if (!byId) tables.resolved.set(tag.type, (byId = new IdCache(this.idCacheLimit)));
    return byId.get(tag.id, () => this.#resolve(tables, tag));
  }

  /** How many answers a cache keyed by ID keeps: more than the workspace's files can hold at once, as a rule. */
  readonly idCacheLimit = (): number => MIN_ID_CACHE + 2 * this.#facts.size;

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
    if (out === undefined) {
      const base = baseOfSubId(tag.id);
      if (base !== undefined) return this.resolve({ type: tag.type, id: base });
    }
    return out ?? NONE;
  }

  /** The SPEC an ID names, through folder IDs first and frontmatter aliases second (bare or with `SPEC-`). */
  resolveSpecId(id: string): string | undefined {
    const tables = this.#specTables();
    const bare = id.startsWith('SPEC-') ? id.slice(5) : id;
    if (tables.byId.has(bare)) return bare;
    return tables.aliases.get(bare);
  }

  /** REQ and AC declarations of a SPEC, in file order (`spec.md` first, then companions). */
  reqsOf(specId: string): readonly ReqEntry[] {
    return this.#specTables().reqs.get(specId) ?? NONE_REQS;
  }

  /** The declarations of one REQ/AC ID in one SPEC (more than one is `spec/duplicate-req`). */
  reqDeclarations(specId: string, id: string): readonly ReqEntry[] {
    return this.reqsOf(specId).filter((r) => r.decl.id === id);
  }

  /** True when the SPEC declares the REQ/AC ID, or a group of sub-IDs under it (`REQ-32` for `REQ-32.1`). */
  declares(specId: string, id: string): boolean {
    return this.specsDeclaring(id).includes(specId);
  }

  /**
   * The ID a SPEC declares for a REQ/AC ID as written, or undefined: the ID itself (or the group
   * it names), else for a short `REQ-005`/`AC-04` the one declared ID of that kind ending in the
   * same number (`REQ-V3R2-RT-003-005`). Every link to a REQ/AC goes through this.
   */
  resolveReq(specId: string, id: string): string | undefined {
    if (this.declares(specId, id)) return id;
    return shortMatch(this.#specTables().reqNumbers.get(specId), id);
  }

  /** The SPECs that declare a REQ/AC ID (or sub-IDs under it). */
  specsDeclaring(id: string): readonly string[] {
    return this.#specTables().reqOwners.get(id) ?? NONE;
  }

  /** The SPEC that owns a file by its `module:` paths (the longest matching path wins). */
  moduleOwner(path: string): string | undefined {
    for (const [prefix, id] of this.#specTables().modules) if (path === prefix || path.startsWith(`${prefix}/`)) return id;
    return undefined;
  }

  /** The project's MoAI-ADK release from `system.yaml` (`2.14.0`, `v3.1.2`), or undefined. */
  moaiVersion(): string | undefined {
    return this.#facts.get(SYSTEM_SETTINGS_PATH)?.moaiVersion;
  }

  /** The project's `mx.yaml` settings, or MoAI's defaults. */
  mxSettings(): MxSettings {
    return this.#facts.get(MX_SETTINGS_PATH)?.mxSettings ?? DEFAULT_MX_SETTINGS;
  }

  /** Every ID on the `@MX:SPEC`/`@MX:TEST` lines of one file, with what it resolves to. */
  mxLinks(path: string): readonly MxLink[] {
    let links = this.#mxLinks.get(path);
    if (!links) {
      const markers = this.#facts.get(path)?.mx ?? [];
      const out: MxLink[] = [];
      const test = isTestFile(path);
      for (const marker of markers) {
        if (marker.refs.length === 0) continue;
        const named: string[] = [];
        for (const ref of marker.refs) {
          if (ref.kind !== 'SPEC') continue;
          const id = this.resolveSpecId(ref.id);
          if (id !== undefined && !named.includes(id)) named.push(id);
        }
        for (const ref of marker.refs) {
          if (ref.kind === 'SPEC') {
            const id = this.resolveSpecId(ref.id);
            out.push({ path, marker, ref, specIds: id === undefined ? NONE : [id], scope: NONE, test });
            continue;
          }
          const scope = this.#reqScope(path, ref.id, named, marker.refs.some((r) => r.kind === 'SPEC'));
          const resolved = scope.map((id) => this.resolveReq(id, ref.id));
          const specIds = scope.filter((_, i) => resolved[i] !== undefined);
          // An unwritten member of a range over sparse numbering (`REQ-014-001~033` where the SPEC
          // declares 001-003, 010-012, …) names nothing: no link, no finding.
          if (ref.expanded && specIds.length === 0 && scope.length > 0) continue;
          // A short ID links under the declared ID, when the SPECs it resolves in agree on one.
          const declared = new Set(resolved.filter((id) => id !== undefined));
          const id = declared.size === 1 ? [...declared][0]! : ref.id;
          out.push({ path, marker, ref: id === ref.id ? ref : { kind: ref.kind, id, range: ref.range, ...(ref.expanded ? { expanded: true } : {}) }, specIds, scope, test });
        }
      }
      this.#mxLinks.set(path, (links = out));
    }
    return links;
  }

  /**
   * The SPECs a REQ/AC ID on a line may belong to: those named on the line; when none is named,
   * the SPEC owning the file by `module:` when it declares the ID, else the one SPEC declaring it,
   * else the owner (where it is then unknown).
   */
  #reqScope(path: string, id: string, named: readonly string[], namesSpec: boolean): readonly string[] {
    if (named.length > 0 || namesSpec) return named;
    const owner = this.moduleOwner(path) ?? this.specOfFile(path);
    if (owner !== undefined && this.resolveReq(owner, id) !== undefined) return [owner];
    // An ID the owner does not declare belongs to the one SPEC that does (`REQ-MX-ASSOC-001` in a
    // file another SPEC owns); with none or several, the owner is where it was looked up.
    const declaring = this.specsDeclaring(id);
    if (declaring.length === 1) return declaring;
    return owner !== undefined ? [owner] : NONE;
  }

  /**
   * `@MX` links outside SPEC folders into one SPEC: with `reqId`, only those naming that REQ/AC
   * (or the group it belongs to: `REQ-32` for `REQ-32.1`);
   * without, every link resolving to the SPEC (its ID and its REQ/AC IDs).
   */
  mxRefsTo(specId: string, reqId?: string): readonly MxLink[] {
    const all = this.#mxReverse().get(specId) ?? NONE_MX;
    return reqId === undefined ? all : all.filter((l) => l.ref.kind !== 'SPEC' && namesReq(l.ref.id, reqId));
  }

  /** True when some `@MX` line outside SPEC folders links to a SPEC: the workspace writes that dialect. */
  hasMxLinks(): boolean {
    return this.#mxReverse().size > 0;
  }

  #mxReverse(): Map<string, MxLink[]> {
    if (!this.#mxBySpec) {
      this.#mxBySpec = new Map();
      for (const facts of this.#facts.values()) if (facts.mx) this.#addMxReverse(facts.path);
    }
    return this.#mxBySpec;
  }

  #addMxReverse(path: string): void {
    if (!this.#mxBySpec || this.specOfFile(path) !== undefined) return;
    addToReverse(this.#mxBySpec, this.mxLinks(path).filter((l) => l.marker.place !== 'markdown'));
  }

  #removeMxReverse(path: string): void {
    if (this.#mxBySpec) removeFromReverse(this.#mxBySpec, this.#mxLinks.get(path), path);
  }

  /**
   * Links of the markers of one file. A claim also belongs to every SPEC whose document a
   * `SPEC:` path of its header line names (`# @CODE:CLI-003 | SPEC: SPEC-CLI-001/spec.md`).
   */
  links(path: string): readonly Link[] {
    let links = this.#links.get(path);
    if (!links) {
      const facts = this.#facts.get(path);
      links = facts ? this.#linksOf(path, facts) : NONE_LINKS;
      this.#links.set(path, links);
    }
    return links;
  }

  #linksOf(path: string, facts: FileFacts): readonly Link[] {
    const headerSpecs = facts.headerPaths.length ? this.#headerSpecs(path, facts) : undefined;
    return facts.tags.map((tag) => {
      if (tag.role === 'title') return { path, tag, specIds: NONE };
      const specIds = this.resolve(tag);
      const named = tag.role === 'claim' ? headerSpecs?.get(tag.range.start.line) : undefined;
      return { path, tag, specIds: named ? [...new Set([...specIds, ...named])] : specIds };
    });
  }

  /** By line, the SPECs that the `SPEC:` header paths of a file name. */
  #headerSpecs(path: string, facts: FileFacts): Map<number, string[]> {
    const byLine = new Map<number, string[]>();
    for (const header of facts.headerPaths) {
      if (header.label !== 'SPEC') continue;
      const target = resolveHeaderPath(this, path, header.label, header.target);
      const spec = target === undefined ? undefined : this.#specTables().byFolder.get(target.replace(/\/+$/, '')) ?? this.specOfFile(target);
      if (spec === undefined) continue;
      const list = byLine.get(header.range.start.line);
      if (list) list.push(spec);
      else byLine.set(header.range.start.line, [spec]);
    }
    return byLine;
  }

  /** Mentions (markers quoted in prose or strings) outside SPEC folders that name `specId`. */
  mentionsOf(specId: string): readonly Link[] {
    if (!this.#mentions) {
      this.#mentions = new Map();
      for (const path of this.#facts.keys()) {
        if (this.specOfFile(path) !== undefined) continue;
        for (const link of this.links(path)) {
          if (link.tag.role !== 'mention') continue;
          for (const id of link.specIds) {
            const list = this.#mentions.get(id);
            if (list) list.push(link);
            else this.#mentions.set(id, [link]);
          }
        }
      }
    }
    return this.#mentions.get(specId) ?? NONE_LINKS;
  }

  /** Claims (markers in comments of source files) outside SPEC folders that belong to `specId`, by file. */
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

  /** Claims outside SPEC folders that belong to `specId`, in no particular order. */
  #claimsOf(specId: string): readonly Link[] {
    return this.#reverse().get(specId) ?? NONE_LINKS;
  }

  /** Markers in code (claims) outside SPEC folders that belong to `specId`, counted by tag type. */
  claimTypes(specId: string): ReadonlyMap<string, number> {
    return this.#chainSummary().types.get(specId) ?? NO_COUNTS;
  }

  /** True when a claim outside SPEC folders is exactly `@TYPE:ID`. */
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
      for (const path of this.#facts.keys()) this.#contribute(path, this.links(path), 1);
    }
    return this.#summary;
  }

  /** Adds (sign 1) or removes (sign -1) one file's claims from the chain summary. */
  #contribute(path: string, links: readonly Link[], sign: 1 | -1): void {
    const summary = this.#summary;
    if (!summary || this.specOfFile(path) !== undefined) return;
    for (const link of links) {
      if (link.tag.role !== 'claim') continue;
      bump(summary.carried, link.tag.type, link.tag.id, sign);
      for (const id of link.specIds) bump(summary.types, id, link.tag.type, sign);
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
    for (const id of addToReverse(this.#bySpec, this.links(path).filter((l) => l.tag.role === 'claim'))) this.#grouped.delete(id);
  }

  #removeReverse(path: string): void {
    if (!this.#bySpec) return;
    for (const id of removeFromReverse(this.#bySpec, this.#links.get(path), path)) this.#grouped.delete(id);
  }


  #changed(path: string, old: FileFacts | undefined, next: FileFacts | undefined): boolean {
    this.#generation++;
    if (old?.manifest || next?.manifest) this.#manifestGeneration++;
    if (old?.routes || next?.routes) this.#routesGeneration++;
    this.#mentions = undefined;
    // The MoAI release decides which template every SPEC's frontmatter is judged by.
    if (path === SYSTEM_SETTINGS_PATH && old?.moaiVersion !== next?.moaiVersion) {
      this.#specGeneration++;
      return true;
    }
    if (isSpecRelated(old) || isSpecRelated(next)) {
      this.#specGeneration++;
      this.#tables = undefined;
      if (sameSpecShape(old, next)) {
        this.#links.delete(path);
        this.#mxLinks.delete(path);
        return false;
      }
      this.#links.clear();
      this.#bySpec = undefined;
      this.#summary = undefined;
      this.#mxLinks.clear();
      this.#mxBySpec = undefined;
      return true;
    }
    if (old && this.#summary) this.#contribute(path, this.#links.get(path) ?? this.#linksOf(path, old), -1);
    this.#removeReverse(path);
    this.#links.delete(path);
    if (next && this.#summary) this.#contribute(path, this.links(path), 1);
    this.#addReverse(path);
    this.#removeMxReverse(path);
    this.#mxLinks.delete(path);
    this.#addMxReverse(path);
    return false;
  }

  #specTables(): SpecTables {
    if (this.#tables) return this.#tables;
    const byId = new Map<string, SpecEntry[]>();
    const byFolder = new Map<string, string>();
    const aliases = new Map<string, string>();
    const modules: [string, string][] = [];
    for (const facts of this.#facts.values()) {
      const doc = facts.spec;
      if (!doc?.id) continue;
      const entry: SpecEntry = { id: doc.id, path: facts.path, doc };
      const list = byId.get(doc.id);
      if (list) list.push(entry);
      else byId.set(doc.id, [entry]);
      if (!doc.flat) byFolder.set(dirname(facts.path), doc.id);
      for (const alias of doc.aliases ?? []) aliases.set(alias, doc.id);
      for (const module of doc.modules ?? []) modules.push([module, doc.id]);
    }
    for (const alias of [...aliases.keys()]) if (byId.has(alias)) aliases.delete(alias);
    modules.sort((a, b) => b[0].length - a[0].length);
    const reqs = new Map<string, ReqEntry[]>();
    const reqOwners = new Map<string, string[]>();
    const declaring: [string, FileFacts][] = [];
    // SPECs declaring each ID in a heading, list item or bold paragraph, and the kinds each SPEC
    // declares so. In a SPEC that declares its REQs that way, a table row naming first an ID that
    // only another SPEC declares so (`| REQ-AI-033 | SPEC-AI-001 | … |`) cites it: a traceability
    // row, not a declaration. SPECs declaring only in tables (`| AC-7 | … |`) keep their rows.
    const stated = new Map<string, Set<string>>();
    const statesKinds = new Set<string>();
    for (const facts of this.#facts.values()) {
      if (!facts.reqs?.length) continue;
      const owner = facts.spec?.id ?? byFolder.get(dirname(facts.path));
      if (owner === undefined) continue;
      declaring.push([owner, facts]);
      for (const decl of facts.reqs) {
        if (decl.form === 'table') continue;
        statesKinds.add(`${owner}\n${decl.kind}`);
        const set = stated.get(decl.id);
        if (set) set.add(owner);
        else stated.set(decl.id, new Set([owner]));
      }
    }
    for (const [owner, facts] of declaring) {
      let list = reqs.get(owner);
      if (!list) reqs.set(owner, (list = []));
      for (const decl of facts.reqs!) {
        const elsewhere = decl.form === 'table' && statesKinds.has(`${owner}\n${decl.kind}`) ? stated.get(decl.id) : undefined;
        if (elsewhere && !elsewhere.has(owner)) continue;
        list.push({ specId: owner, path: facts.path, decl });
        // `REQ-32` names the group `REQ-32.1`, `REQ-32.2`, …; `AC-1-01` the ACs `AC-1-01.a`, ….
        let id = decl.id;
        for (;;) {
          const owners = reqOwners.get(id);
          if (!owners) reqOwners.set(id, [owner]);
          else if (!owners.includes(owner)) owners.push(owner);
          const dot = id.lastIndexOf('.');
          if (dot <= 0) break;
          id = id.slice(0, dot);
        }
      }
    }
    const reqNumbers = new Map<string, Map<string, string[]>>();
    for (const [id, list] of reqs) {
      list.sort((a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : a.decl.range.start.line - b.decl.range.start.line));
      const kept = withoutRestatements(list);
      const numbers = numberTable(kept);
      reqNumbers.set(id, numbers);
      reqs.set(id, kept.map((entry) => withResolvedMaps(entry, numbers, reqOwners)));
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
    this.#tables = { byId, declared, byFolder, aliases, reqs, reqOwners, reqNumbers, modules, types: new Set(this.tagTypes), resolved: new Map() };
    return this.#tables;
  }
}

const NONE: readonly string[] = Object.freeze([]);
const NONE_LINKS: readonly Link[] = Object.freeze([]);
const NONE_REQS: readonly ReqEntry[] = Object.freeze([]);
const NONE_MX: readonly MxLink[] = Object.freeze([]);

/** The number a REQ/AC ID ends in, after a hyphen (`REQ-X-005` -> 5), keyed with its kind. */
function numberKey(id: string): string | undefined {
  const m = /^(REQ|AC)-(?:.*-)?(\d+)$/.exec(id);
  return m ? `${m[1]}:${Number(m[2])}` : undefined;
}

/** A SPEC's declared IDs by kind and trailing number, for short references. */
function numberTable(list: readonly ReqEntry[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { decl } of list) {
    const key = numberKey(decl.id);
    if (key === undefined) continue;
    const ids = out.get(key);
    if (!ids) out.set(key, [decl.id]);
    else if (!ids.includes(decl.id)) ids.push(decl.id);
  }
  return out;
}

/**
 * The one declared ID a short reference stands for: `REQ-005`/`AC-04` (kind and number only) the
 * declared ID of that kind ending in the same number; `REQ-D-005` (a tail of groups) the declared
 * ID ending in those groups and that number (`REQ-IMG-LOAD-2-D-005`). None or several: undefined.
 */
function shortMatch(numbers: ReadonlyMap<string, readonly string[]> | undefined, id: string): string | undefined {
  const key = numbers && numberKey(id);
  if (key === undefined) return undefined;
  const tail = /^(?:REQ|AC)-(.*?)-?\d+$/.exec(id)![1]!;
  const ids = (numbers!.get(key) ?? NONE).filter((d) => d !== id && (tail === '' || endsWithGroups(d, tail)));
  return ids.length === 1 ? ids[0] : undefined;
}

/** True when a declared ID's groups before its number end in `tail` (`IMG-LOAD-2-D` ends in `D`). */
function endsWithGroups(declared: string, tail: string): boolean {
  const head = /^(?:REQ|AC)-(.*)-\d+$/.exec(declared)?.[1];
  return head !== undefined && head.length > tail.length && head.endsWith(`-${tail}`);
}

/**
 * An AC's mappings as its SPEC declares them: a short REQ ID (`(REQ-001)`, `(REQ-D-005)`) becomes
 * the declared ID; a REQ only another SPEC declares is a citation (`still holds, REQ-05.4`), and an
 * unwritten member of a range the SPEC numbers sparsely (`REQ-014-001~033`) names nothing: both
 * are dropped, so neither maps nor is reported.
 */
function withResolvedMaps(entry: ReqEntry, numbers: ReadonlyMap<string, readonly string[]>, owners: ReadonlyMap<string, readonly string[]>): ReqEntry {
  const { decl } = entry;
  if (decl.kind !== 'AC' || decl.maps.length === 0) return entry;
  let changed = false;
  const maps: IdRef[] = [];
  for (const m of decl.maps) {
    const declaring = owners.get(m.id);
    if (declaring?.includes(entry.specId)) {
      maps.push(m);
      continue;
    }
    changed = true;
    const id = shortMatch(numbers, m.id);
    if (id !== undefined) maps.push({ ...m, id });
    else if (!m.expanded && !declaring?.length) maps.push(m);
  }
  return changed ? { ...entry, decl: { ...decl, maps } } : entry;
}

/**
 * The first occurrence of an ID declares it. SPECs restate their REQs in traceability tables,
 * acceptance sections and companions: a later occurrence in another file or another form is a
 * restatement and dropped; one in the same file, form and section is kept, as a duplicate.
 */
function withoutRestatements(list: readonly ReqEntry[]): ReqEntry[] {
  const first = new Map<string, ReqEntry>();
  const out: ReqEntry[] = [];
  const ids = new Set(list.map((e) => e.decl.id));
  for (const entry of list) {
    if (entry.decl.form === 'table' && isRangeOf(entry.decl.id, ids)) continue;
    const key = `${entry.decl.kind}:${entry.decl.id}`;
    const seen = first.get(key);
    if (!seen) first.set(key, entry);
    else if (seen.path !== entry.path || seen.decl.form !== entry.decl.form || seen.decl.section !== entry.decl.section) continue;
    out.push(entry);
  }
  return out;
}

/** True for a traceability row's `REQ-PWR-001-006` when `REQ-PWR-001` is declared: a range, not a REQ. */
function isRangeOf(id: string, declared: ReadonlySet<string>): boolean {
  const m = /^(.*-(\d+))-(\d+)$/.exec(id);
  return m !== null && m[2]!.length === m[3]!.length && Number(m[3]) > Number(m[2]) && declared.has(m[1]!);
}

/** Files each link under the SPECs it resolves to; returns the SPEC IDs whose lists changed. */
function addToReverse<L extends { readonly specIds: readonly string[] }>(table: Map<string, L[]>, links: readonly L[]): Set<string> {
  const touched = new Set<string>();
  for (const link of links) {
    for (const id of link.specIds) {
      const list = table.get(id);
      if (list) list.push(link);
      else table.set(id, [link]);
      touched.add(id);
    }
  }
  return touched;
}

/** Drops the links of one file from a reverse table; returns the SPEC IDs whose lists changed. */
function removeFromReverse<L extends { readonly path: string; readonly specIds: readonly string[] }>(table: Map<string, L[]>, links: readonly L[] | undefined, path: string): Set<string> {
  const ids = new Set<string>();
  for (const link of links ?? []) for (const id of link.specIds) ids.add(id);
  for (const id of ids) {
    const list = table.get(id);
    if (list) table.set(id, list.filter((l) => l.path !== path));
  }
  return ids;
}

/** The SPEC document's declarations come before its companions'. */
function rank(path: string): number {
  return /(^|\/)spec\.md$|(^|\/)SPEC-[^/]*\.md$/.test(path) ? 0 : 1;
}
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
  // Declarations and titles stand only in SPEC documents (companions mention), which carry `spec`.
  return f !== undefined && (f.spec !== undefined || (f.reqs?.length ?? 0) > 0);
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
  const reqs = (f: FileFacts): string => (f.reqs ?? []).map((r) => r.id).sort().join(' ');
  const specShape = (f: FileFacts): string => JSON.stringify([f.spec?.aliases, f.spec?.modules, f.spec?.archived]);
  return decl(a) === decl(b) && reqs(a) === reqs(b) && specShape(a) === specShape(b);
}
