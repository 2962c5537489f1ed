import type { FrameworkName } from '../../types';

/** Tag types a layout entry is the natural home for. */
export type PlanTagType = 'API' | 'DB' | 'SERVICE' | 'MIDDLEWARE' | 'TEST';

/** One folder or file of a framework's usual project layout. */
export interface LayoutEntry {
  readonly path: string;
  readonly purpose: string;
  /** The tag type code in this place usually carries. */
  readonly tag?: PlanTagType;
}

/**
 * What a backend team needs to know about one framework. Pure data: one entry per framework,
 * written in our own words, so adding a framework touches one file (and its detection entry in
 * `stack/technologies.ts`, which gives the display name).
 */
export interface GuidanceData {
  readonly name: FrameworkName;
  /** Primary language (`python typescript go rust java scala php`). */
  readonly language: string;
  /** Official site or documentation. */
  readonly docs: string;
  /** One sentence: what the framework is and how it is best used for an API. */
  readonly summary: string;
  readonly keyPatterns: readonly string[];
  readonly databaseIntegration: readonly string[];
  /** The usual choices for the data layer when the workspace shows none. */
  readonly dataAccess: {
    readonly orm: string;
    readonly migrations: string;
    readonly pool: string;
  };
  readonly authentication: readonly string[];
  readonly testing: readonly string[];
  /** A command that fails the build below the coverage target (`{target}` is replaced). */
  readonly coverageCommand: string;
  /** A command that audits dependencies for known vulnerabilities. */
  readonly auditCommand: string;
  /** Middleware in the order requests pass through it. */
  readonly middleware: readonly string[];
  /** How the framework produces one error format for every failure. */
  readonly errorHandling: string;
  readonly layout: readonly LayoutEntry[];
  /**
   * What differs for an older major version, by the highest major it applies to: advice for
   * Spring Boot 3 (`ProblemDetail`, `jakarta.*`) is not given to a Boot 2 service.
   */
  readonly before?: { readonly major: number; readonly changes: Partial<Omit<GuidanceData, 'name' | 'before'>> };
}

/** A guidance entry with the framework's display name from its detection entry. */
export interface FrameworkGuidance extends GuidanceData {
  readonly displayName: string;
}
