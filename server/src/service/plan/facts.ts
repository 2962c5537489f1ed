import type { Layer, ServiceConventions } from '../conventions/types';
import type { ServiceStack, StackReport } from '../types';
import type { FrameworkChoice, StatedStack } from './chooseFramework';
import type { SpecConventions } from './conventions';
import type { Endpoint } from './endpoints';
import type { FrameworkGuidance } from './guidance';
import type { PlannedFile } from './layoutPlan';
import type { Requirement } from './requirements';

/** A tag of the SPEC's chain that code already carries. `line` is 1-based. */
export interface ChainTag {
  readonly type: string;
  readonly id: string;
  readonly path: string;
  readonly line: number;
}

/** A REQ or AC a SPEC of the `@MX` dialect declares. `line` is 1-based. */
export interface MxPlanItem {
  readonly kind: 'REQ' | 'AC';
  readonly id: string;
  readonly text: string;
  /** Workspace-relative path of the SPEC file declaring it (`spec.md`, `acceptance.md`). */
  readonly path: string;
  readonly line: number;
  /** For an AC, the REQs it maps. */
  readonly maps: readonly string[];
}

/** An `@MX:SPEC`/`@MX:TEST` reference into the SPEC from code. `id` is a REQ/AC ID, or the SPEC's own. */
export interface MxPlanRef {
  readonly id: string;
  readonly path: string;
  readonly line: number;
  /** True for a reference from a test file. */
  readonly test: boolean;
}

/** Everything a backend plan is made from: one SPEC, its chain and the workspace's stack. */
export interface PlanInput {
  /** The SPEC ID, with or without a leading `SPEC-`. */
  readonly specId: string;
  /** Workspace-relative path of the SPEC document. */
  readonly specPath: string;
  /** The SPEC document's markdown. */
  readonly specText: string;
  readonly title?: string;
  readonly status?: string;
  /** The SPEC's `stack.backend` block, values as strings. */
  readonly statedStack?: StatedStack;
  readonly stack: StackReport;
  readonly chain: {
    /** Markers in code that belong to the SPEC. */
    readonly existing: readonly ChainTag[];
    /** Tags the SPEC declares in its text, like `@API:USER-001`. */
    readonly declared: readonly string[];
  };
  /**
   * Present for a SPEC of the `@MX` dialect (it declares REQ/AC IDs, or `@MX` lines link to it,
   * and no `@TYPE:ID` marker does): its declarations and the references code already holds.
   */
  readonly mx?: {
    readonly declared: readonly MxPlanItem[];
    readonly references: readonly MxPlanRef[];
  };
  /**
   * The conventions of the service the plan is for (`conventions/`), read from the index by
   * whoever builds the input (`planInputFor`); without them the plan falls back to the
   * framework's guidance, said as suggestions.
   */
  readonly conventions?: ServiceConventions;
  /** Routes of the code bound to the SPEC's endpoints (`routes/`): where those endpoints are handled already. */
  readonly bound?: readonly BoundRoute[];
}

/** A route of the code bound to an endpoint of the SPEC. `line` is 1-based. */
export interface BoundRoute {
  /** The SPEC's endpoint as written. */
  readonly method: string;
  readonly path: string;
  /** The declaration of the route that serves it. */
  readonly file: string;
  readonly line: number;
  readonly handler?: string;
}

/** What the plan is written from, derived once from the input. */
export interface PlanFacts {
  readonly input: PlanInput;
  readonly id: string;
  readonly choice: FrameworkChoice;
  /** The framework's guidance at the major version the service uses. */
  readonly guidance: FrameworkGuidance | undefined;
  /** The service the plan is for, when a manifest declares its framework. */
  readonly service: ServiceStack | undefined;
  /** That service's conventions, when the input carries them for it. */
  readonly conventions: ServiceConventions | undefined;
  readonly endpoints: readonly Endpoint[];
  readonly requirements: readonly Requirement[];
  /** The error body, paging and ID form the SPEC states. */
  readonly specConventions: SpecConventions;
  /** The files the SPEC needs, per layer, placed by the service's layout. */
  readonly files: ReadonlyMap<Layer, readonly PlannedFile[]>;
  /** What the repository leaves open, with the framework's usual answer. */
  readonly suggestions: readonly Suggestion[];
}

/** What the framework usually does where the repository has nothing, said once. */
export interface Suggestion {
  readonly topic: 'layout' | 'data' | 'migrations' | 'auth' | 'errors' | 'paging' | 'tests';
  readonly text: string;
}
