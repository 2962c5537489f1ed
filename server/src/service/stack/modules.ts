import type { ManifestFacts } from '../types';
import { ecosystemOf, isLockfileKind, packageKey } from './manifests';

/**
 * Which folders of a workspace use which others: a dependency on a sibling package (npm
 * `workspace:*` or any version of a workspace package's name), a Maven module's
 * `groupId:artifactId`, a Gradle `project(':lib')`, a Cargo crate or a Go module of the workspace.
 */
export interface ModuleGraph {
  /** For each root, the roots it uses at run time (not through dev or test dependencies). */
  readonly runtime: ReadonlyMap<string, ReadonlySet<string>>;
  /** Roots that another root uses, at run time or only to test or build. */
  readonly consumed: ReadonlyMap<string, 'runtime' | 'dev'>;
}

const GRADLE_BUILD = new Set(['build.gradle', 'build.gradle.kts']);

/**
 * The module graph of the workspace from its manifests by root. `gradleRootOf` gives the
 * settings folder a Gradle build belongs to (project paths `:a:b` are folders `a/b` under it).
 */
export function moduleGraph(byRoot: ReadonlyMap<string, readonly ManifestFacts[]>, gradleRootOf: (root: string) => string | undefined): ModuleGraph {
  // Module ids per ecosystem: the package name, the pom's coordinates, the crate, the Go module path.
  const byId = new Map<string, string[]>();
  for (const [root, list] of byRoot) {
    for (const m of list) {
      const eco = ecosystemOf(m.kind);
      if (!eco || isLockfileKind(m.kind) || m.module?.id === undefined) continue;
      const key = `${eco}:${packageKey(eco, m.module.id)}`;
      const roots = byId.get(key) ?? [];
      if (!roots.includes(root)) roots.push(root);
      byId.set(key, roots);
    }
  }
  // Folders claiming one name (`initial/` and `complete/` copies of a guide): the one sharing the
  // longest folder prefix with the user, when only one does.
  const closest = (key: string, from: string): string | undefined => {
    const roots = byId.get(key);
    if (!roots || roots.length === 1) return roots?.[0];
    const shared = (r: string): number => {
      const a = r.split('/');
      const b = from.split('/');
      let n = 0;
      while (n < a.length && n < b.length && a[n] === b[n]) n++;
      return n;
    };
    const best = Math.max(...roots.map(shared));
    const top = roots.filter((r) => shared(r) === best);
    return top.length === 1 ? top[0] : undefined;
  };
  const runtime = new Map<string, Set<string>>();
  const consumed = new Map<string, 'runtime' | 'dev'>();
  for (const [root, list] of byRoot) {
    const uses = new Set<string>();
    for (const m of list) {
      const eco = ecosystemOf(m.kind);
      if (!eco || isLockfileKind(m.kind)) continue;
      for (const d of m.dependencies) {
        let target: string | undefined;
        if (GRADLE_BUILD.has(m.kind) && d.name.startsWith(':')) {
          const settings = gradleRootOf(root);
          const folder = d.name.split(':').filter((p) => p !== '').join('/');
          if (settings !== undefined) target = settings === '.' ? folder || '.' : folder ? `${settings}/${folder}` : settings;
        } else target = closest(`${eco}:${packageKey(eco, d.name)}`, root);
        // A pom's parent is where its versions come from, not a module it runs.
        if (!target || target === root || !byRoot.has(target) || d.name === m.module?.parent?.id) continue;
        if (d.dev) {
          if (!consumed.has(target)) consumed.set(target, 'dev');
        } else {
          uses.add(target);
          consumed.set(target, 'runtime');
        }
      }
    }
    runtime.set(root, uses);
  }
  return { runtime, consumed };
}

/** The roots `root` reaches at run time through the graph, itself left out, nearest first. */
export function reachedFrom(graph: ModuleGraph, root: string): string[] {
  const out: string[] = [];
  const queue = [...(graph.runtime.get(root) ?? [])];
  const seen = new Set([root]);
  while (queue.length > 0 && out.length < 200) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    out.push(next);
    queue.push(...(graph.runtime.get(next) ?? []));
  }
  return out;
}
