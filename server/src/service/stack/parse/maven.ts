import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ManifestFacts } from '../../types';
import { decodeNumeric } from '../../text';
import { FactsBuilder, clip } from './common';

/** An element found by the position scan: its path from the root and where its text stands. */
interface Element {
  readonly path: string;
  readonly start: number;
  /** Offsets of the element's text content (between its tags). */
  readonly textStart: number;
  textEnd: number;
  readonly children: Element[];
}

/**
 * Finds every element with its offsets. fast-xml-parser gives values without positions; this
 * scan walks the same (already validated) markup and gives each element its place, so the
 * n-th `dependency` of the parser's data is the n-th one here.
 */
function scanElements(text: string): Element[] {
  const masked = text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![^>]*>/g, (m) => m.replace(/[^\n]/g, ' '));
  const all: Element[] = [];
  const stack: Element[] = [];
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/g;
  for (let m = tag.exec(masked); m; m = tag.exec(masked)) {
    const name = m[2]!.replace(/^.*:/, '');
    if (m[1]) {
      const el = stack.pop();
      if (el) el.textEnd = m.index;
      continue;
    }
    const parent = stack[stack.length - 1];
    const el: Element = { path: parent ? `${parent.path}/${name}` : name, start: m.index, textStart: m.index + m[0].length, textEnd: m.index + m[0].length, children: [] };
    parent?.children.push(el);
    all.push(el);
    if (!m[3]) stack.push(el);
  }
  return all;
}

type Xml = Record<string, unknown>;
const asList = (v: unknown): Xml[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is Xml => typeof x === 'object' && x !== null);
const asStrings = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) => textOf(x)).filter((x): x is string => x !== undefined && x !== '');
const textOf = (v: unknown): string | undefined => (typeof v === 'string' ? decodeNumeric(v.trim()) : typeof v === 'number' ? String(v) : undefined);
/** A named entity left unexpanded (`&rev;` with no definition): no value may be read from it. */
const ENTITY = /&[A-Za-z_][\w.-]{0,60};/;

/**
 * `pom.xml`: the parent, `dependencies`, imported BOMs of `dependencyManagement` and build
 * plugins, each named `groupId:artifactId`. `${x}` versions are filled from `properties`
 * (and `project.version`/`project.parent.version`); the version range then points at the
 * property, which is where an update belongs.
 */
