import type { GuidanceView } from '../../../protocol';
import { findFramework } from '../../stack/technologies';
import type { FrameworkName } from '../../types';
import { axum } from './axum';
import { beego } from './beego';
import { django } from './django';
import { express } from './express';
import { fastapi } from './fastapi';
import { fastify } from './fastify';
import { flask } from './flask';
import { gin } from './gin';
import { laravel } from './laravel';
import { nestjs } from './nestjs';
import { play } from './play';
import { rocket } from './rocket';
import { sails } from './sails';
import { springBoot } from './springBoot';
import { symfony } from './symfony';
import type { FrameworkGuidance, GuidanceData } from './types';

export type { FrameworkGuidance, LayoutEntry, PlanTagType } from './types';

/** Every entry, in the order the model lists the frameworks, named as stack detection names it. */
const ENTRIES: readonly FrameworkGuidance[] = ([
  fastapi, flask, django,
  express, fastify, nestjs, sails,
  gin, beego,
  axum, rocket,
  springBoot,
  play,
  laravel, symfony,
] satisfies GuidanceData[]).map((data) => ({ ...data, displayName: findFramework(data.name)?.name ?? data.name }));

/**
 * The guidance for a framework, by its name (`spring-boot`), display name (`Spring Boot`) or a
 * known alias (`springboot`, `nest.js`), as the stack module resolves them; undefined when
 * unsupported.
 */
export function getGuidance(name: string): FrameworkGuidance | undefined {
  const id = findFramework(name)?.id;
  return ENTRIES.find((entry) => entry.name === id);
}

/**
 * The guidance for a framework at the major version a service uses: an older major's own advice
 * replaces the current one where the entry has some (`before`).
 */
export function guidanceAt(guidance: FrameworkGuidance, major: number | undefined): FrameworkGuidance {
  const before = guidance.before;
  return before && major !== undefined && major <= before.major ? { ...guidance, ...before.changes } : guidance;
}

/** All guidance entries, one per supported framework. */
export function listGuidance(): readonly FrameworkGuidance[] {
  return ENTRIES;
}

/** The supported framework names, in the model's order. */
export function supportedFrameworks(): readonly FrameworkName[] {
  return ENTRIES.map((entry) => entry.name);
}

/** The sidebar's view of one entry (`GuidanceView` of the protocol). */
export function toGuidanceView(guidance: FrameworkGuidance): GuidanceView {
  return {
    framework: guidance.name,
    displayName: guidance.displayName,
    docs: guidance.docs,
    sections: guidanceSections(guidance),
  };
}

/** The titled lists shown for a framework, in reading order; shared by the plan and the sidebar. */
export function guidanceSections(guidance: FrameworkGuidance): readonly { readonly title: string; readonly items: readonly string[] }[] {
  return [
    { title: 'Key patterns', items: guidance.keyPatterns },
    { title: 'Database integration', items: guidance.databaseIntegration },
    { title: 'Authentication', items: guidance.authentication },
    { title: 'Testing', items: guidance.testing },
    { title: 'Middleware', items: guidance.middleware },
    { title: 'Data access', items: [`ORM: ${guidance.dataAccess.orm}`, `Migrations: ${guidance.dataAccess.migrations}`, `Connection pool: ${guidance.dataAccess.pool}`] },
    { title: 'Commands', items: [`Coverage (85% of lines): ${guidance.coverageCommand.replaceAll('{target}', '85')}`, `Dependency audit: ${guidance.auditCommand}`] },
    { title: 'Project layout', items: guidance.layout.map((entry) => `\`${entry.path}\`: ${entry.purpose}`) },
  ];
}
