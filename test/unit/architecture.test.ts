import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import * as ts from 'typescript';

/**
 * The layering rule of the project, checked on every import: the service is pure (no editor,
 * no LSP connection, no Node built-ins, no adapters), the client reaches the server only through
 * the shared protocol.
 */
const ROOT = path.resolve(__dirname, '../..');
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

function imports(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/**
 * The import graph of the project's own files under `dirs`, as TypeScript resolves it: every
 * `import`, `import type`, `export … from`, `require` and `import()` of each file.
 */
export function importGraph(dirs: readonly string[]): Map<string, string[]> {
  const options: ts.CompilerOptions = { module: ts.ModuleKind.Preserve, moduleResolution: ts.ModuleResolutionKind.Bundler, resolveJsonModule: true };
  const graph = new Map<string, string[]>();
  for (const file of dirs.flatMap(sources)) {
    const found = ts.preProcessFile(readFileSync(path.join(ROOT, file), 'utf8'), true, true).importedFiles;
    const targets = new Set<string>();
    for (const { fileName } of found) {
      const resolved = ts.resolveModuleName(fileName, path.join(ROOT, file), options, ts.sys).resolvedModule;
      if (resolved && !resolved.isExternalLibraryImport) targets.add(path.relative(ROOT, resolved.resolvedFileName));
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/** Each cycle of the graph (a strongly connected component of two files or more, or a file importing itself), as a path that closes. */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's algorithm, iterative so that a deep chain of imports cannot overflow the stack.
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  for (const root of graph.keys()) {
    if (order.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    order.set(root, order.size);
    low.set(root, order.get(root)!);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work.at(-1)!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const to = edges[frame.next++]!;
        if (!order.has(to)) {
          order.set(to, order.size);
          low.set(to, order.get(to)!);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node)!, order.get(to)!));
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== order.get(frame.node)) continue;
      const component: string[] = [];
      for (let member = stack.pop()!; ; member = stack.pop()!) {
        onStack.delete(member);
        component.push(member);
        if (member === frame.node) break;
      }
      if (component.length > 1 || graph.get(frame.node)?.includes(frame.node)) components.push(component);
    }
  }
  return components.map((component) => closedPath(graph, new Set(component)));
}

/** One cycle through a component, printed as `a -> b -> a` would read: the shortest way back to its first file. */
function closedPath(graph: ReadonlyMap<string, readonly string[]>, members: ReadonlySet<string>): string[] {
  const start = [...members].sort()[0]!;
  const back = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const to of graph.get(node) ?? []) {
      if (!members.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = back.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!back.has(to)) {
        back.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start, start];
}

describe('architecture', () => {
  it('no import cycles in server/ and client/ (type-only imports included)', () => {
    const cycles = importCycles(importGraph(['server/src', 'client/src', 'client/webview']));
    assert.deepEqual(cycles.map((c) => c.join(' -> ')), []);
  });

  it('the cycle check finds a cycle, type-only or not, and prints it', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts', 'd.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    assert.deepEqual(importCycles(graph).map((c) => c.join(' -> ')).sort(), ['a.ts -> b.ts -> c.ts -> a.ts', 'e.ts -> e.ts']);
    assert.ok(importGraph(['client/src']).get(path.join('client/src', 'extension.ts'))!.includes(path.join('client/src', 'ctx.ts')), 'the graph holds real edges');
  });

  it('the service imports no editor, connection, Node built-in or adapter', () => {
    const offending: string[] = [];
    for (const file of sources('server/src/service')) {
      for (const spec of imports(file)) {
        const resolved = spec.startsWith('.') ? path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec)) : spec;
        if (BUILTINS.has(spec) || /^vscode(-languageserver|-languageclient|-jsonrpc)?(\/|$)/.test(spec) || /^server\/src\/(node|lsp|cli)(\/|$)/.test(resolved)) {
          offending.push(`${file}: ${spec}`);
        }
      }
    }
    assert.deepEqual(offending, []);
  });

  /**
   * What the client may share with the server: the protocol, its data types, the ID syntax, the
   * SPEC template, and the checked writer of files into the workspace (the CLI's plan uses it too).
   */
  const SHARED = ['server/src/protocol', 'server/src/service/types', 'server/src/service/tags', 'server/src/service/specTemplate', 'server/src/node/workspaceFiles'];

  it('the client talks to the server only through the protocol and shared pure modules', () => {
    const offending: string[] = [];
    for (const file of sources('client/src')) {
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const resolved = path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec));
        if (resolved.startsWith('server/') && !SHARED.includes(resolved)) offending.push(`${file}: ${spec}`);
      }
    }
    assert.deepEqual(offending, []);
  });
});
