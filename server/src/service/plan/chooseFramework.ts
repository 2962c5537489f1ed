import { languageFamily } from '../stack/rules';
import type { DetectedFramework, ServiceStack, StackReport } from '../types';
import { getGuidance, type FrameworkGuidance } from './guidance';

/** A framework found in one service of the workspace. */
export interface FrameworkCandidate {
  readonly service: ServiceStack;
  readonly framework: DetectedFramework;
}

/** What the SPEC says about its backend (`stack.backend` of its frontmatter). */
export interface StatedStack {
  readonly language?: string;
  readonly framework?: string;
  readonly version?: string;
  readonly database?: string;
}

/**
 * The service and framework a plan is written for. `determined` names the framework, with the
 * service that uses it when a manifest does, and `source` says why that one:
 * - `code`: the SPEC's linked code (its markers, its `@MX` lines) lives in that service;
 * - `named`: the SPEC names the service's folder;
 * - `spec`: the SPEC states the framework (`stack.backend.framework`);
 * - `workspace`: the only framework of the workspace (of the stated language);
 * - `guess`: several services fit and nothing tells them apart: the first, said as a guess.
 * `service` is the service the SPEC's linked code lives in when it runs on no framework SpecChain
 * has guidance for (Go's `net/http`, a worker): the plan follows that service's own code alone.
 * `undetermined` says why none could be chosen: nothing stated or detected (`none`), or a
 * stated framework SpecChain has no entry for (`unsupported`).
 */
export type FrameworkChoice =
  | {
      readonly kind: 'determined';
      readonly guidance: FrameworkGuidance;
      readonly source: 'code' | 'named' | 'spec' | 'workspace' | 'guess';
      readonly candidate?: FrameworkCandidate;
      /** For `code`: how many linked files the service holds, and one of them. */
      readonly linked?: { readonly files: number; readonly example: string };
      /** Other services using the same framework (a monorepo), or for a guess the other fitting ones. */
      readonly others: readonly FrameworkCandidate[];
    }
  | {
      readonly kind: 'service';
      readonly source: 'code';
      readonly service: ServiceStack;
      readonly linked: { readonly files: number; readonly example: string };
    }
  | {
      readonly kind: 'undetermined';
      readonly reason: 'none' | 'unsupported';
      readonly candidates: readonly FrameworkCandidate[];
    };

/** The service a choice writes the plan for, when it has one. */
export function chosenService(choice: FrameworkChoice): ServiceStack | undefined {
  if (choice.kind === 'service') return choice.service;
  return choice.kind === 'determined' ? choice.candidate?.service : undefined;
}