export function parsePom(path: string, text: string): ManifestFacts {
  const facts = new FactsBuilder(path, 'pom.xml', text);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    facts.error(`invalid XML at line ${valid.err.line}: ${valid.err.msg}`);
    return facts.build();
  }
  const parsed = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (name) => name === 'dependency' || name === 'plugin' || name === 'module' }).parse(text) as Xml;
  const project = parsed.project as Xml | undefined;
  if (!project || typeof project !== 'object') {
    facts.error('no <project> root element');
    return facts.build();
  }
  const elements = scanElements(text);
  const at = (p: string): Element[] => elements.filter((e) => e.path === p);
  const child = (el: Element | undefined, name: string): Element | undefined => el?.children.find((c) => c.path.endsWith(`/${name}`));

  const properties = new Map<string, { value: string; el?: Element }>();
  const props = project.properties;
  if (props && typeof props === 'object') {
    const propEls = at('project/properties')[0]?.children ?? [];
    for (const [key, value] of Object.entries(props as Xml)) {
      const v = textOf(value);
      const el = propEls.find((e) => e.path.endsWith(`/${key}`));
      if (v !== undefined) properties.set(key, { value: v, ...(el ? { el } : {}) });
    }
  }
  const parent = project.parent as Xml | undefined;
  const projectVersion = textOf(project.version) ?? textOf(parent?.version);
  if (projectVersion) properties.set('project.version', { value: projectVersion });
  if (parent && textOf(parent.version)) properties.set('project.parent.version', { value: textOf(parent.version)! });

  const add = (data: Xml, el: Element | undefined, dev: boolean): void => {
    const group = textOf(data.groupId) ?? (el?.path.endsWith('/plugin') ? 'org.apache.maven.plugins' : undefined);
    const artifact = textOf(data.artifactId);
    if (!artifact) {
      facts.error(`${el ? `line ${facts.lines.positionAt(el.start).line + 1}: ` : ''}<${el?.path.split('/').pop() ?? 'dependency'}> without <artifactId>`);
      return;
    }
    let version = textOf(data.version);
    const versionEl = child(el, 'version');
    let versionAt: readonly [number, number] | undefined = versionEl ? [versionEl.textStart, versionEl.textEnd] : undefined;
    const ref = version ? /^\$\{([^}]+)\}$/.exec(version) : null;
    if (ref) {
      const prop = properties.get(ref[1]!);
      if (prop) {
        version = prop.value;
        versionAt = prop.el ? [prop.el.textStart, prop.el.textEnd] : undefined;
      } else if (!parent) facts.error(`${clip(artifact)}: version property \${${clip(ref[1]!)}} is not defined in this pom`);
      // With a parent, the property may be the parent's: the stack resolves it along the chain.
    }
    const entity = version === undefined ? null : ENTITY.exec(version);
    if (entity) {
      facts.error(`${clip(artifact)}: the version uses the XML entity ${entity[0]}, which is not expanded; no version is taken from it`);
      version = undefined;
      versionAt = undefined;
    }
    const anchor = child(el, 'artifactId') ?? el;
    const start = anchor?.start ?? 0;
    const line = facts.lines.positionAt(start).line;
    const lineEnd = facts.lines.offsetAt({ line, character: facts.lines.lineText(line).length });
    facts.add(group ? `${group}:${artifact}` : artifact, version, start, lineEnd, { dev, ...(versionAt ? { versionAt } : {}) });
  };

  if (parent) add(parent, at('project/parent')[0], false);
  const section = (data: unknown, path: string, onlyImports = false): void => {
    const els = at(path);
    asList(data).forEach((dep, i) => {
      if (onlyImports && textOf(dep.scope) !== 'import') return;
      add(dep, els[i], textOf(dep.scope) === 'test');
    });
  };
  const deps = (x: unknown): unknown => (x && typeof x === 'object' ? (x as Xml).dependency : undefined);
  section(deps(project.dependencies), 'project/dependencies/dependency');
  section(deps((project.dependencyManagement as Xml | undefined)?.dependencies), 'project/dependencyManagement/dependencies/dependency', true);
  const build = project.build as Xml | undefined;
  const plugins = build?.plugins as Xml | undefined;
  section(plugins?.plugin, 'project/build/plugins/plugin');

  const managed: Record<string, string> = {};
  for (const dep of asList(deps((project.dependencyManagement as Xml | undefined)?.dependencies))) {
    const group = textOf(dep.groupId);
    const artifact = textOf(dep.artifactId);
    const raw = textOf(dep.version);
    if (!group || !artifact || !raw || ENTITY.test(raw)) continue;
    const ref = /^\$\{([^}]+)\}$/.exec(raw);
    const version = ref ? (properties.get(ref[1]!)?.value ?? raw) : raw;
    // An imported BOM manages its own group: `spring-boot-dependencies` versions every Boot starter.
    managed[textOf(dep.scope) === 'import' ? `${group}:*` : `${group}:${artifact}`] = version;
  }
  const modulesEl = project.modules as Xml | undefined;
  const members = asStrings(modulesEl?.module);
  const groupId = textOf(project.groupId) ?? textOf(parent?.groupId);
  const artifactId = textOf(project.artifactId);
  const parentGroup = textOf(parent?.groupId);
  const parentArtifact = textOf(parent?.artifactId);
  const relative = parent && 'relativePath' in parent ? (textOf(parent.relativePath) ?? '') : '../pom.xml';
  const built = facts.build();
  return {
    ...built,
    module: {
      ...(groupId && artifactId ? { id: `${groupId}:${artifactId}` } : {}),
      packaging: textOf(project.packaging) ?? 'jar',
      ...(members.length > 0 ? { members } : {}),
      ...(parentGroup && parentArtifact ? { parent: { id: `${parentGroup}:${parentArtifact}`, relativePath: relative } } : {}),
      ...(properties.size > 0 ? { properties: Object.fromEntries([...properties].map(([k, v]) => [k, v.value])) } : {}),
      ...(Object.keys(managed).length > 0 ? { managed } : {}),
    },
  };
}
