import { DEFAULT_CONFIG } from '../../../server/src/service/config';
import { InMemoryWorkspace } from '../../../server/src/service/inMemoryWorkspace';
import { LanguageService } from '../../../server/src/service/languageService';
import { generatePlan, planFacts, type PlanFacts } from '../../../server/src/service/plan/generate';
import { planInputFor } from '../../../server/src/service/plan/planInput';

/** A SPEC document with the legacy frontmatter, its title and its body. */
export function specDoc(id: string, title: string, body: string, extra = ''): string {
  return `---\nid: ${id}\nversion: 0.1.0\nstatus: planned\ncreated: 2026-01-10\nupdated: 2026-01-10\nauthor: team\npriority: high\n${extra}---\n\n# @SPEC:${id}: ${title}\n\n${body}`;
}

/** The plan of one SPEC of an in-memory workspace, built as every front end builds it (`planInputFor`). */
export async function planOf(files: Readonly<Record<string, string>>, specId: string): Promise<{ plan: string; facts: PlanFacts }> {
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files), config: DEFAULT_CONFIG });
  await service.load();
  const found = await planInputFor(service, specId);
  if (found.kind !== 'found') throw new Error(`no plan input for ${specId}: ${found.kind}`);
  return { plan: generatePlan(found.input), facts: planFacts(found.input) };
}

/**
 * The content lines two plans share: lines that are neither headings, blank, table header or
 * separator rows nor the generated marker, found in both. What a plan says in every repository.
 */
export function sharedContent(a: string, b: string): string[] {
  const content = (plan: string): Set<string> => {
    const lines = plan.split('\n');
    return new Set(lines.filter((line, i) => {
      const t = line.trim();
      if (t === '' || t.startsWith('#') || t.startsWith('<!--') || /^\|[-|: ]+\|$/.test(t)) return false;
      // A table's header row is the one above its separator.
      return !(t.startsWith('|') && /^\|[-|: ]+\|$/.test(lines[i + 1]?.trim() ?? ''));
    }));
  };
  const other = content(b);
  return [...content(a)].filter((line) => other.has(line));
}