/** How often a SPEC names a service's folder: as a path (`services/orders/`) or, for a distinctive folder name, as a word. */
function mentionsOf(root: string, text: string): number {
  if (root === '.' || text === '') return 0;
  let count = text.split(`${root}/`).length - 1;
  const name = root.slice(root.lastIndexOf('/') + 1);
  if (name.length >= 3 && !/^(src|app|api|lib|web|server|backend|service|services|core)$/i.test(name)) {
    count += (text.match(new RegExp(`(?<![\\w/-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'gi')) ?? []).length;
  }
  return count;
}

/** True when two language names belong to one ecosystem (TypeScript and JavaScript, Java and Kotlin). */
export function sameLanguage(a: string, b: string): boolean {
  return languageFamily(a) === languageFamily(b);
}

/** The service root holding a path: the deepest of the roots containing it. */
function rootOf(path: string, roots: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const root of roots) {
    if ((root === '.' || path.startsWith(`${root}/`)) && (best === undefined || best === '.' || root.length > best.length)) best = root;
  }
  return best;
}

/**
 * Picks the service and framework for a plan, in this order: the service holding the SPEC's
 * linked code (`linked`: the paths of its markers and `@MX` lines), the service the SPEC names,
 * the service of the framework the SPEC states, the only framework of the workspace; several
 * left, the first of them, said as a guess.
 */
export function chooseFramework(stated: StatedStack | undefined, stack: StackReport, specText = '', linked: readonly string[] = []): FrameworkChoice {
  const found: FrameworkCandidate[] = stack.services.flatMap((service) => service.frameworks.map((framework) => ({ service, framework })));
  // Services before libraries; among them, those the SPEC names (by folder or path) first.
  const mentions = new Map(found.map((c) => [c, mentionsOf(c.service.root, specText)]));
  const all = [...found].sort((a, b) => Number(a.service.role === 'library') - Number(b.service.role === 'library') || mentions.get(b)! - mentions.get(a)!);
  const language = stated?.language?.trim();
  const speaks = (c: FrameworkCandidate): boolean =>
    language === undefined || language === '' || sameLanguage(c.service.language, language) || sameLanguage(getGuidance(c.framework.name)?.language ?? '', language);
  const statedName = stated?.framework?.trim();
  const determined = (candidate: FrameworkCandidate, source: 'code' | 'named' | 'spec' | 'workspace' | 'guess', others: readonly FrameworkCandidate[], extra: { linked?: { files: number; example: string } } = {}): FrameworkChoice | undefined => {
    const guidance = getGuidance(candidate.framework.name);
    return guidance ? { kind: 'determined', guidance, source, candidate, others: others.filter((o) => o.service.root !== candidate.service.root), ...extra } : undefined;
  };

  // 1. Where the SPEC's code already lives: a service of a known framework, or a service running
  // on none SpecChain knows (libraries without a framework lend their code to the services using them).
  const plain = stack.services.filter((s) => s.frameworks.length === 0 && s.role === 'service');
  const roots = [...new Set([...all.map((c) => c.service.root), ...plain.map((s) => s.root)])];
  const perRoot = new Map<string, string[]>();
  for (const path of linked) {
    const root = rootOf(path, roots);
    if (root !== undefined) perRoot.set(root, [...(perRoot.get(root) ?? []), path]);
  }
  const [codeRoot, codePaths] = [...perRoot].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))[0] ?? [];
  if (codeRoot !== undefined && codePaths) {
    const linkedFiles = { files: new Set(codePaths).size, example: codePaths[0]! };
    const candidate = all.find((c) => c.service.root === codeRoot);
    if (!candidate) return { kind: 'service', source: 'code', service: plain.find((s) => s.root === codeRoot)!, linked: linkedFiles };
    const choice = determined(candidate, 'code', all.filter((c) => c.framework.name === candidate.framework.name), { linked: linkedFiles });
    if (choice) return choice;
  }

  // 2. The service the SPEC names.
  const named = all.filter((c) => c.service.role !== 'library' && mentions.get(c)! > 0);
  if (named.length > 0 && new Set(named.map((c) => c.service.root)).size >= 1) {
    const top = named.filter((c) => mentions.get(c) === mentions.get(named[0]!));
    if (new Set(top.map((c) => c.service.root)).size === 1) {
      const choice = determined(top.find(speaks) ?? top[0]!, 'named', all.filter((c) => c.framework.name === top[0]!.framework.name));
      if (choice) return choice;
    }
  }

  // 3. The framework the SPEC states.
  if (statedName) {
    const guidance = getGuidance(statedName);
    if (!guidance) return { kind: 'undetermined', reason: 'unsupported', candidates: all };
    const matching = all.filter((c) => c.framework.name === guidance.name);
    const ordered = [...matching.filter(speaks), ...matching.filter((c) => !speaks(c))];
    const [candidate, ...others] = ordered;
    return candidate ? { kind: 'determined', guidance, source: 'spec', candidate, others } : { kind: 'determined', guidance, source: 'spec', others };
  }

  // 4. The workspace's only framework, else 5. a guess among the fitting services.
  if (all.length === 0) return { kind: 'undetermined', reason: 'none', candidates: [] };
  const speaking = all.filter(speaks);
  let fitting = speaking.length > 0 ? speaking : all;
  const services = fitting.filter((c) => c.service.role !== 'library');
  if (services.length > 0) fitting = services;
  const names = new Set(fitting.map((c) => c.framework.name));
  const [first] = fitting;
  const choice = determined(first!, names.size > 1 ? 'guess' : 'workspace', names.size > 1 ? fitting : fitting.filter((c) => c.framework.name === first!.framework.name));
  return choice ?? { kind: 'undetermined', reason: 'unsupported', candidates: all };
}
