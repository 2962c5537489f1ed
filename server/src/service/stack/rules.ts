import { severityOf, type SpecChainConfig } from '../config';
import type { Diagnostic, DiagnosticCode, DiagnosticData, Range, RelatedLocation, ServiceStack, SpecDoc, StackReport } from '../types';
import { capabilityLabel } from './capabilities';
import type { DetectedFrameworkWithVersion } from './detect';
import { ecosystemOf, manifestKind } from './manifests';
import { FRAMEWORKS, FRAMEWORK_IDS, findFramework, type Framework } from './technologies';
import { concreteVersion, versionsAgree } from './versions';

/** What the stack rules need of one SPEC. */
export interface StackSpecInput {
  readonly path: string;
  readonly doc: SpecDoc;
  /** What the SPEC's text asks for, from `scanCapabilities`. */
  readonly capabilities: readonly { name: string; range: Range }[];
}

const LANGUAGE_FAMILY: Readonly<Record<string, string>> = {
  js: 'typescript', javascript: 'typescript', node: 'typescript', nodejs: 'typescript', 'node.js': 'typescript', ts: 'typescript', typescript: 'typescript',
  py: 'python', python: 'python', python3: 'python',
  go: 'go', golang: 'go',
  rs: 'rust', rust: 'rust',
  java: 'java', kotlin: 'java', kt: 'java',
  scala: 'scala',
  php: 'php',
};

/** Languages that share frameworks compare equal (JavaScript with TypeScript, Kotlin with Java). */
export function languageFamily(language: string): string {
  const key = language.trim().toLowerCase();
  return LANGUAGE_FAMILY[key] ?? key;
}

function stringValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

const displayName = (id: string): string => FRAMEWORKS.find((f) => f.id === id)?.name ?? id;
const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

function describeVersion(f: DetectedFrameworkWithVersion): string {
  if (f.version !== null && f.resolved !== null) return `${f.version} (resolved ${f.resolved})`;
  return f.version ?? (f.resolved !== null ? `${f.resolved} (resolved)` : 'no version');
}

/**
 * The `stack/*` diagnostics: the stack block of each SPEC held against the detected stack.
 * Services relevant to a SPEC are those of its stated language, or all when it states none
 * (or, for a stated framework, when none has that language). Severity comes from the settings; a code turned off yields nothing.
 */
export function checkStack(specs: readonly StackSpecInput[], stack: StackReport, config: SpecChainConfig): Diagnostic[] {
  const out: Diagnostic[] = [];
  const emit = (code: DiagnosticCode, path: string, range: Range, message: string, data?: DiagnosticData, related?: RelatedLocation[]): void => {
    const severity = severityOf(code, config);
    if (!severity) return;
    out.push({ code, severity, message, path, range, ...(data ? { data } : {}), ...(related ? { related } : {}) });
  };
  const allDetected = stack.services.flatMap((s) => s.frameworks) as DetectedFrameworkWithVersion[];

  for (const spec of specs) {
    const block = spec.doc.stack;
    const label = spec.doc.id ? `SPEC ${spec.doc.id}` : `the SPEC in ${spec.path}`;
    const language = stringValue(block?.language?.value);
    const sameLanguage: readonly ServiceStack[] = language ? stack.services.filter((s) => languageFamily(s.language) === languageFamily(language)) : stack.services;
    const services = sameLanguage.length > 0 ? sameLanguage : stack.services;
    const detected = services.flatMap((s) => s.frameworks) as DetectedFrameworkWithVersion[];
    const stated = stringValue(block?.framework?.value);
    const frameworkField = block?.framework;

    let checked: readonly Framework[] = [];
    if (stated && frameworkField) {
      const fw = findFramework(stated);
      if (!fw) {
        const choices = unique(detected.map((d) => d.name));
        emit(
          'stack/unsupported-framework', spec.path, frameworkField.valueRange,
          `Framework "${stated}" is not supported. Supported frameworks: ${FRAMEWORKS.map((f) => `${f.name} (${f.id})`).join(', ')}.`,
          { kind: 'pick-framework', choices: choices.length > 0 ? choices : FRAMEWORK_IDS },
        );
      } else {
        checked = [fw];
        let matches = detected.filter((d) => d.name === fw.id);
        if (matches.length === 0) matches = allDetected.filter((d) => d.name === fw.id);
        if (matches.length === 0) {
          const others = unique(detected.map((d) => d.name));
          const found = detected.length > 0 ? `; the manifests declare ${detected.map((d) => `${displayName(d.name)} (${d.manifest})`).join(', ')}` : '; no manifest of the workspace declares a supported framework';
          emit('stack/framework-mismatch', spec.path, frameworkField.valueRange, `${label} states ${fw.name}, but no manifest declares it${found}.`, others.length > 0 ? { kind: 'pick-framework', choices: others } : undefined);
        } else {
          checkVersion(spec, label, fw, matches, emit);
        }
      }
    } else {
      // Without a stated framework, only services of the stated language can supply one.
      // Only a backend SPEC (a stack block, or endpoints) needs a framework.
      const ids = unique(sameLanguage.flatMap((s) => s.frameworks.map((f) => f.name)));
      // A backend of another kind (chi, Koa, Next.js route handlers) answers the question; a
      // front-end-only workspace calls APIs it does not serve.
      const served = sameLanguage.some((s) => s.servers.length > 0);
      const frontEndOnly = stack.services.every((s) => s.frameworks.length === 0 && s.servers.length === 0) && stack.services.some((s) => s.frontends.length > 0);
      if (ids.length === 0 && !served && !frontEndOnly && (block !== undefined || spec.doc.namesEndpoints === true)) {
        const elsewhere = unique(allDetected.map((d) => d.name));
        const where = language && elsewhere.length > 0 ? ` for ${language}` : '';
        emit(
          'stack/not-detected', spec.path, block?.range ?? spec.doc.titleRange,
          `${label} states no framework and none was detected${where} in the workspace's manifests; pick one for stack.backend.framework.`,
          { kind: 'pick-framework', choices: elsewhere.length > 0 ? elsewhere : FRAMEWORK_IDS },
        );
      }
      checked = ids.map((id) => FRAMEWORKS.find((f) => f.id === id)!);
    }
    if (checked.length > 0) checkArchitecture(spec, label, checked, stack.services, emit);
  }
  return out;
}

