import type { ByPath, ConventionFact, ConventionsView } from '../../protocol';
import type { Citation, CodeFact, LibraryUse } from '../conventions/types';
import type { PlanFacts } from './facts';

/*
 * The conventions a plan is written from, for the sidebar's Guidance view: the same facts the
 * plan cites, each with the lines it comes from, in words rather than markdown.
 */

type Fact = ByPath<ConventionFact>;

const source = (c: Citation): { path: string; line: number } => ({ path: c.path, line: c.line });
const fact = (label: string, text: string, sources: readonly Citation[]): Fact => ({ label, text, sources: sources.map(source) });
const ofCode = (label: string, f: CodeFact): Fact => fact(label, `\`${f.value}\``, f.where);
const ofLibrary = (label: string, use: LibraryUse): Fact => {
  const version = use.declared?.version ? ` ${use.declared.version}` : '';
  const via = use.via ? `, through \`${use.via.name}\`` : '';
  return fact(label, `${use.name}${version}${via}`, [...(use.declared ? [use.declared] : []), ...use.uses]);
};

const LAYER_LABEL: Readonly<Record<string, string>> = {
  handler: 'Handlers', route: 'Routes', service: 'Business logic', repository: 'Data access', model: 'Models', schema: 'Shapes', middleware: 'Middleware', test: 'Tests', migration: 'Migrations',
};

/** The Guidance view of a plan's conventions, or undefined when no service's code was read. */
export function conventionsView(facts: PlanFacts): ByPath<ConventionsView> | undefined {
  const c = facts.conventions;
  if (!c) return undefined;
  const fw = facts.choice.kind === 'determined' ? facts.choice.candidate?.framework : undefined;
  const framework = `${facts.guidance?.displayName ?? c.framework?.name ?? ''}${fw ? ` ${fw.resolved ?? fw.version ?? ''}` : ''}`.trim();
  const layout = c.layers
    .filter((p) => p.count > 1 || c.layers.filter((q) => q.layer === p.layer).length === 1)
    .map((p) => fact(LAYER_LABEL[p.layer] ?? p.layer, `\`${p.template}\` (${p.count} file${p.count === 1 ? '' : 's'})`, p.examples.slice(0, 2).map((path) => ({ path, line: 0 }))));
  const data: Fact[] = [
    ...c.data.slice(0, 2).map((d) => ofLibrary('Access', d)),
    ...c.data.flatMap((d) => (d.style ? [ofCode('Style', d.style)] : [])),
    ...(c.migrations ? [fact('Migrations', c.migrations.tool, c.migrations.where)] : c.schemaScripts.length > 0 ? [fact('Schema', 'SQL scripts, no migration tool', c.schemaScripts)] : []),
  ];
  const auth = [...c.auth.mechanisms.slice(0, 4).map((m) => ofCode('In place', m)), ...c.auth.libraries.slice(0, 3).map((l) => ofLibrary('Library', l))];
  const errors = [
    ...c.errors.handlers.map((h) => ofCode('Handler', h)),
    ...c.errors.raises.map((r) => ofCode('Raised', r)),
    ...c.errors.bodies.map((b) => ofCode('Body', b)),
    ...(c.responseType ? [ofCode('Responses', c.responseType)] : []),
  ];
  const paging = c.paging.slice(0, 3).map((p) => fact('Parameters', p.params.map((n) => `\`${n}\``).join(', ') + (p.type ? ` (\`${p.type.name}\`)` : ''), [...p.where, ...(p.type?.where.slice(0, 1) ?? [])]));
  const tests = [...c.tests.runners.slice(0, 3).map((r) => ofLibrary('Runner', r)), ...(c.tests.script ? [ofCode('Script', c.tests.script)] : [])];
  const groups = [
    { title: 'Layout', facts: layout },
    { title: 'Data layer', facts: data },
    { title: 'Authentication', facts: auth },
    { title: 'Errors', facts: errors },
    { title: 'Paging', facts: paging },
    { title: 'Tests', facts: tests },
  ].filter((g) => g.facts.length > 0);
  return { service: c.root, framework, groups };
}
