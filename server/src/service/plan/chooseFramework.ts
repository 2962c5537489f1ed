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
 * The framework a plan is written for. `determined` names it, with the service that uses it
 * when a manifest does; otherwise `reason` says why none could be chosen:
 * - `none`: nothing stated, nothing detected;
 * - `unsupported`: the SPEC states a framework SpecChain has no entry for;
 * - `ambiguous`: nothing stated and several frameworks detected.
 */
export type FrameworkChoice =
  | {
      readonly kind: 'determined';
      readonly guidance: FrameworkGuidance;
      readonly source: 'spec' | 'workspace';
      readonly candidate?: FrameworkCandidate;
      /** Other services using the same framework (a monorepo). */
      readonly others: readonly FrameworkCandidate[];
    }
  | {
      readonly kind: 'undetermined';
      readonly reason: 'none' | 'unsupported' | 'ambiguous';
      readonly candidates: readonly FrameworkCandidate[];
    };

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

/**
 * Picks the framework for a plan: the SPEC's stated framework when it states one (with the
 * service whose manifest declares it, preferring the stated language), otherwise the framework
 * detected in the workspace: the one of the stated language, or else the only one. Several
 * candidates leave it undetermined; it never guesses beyond that.
 */
export function chooseFramework(stated: StatedStack | undefined, stack: StackReport, specText = ''): FrameworkChoice {
  const found: FrameworkCandidate[] = stack.services.flatMap((service) => service.frameworks.map((framework) => ({ service, framework })));
  // Services before libraries; among them, those the SPEC names (by folder or path) first.
  const mentions = new Map(found.map((c) => [c, mentionsOf(c.service.root, specText)]));
  const all = [...found].sort((a, b) => Number(a.service.role === 'library') - Number(b.service.role === 'library') || mentions.get(b)! - mentions.get(a)!);
  const language = stated?.language?.trim();
  const speaks = (c: FrameworkCandidate): boolean =>
    language === undefined || language === '' || sameLanguage(c.service.language, language) || sameLanguage(getGuidance(c.framework.name)?.language ?? '', language);
  const statedName = stated?.framework?.trim();

  if (statedName) {
    const guidance = getGuidance(statedName);
    if (!guidance) return { kind: 'undetermined', reason: 'unsupported', candidates: all };
    const matching = all.filter((c) => c.framework.name === guidance.name);
    const ordered = [...matching.filter(speaks), ...matching.filter((c) => !speaks(c))];
    const [candidate, ...others] = ordered;
    return candidate ? { kind: 'determined', guidance, source: 'spec', candidate, others } : { kind: 'determined', guidance, source: 'spec', others };
  }

  if (all.length === 0) return { kind: 'undetermined', reason: 'none', candidates: [] };
  const speaking = all.filter(speaks);
  let fitting = speaking.length > 0 ? speaking : all;
  const services = fitting.filter((c) => c.service.role !== 'library');
  if (services.length > 0) fitting = services;
  const named = fitting.filter((c) => mentions.get(c)! > 0);
  if (named.length > 0 && new Set(named.map((c) => c.framework.name)).size === 1) fitting = [...named, ...fitting.filter((c) => !named.includes(c) && c.framework.name === named[0]!.framework.name)];
  const names = new Set(fitting.map((c) => c.framework.name));
  if (names.size > 1) return { kind: 'undetermined', reason: 'ambiguous', candidates: fitting };
  const [candidate, ...others] = fitting;
  const guidance = getGuidance(candidate!.framework.name);
  if (!guidance) return { kind: 'undetermined', reason: 'unsupported', candidates: all };
  return { kind: 'determined', guidance, source: 'workspace', candidate: candidate!, others };
}
