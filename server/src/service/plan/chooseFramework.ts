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
export function chooseFramework(stated: StatedStack | undefined, stack: StackReport): FrameworkChoice {
  const all: FrameworkCandidate[] = stack.services.flatMap((service) => service.frameworks.map((framework) => ({ service, framework })));
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
  const fitting = speaking.length > 0 ? speaking : all;
  const names = new Set(fitting.map((c) => c.framework.name));
  if (names.size > 1) return { kind: 'undetermined', reason: 'ambiguous', candidates: fitting };
  const [candidate, ...others] = fitting;
  const guidance = getGuidance(candidate!.framework.name);
  if (!guidance) return { kind: 'undetermined', reason: 'unsupported', candidates: all };
  return { kind: 'determined', guidance, source: 'workspace', candidate: candidate!, others };
}
