import type { WorkspaceIndex } from '../index';
import type { SpecShape } from '../specTemplate';

/**
 * How most of the workspace's SPECs are written (flat files or folders, v2 or v3 frontmatter,
 * `id: X-001` or `id: SPEC-X-001`, `# @SPEC:X-001` or `# SPEC-X-001` titles), for a new SPEC to
 * match; MoAI's current template for what no SPEC shows.
 */
export function workspaceSpecShape(index: WorkspaceIndex): SpecShape {
  let flat = 0;
  let legacy = 0;
  let current = 0;
  let bare = 0;
  let prefixed = 0;
  let tagTitles = 0;
  let plainTitles = 0;
  const specs = index.specs();
  for (const spec of specs) {
    if (spec.doc.flat) flat++;
    if (spec.doc.schema === 'legacy') legacy++;
    else if (spec.doc.schema === 'current') current++;
    const id = spec.doc.idSource === 'frontmatter' ? (spec.doc.fields.id ?? spec.doc.fields.spec_id)?.value : undefined;
    if (typeof id === 'string') {
      if (id.trim().startsWith('SPEC-')) prefixed++;
      else bare++;
    }
    const title = index.facts(spec.path)?.tags.some((t) => t.role === 'title' && t.type === 'SPEC');
    if (title) tagTitles++;
    else if (spec.doc.title !== undefined) plainTitles++;
  }
  return { flat: flat * 2 > specs.length, schema: legacy > current ? 'legacy' : 'current', bareId: bare > prefixed, heading: plainTitles > tagTitles ? 'plain' : 'tag' };
}
