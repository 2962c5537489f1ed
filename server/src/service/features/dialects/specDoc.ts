import type { WorkspaceIndex } from '../../index';
import { basename, dirname } from '../../text';
import { declarationsNamed } from '../reqCoverage';
import { specSubject, type Dialect, type RefAt, type Subject } from '../refs';
import { contains, type FileOperation, type Location } from '../types';

/**
 * SPEC documents, whichever dialect links code to them: a SPEC's ID (frontmatter `id`, title)
 * and the REQ/AC declarations of its files declare; the items of `depends_on`/`blocks`/… and
 * the REQ IDs an AC maps name.
 */
export const specDocDialect: Dialect = {
  name: 'spec',

  at(index, path, position): RefAt | undefined {
    const facts = index.facts(path);
    const specId = facts?.reqs?.length ? (facts.spec?.id ?? index.specOfFile(path)) : undefined;
    if (specId !== undefined) {
      for (const decl of facts!.reqs!) {
        if (contains(decl.range, position)) {
          const subject: Subject = { kind: decl.kind, specId, id: decl.id };
          return { role: 'declaration', range: decl.range, subjects: [subject], rename: { subject, range: decl.range } };
        }
        for (const ref of decl.maps) {
          if (!contains(ref.range, position)) continue;
          const subject: Subject = { kind: 'REQ', specId, id: index.resolveReq(specId, ref.id) ?? ref.id };
          return { role: 'reference', range: ref.range, subjects: [subject], rename: { subject, range: ref.range } };
        }
      }
    }
    const doc = facts?.spec;
    if (!doc) return undefined;
    const ref = doc.references.find((r) => contains(r.range, position));
    if (ref) {
      const known = index.specsWithId(ref.id).length > 0;
      return {
        role: 'reference',
        range: ref.range,
        subjects: known ? [specSubject(ref.id)] : [],
        rename: known ? { subject: specSubject(ref.id), range: ref.range, within: true } : { refused: `${ref.id} is not the ID of a SPEC of the workspace.` },
      };
    }
    if (doc.id !== undefined && (contains(doc.idRange, position) || contains(doc.titleRange, position))) {
      const range = contains(doc.idRange, position) ? doc.idRange : doc.titleRange;
      return { role: 'declaration', range, subjects: [specSubject(doc.id)], rename: { subject: specSubject(doc.id), range, within: true } };
    }
    return undefined;
  },

  declarations(index, subject) {
    if (subject.kind === 'SPEC') return index.specsWithId(subject.specId).map((s) => ({ path: s.path, range: s.doc.titleRange }));
    return declarationsNamed(index, subject.specId, subject.id).map((r) => ({ path: r.path, range: r.decl.range }));
  },

  /** The ACs mapping a REQ. */
  references(index, subject) {
    if (subject.kind === 'SPEC') return [];
    const out: Location[] = [];
    for (const ac of index.reqsOf(subject.specId)) for (const ref of ac.decl.maps) if (ref.id === subject.id) out.push({ path: ac.path, range: ref.range });
    return out;
  },

  renameSites(index, subject, newId) {
    if (subject.kind !== 'SPEC') {
      const declarations = index.reqDeclarations(subject.specId, subject.id);
      const exact: (Location & { expanded?: boolean })[] = declarations.map((d) => ({ path: d.path, range: d.decl.range }));
      for (const ac of index.reqsOf(subject.specId)) {
        for (const ref of ac.decl.maps) if (ref.id === subject.id) exact.push({ path: ac.path, range: ref.range, ...(ref.expanded ? { expanded: true } : {}) });
      }
      return { exact, files: specFiles(index, declarations.map((d) => d.path)) };
    }
    const specs = index.specsWithId(subject.specId);
    const within: Location[] = [];
    for (const spec of specs) within.push({ path: spec.path, range: spec.doc.idRange }, { path: spec.path, range: spec.doc.titleRange });
    for (const spec of index.specs()) for (const ref of spec.doc.references) if (ref.id === subject.specId) within.push({ path: spec.path, range: ref.range });
    const operations: FileOperation[] = [];
    for (const spec of specs) {
      const folder = dirname(spec.path);
      if (basename(folder) !== `SPEC-${subject.specId}`) continue;
      const parent = dirname(folder);
      operations.push({ kind: 'rename', from: folder, to: parent === '.' ? `SPEC-${newId}` : `${parent}/SPEC-${newId}` });
    }
    return { within, operations };
  },
};

/** The files of the SPEC declaring an ID: every indexed file of its folder, or the flat SPEC file itself. */
function specFiles(index: WorkspaceIndex, declaring: readonly string[]): string[] {
  const out = new Set<string>(declaring);
  const folders = new Set(declaring.filter((p) => !index.facts(p)?.spec?.flat).map(dirname));
  for (const facts of index.allFacts()) if (folders.has(dirname(facts.path))) out.add(facts.path);
  return [...out].sort();
}