type Emit = (code: DiagnosticCode, path: string, range: Range, message: string, data?: DiagnosticData, related?: RelatedLocation[]) => void;

function checkVersion(spec: StackSpecInput, label: string, fw: Framework, matches: readonly DetectedFrameworkWithVersion[], emit: Emit): void {
  const field = spec.doc.stack?.version;
  const version = stringValue(field?.value);
  if (!field || !version) return;
  const ecosystem = (m: DetectedFrameworkWithVersion) => ecosystemOf(manifestKind(m.manifest) ?? '') ?? 'npm';
  if (matches.some((m) => versionsAgree(version, m.version, m.resolved, ecosystem(m)))) return;
  const m = matches[0]!;
  const manifestVersion = concreteVersion(m.version, m.resolved, ecosystem(m)) ?? describeVersion(m);
  const data: DiagnosticData = { kind: 'set-version', specVersion: version, manifestVersion, manifestPath: m.manifest, manifestRange: m.versionRange ?? m.range };
  emit(
    'stack/version-mismatch', spec.path, field.valueRange,
    `${label} states ${fw.name} ${version}, but ${m.manifest} declares ${describeVersion(m)}.`,
    data,
    [{ path: m.manifest, range: m.range, message: `${fw.name} ${describeVersion(m)} declared here` }],
  );
  emit(
    'stack/version-mismatch', m.manifest, m.range,
    `${m.manifest} declares ${fw.name} ${describeVersion(m)}, but ${label} (${spec.path}) states ${version}.`,
    data,
    [{ path: spec.path, range: field.valueRange, message: `${label} states ${fw.name} ${version}` }],
  );
}

/** True when a service offers the capability: its framework natively, or a library (grpc-go, Strawberry, ws …). */
function offers(service: ServiceStack, capability: string): boolean {
  if (service.frameworks.some((f) => (FRAMEWORKS.find((x) => x.id === f.name)?.capabilities as readonly string[] | undefined)?.includes(capability))) return true;
  return capability === 'graphql' ? service.graphql.length > 0 : service.capabilities.includes(capability);
}

/**
 * `stack/architecture-mismatch`: what the SPEC asks for that none of the checked frameworks does
 * natively, unless some service of the workspace offers it (a Go service serving gRPC beside a
 * FastAPI app answers a gRPC requirement: it is not FastAPI's gap).
 */
function checkArchitecture(spec: StackSpecInput, label: string, frameworks: readonly Framework[], services: readonly ServiceStack[], emit: Emit): void {
  const seen = new Set<string>();
  for (const asked of spec.capabilities) {
    if (seen.has(asked.name)) continue;
    seen.add(asked.name);
    if (frameworks.some((f) => (f.capabilities as readonly string[]).includes(asked.name))) continue;
    if (services.some((s) => offers(s, asked.name))) continue;
    const fw = frameworks[0]!;
    const options = fw.options[asked.name as keyof Framework['options']] ?? [];
    const names = frameworks.map((f) => f.name).join(' / ');
    emit(
      'stack/architecture-mismatch', spec.path, asked.range,
      `${label} asks for ${capabilityLabel(asked.name)}, which ${names} does not provide natively${options.length > 0 ? `; options: ${options.join(', ')}` : ''}.`,
    );
  }
}
