import { parseDocument, isMap, isScalar, isSeq, LineCounter, type Node } from 'yaml';
import { evalPath, methodsIn, type PathValue, type RouteCollector } from '../collect';
import type { RouteExtractor } from '../extractor';
import { lexRegions } from '../../lexer';
import { normalisePath } from '../paths';
import type { Source } from '../source';
import type { RouteMethod } from '../types';

/**
 * Symfony: `#[Route('/x', methods: ['GET'])]` on a controller class (prefix) and its methods, the
 * same as `@Route("/x", methods={"GET"})` annotations in doc comments (Symfony before 6);
 * `config/routes*.yaml` routes (`path`, `controller`, `methods`) and controller imports
 * (`resource: ../src/Controller/`, `routing.controllers`) with their `prefix`.
 */
export const symfony: RouteExtractor = {
  framework: 'symfony',
  files: (path) => path.endsWith('.php') || /(?:^|\/)config\/routes(?:\/[\w./-]+)?\.ya?ml$|(?:^|\/)config\/routes\.ya?ml$/.test(path),
  signals: ['Route', 'path:', 'resource:'],
  precheck: /#\[Route\b|@Route\(|\bpath:|\bresource:/,
  extract: (src, out) => (src.path.endsWith('.php') ? readAttributes(src, out) : readYaml(src, out)),
};

function readAttributes(src: Source, out: RouteCollector): void {
  const t = src.tokens;
  const found: { start: number; end: number; args: [number, number][] | string; at: number }[] = [];
  for (let k = 0; k + 3 < t.length; k++) {
    if (!src.is(k, '#') || !src.is(k + 1, '[')) continue;
    const close = src.close(k + 1);
    for (let j = k + 2; j < close; j++) {
      if ((t[j]!.text === 'Route' || t[j]!.text.endsWith('Route')) && t[j]!.kind === 'id' && src.is(j + 1, '(') && !src.is(j - 1, '->')) {
        found.push({ start: k, end: close + 1, args: src.args(j + 1), at: close + 1 });
        break;
      }
    }
  }
  if (src.text.includes('@Route(')) {
    for (const region of lexRegions(src.path, src.text)) {
      if (region.kind !== 'comment') continue;
      const text = src.text.slice(region.start, region.end);
      // Found by index: `@Route\(([^)]*)\)` scanned to the comment's end from every `@Route(` without a `)`.
      const open = text.indexOf('@Route(');
      const close = open === -1 ? -1 : text.indexOf(')', open + 7);
      if (close !== -1) found.push({ start: src.indexAt(region.start), end: src.indexAt(region.end), args: text.slice(open + 7, close), at: src.indexAt(region.end) });
    }
    found.sort((a, b) => a.start - b.start);
  }
  let cls: { key: string; name: string; close: number } | undefined;
  for (const f of found) {
    const decl = declarationAfter(src, f.at);
    if (!decl) continue;
    const { path, methods } = typeof f.args === 'string' ? fromAnnotation(f.args) : fromAttribute(src, f.args, out);
    const range = f.end > f.start ? src.range(f.start, f.end) : src.range(f.start, f.start + 1);
    if (decl.kind === 'class') {
      const key = `class:${decl.name}`;
      out.owner(key, {}, path);
      out.exports.default ??= key;
      cls = { key, name: decl.name, close: decl.close };
      continue;
    }
    const owner = cls && f.start < cls.close ? cls : undefined;
    if (!owner) continue;
    out.routes.push({ framework: 'symfony', methods: methods.length ? methods : ['ANY'], path: path.value !== undefined ? normalisePath(path.value) : '', owner: owner.key, range, handler: `${owner.name}::${decl.name}`, ...(path.dynamic ? { dynamic: path.dynamic } : {}) });
  }
  // A controller class without a class-level route is still its routes' owner.
  for (let k = 0; k + 1 < t.length; k++) {
    if (t[k]!.text === 'class' && t[k + 1]?.kind === 'id' && found.some((f) => f.start > k)) {
      const key = `class:${t[k + 1]!.text}`;
      if (!out.owners.has(key)) out.owner(key, {});
      out.exports.default ??= key;
      break;
    }
  }
}

function fromAttribute(src: Source, args: [number, number][], out: RouteCollector): { path: PathValue; methods: RouteMethod[] } {
  const pathSpan = src.named(args, 'path') ?? src.positional(args)[0];
  const m = src.named(args, 'methods');
  let path: PathValue = pathSpan ? evalPath(src, pathSpan, out.constants) : { value: '' };
  if (pathSpan && src.is(pathSpan[0], '[')) path = { dynamic: 'it has a path per locale' };
  return { path, methods: m ? methodsIn(src, m) : [] };
}

function fromAnnotation(text: string): { path: PathValue; methods: RouteMethod[] } {
  const path = /^\s*"([^"]*)"/.exec(text)?.[1] ?? /path\s*=\s*"([^"]*)"/.exec(text)?.[1] ?? '';
  const methods = (/methods\s*=\s*\{([^}]*)\}/.exec(text)?.[1] ?? '').split(/[^A-Za-z]+/).filter(Boolean).map((m) => m.toUpperCase()).filter((m): m is RouteMethod => ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'].includes(m));
  return { path: { value: path }, methods };
}

/** The class or method a route attribute or annotation stands on. */
function declarationAfter(src: Source, k: number): { kind: 'class' | 'method'; name: string; close: number } | undefined {
  const t = src.tokens;
  for (let j = k; j < t.length && j < k + 120; j++) {
    if (src.is(j, '#') && src.is(j + 1, '[')) {
      j = src.close(j + 1);
      continue;
    }
    if (t[j]!.text === 'class' && t[j + 1]?.kind === 'id') {
      let b = j + 2;
      while (b < t.length && !src.is(b, '{')) b++;
      return { kind: 'class', name: t[j + 1]!.text, close: src.close(b) === -1 ? t.length : src.close(b) };
    }
    if (t[j]!.text === 'function' && t[j + 1]?.kind === 'id') return { kind: 'method', name: t[j + 1]!.text, close: j };
    if (src.is(j, ';') || src.is(j, '}')) return undefined;
  }
  return undefined;
}

/** A routes YAML file: plain routes, and controller folders imported with a prefix. */
function readYaml(src: Source, out: RouteCollector): void {
  const counter = new LineCounter();
  const doc = parseDocument(src.text, { lineCounter: counter, uniqueKeys: false });
  if (!isMap(doc.contents)) return;
  out.owner('*', { root: true });
  const folder = src.path.includes('/') ? src.path.slice(0, src.path.lastIndexOf('/')) : '';
  const serviceRoot = folder.replace(/(?:^|\/)config(?:\/routes)?$/, '');
  for (const pair of doc.contents.items) {
    const entry = pair.value;
    if (!isMap(entry)) continue;
    const get = (key: string): Node | undefined => entry.items.find((p) => isScalar(p.key) && p.key.value === key)?.value as Node | undefined;
    const str = (key: string): string | undefined => {
      const n = get(key);
      return isScalar(n) && typeof n.value === 'string' ? n.value : undefined;
    };
    const keyNode = pair.key as Node;
    const at = keyNode.range ? counter.linePos(keyNode.range[0]) : { line: 1, col: 1 };
    const range = { start: { line: at.line - 1, character: at.col - 1 }, end: { line: at.line - 1, character: at.col - 1 + String((pair.key as { value?: unknown }).value ?? '').length } };
    const resourceNode = get('resource');
    const resource = str('resource') ?? (isMap(resourceNode) ? (resourceNode.items.find((p) => isScalar(p.key) && p.key.value === 'path')?.value as { value?: unknown } | undefined)?.value : undefined);
    if (typeof resource === 'string') {
      const type = str('type');
      if (type !== undefined && type !== 'attribute' && type !== 'annotation') continue;
      let dir: string | undefined;
      if (resource === 'routing.controllers') dir = `${serviceRoot ? `${serviceRoot}/` : ''}src/Controller`;
      else if (/\/$/.test(resource) || !/\.\w+$/.test(resource)) dir = joinRelative(folder, resource.replace(/\/+$/, ''));
      if (dir === undefined) continue;
      const prefixNode = get('prefix');
      const prefix: PathValue = isScalar(prefixNode) && typeof prefixNode.value === 'string' ? { value: prefixNode.value } : prefixNode ? { dynamic: 'the import has a prefix per locale' } : { value: '' };
      out.mount('*', prefix, { folder: dir }, range.start.line);
      continue;
    }
    const path = str('path');
    if (path === undefined) continue;
    const methodsNode = get('methods');
    const methods: RouteMethod[] = [];
    const words = isSeq(methodsNode) ? methodsNode.items.map((i) => (isScalar(i) ? String(i.value) : '')) : isScalar(methodsNode) ? String(methodsNode.value).split(/[|,\s]+/) : [];
    for (const w of words) {
      const m = w.toUpperCase() as RouteMethod;
      if (['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'].includes(m)) methods.push(m);
    }
    out.routes.push({ framework: 'symfony', methods: methods.length ? methods : ['ANY'], path: normalisePath(path), owner: '*', range, ...(str('controller') ? { handler: str('controller')! } : {}) });
  }
}

function joinRelative(base: string, rel: string): string | undefined {
  const parts = base ? base.split('/') : [];
  for (const seg of rel.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') {
      if (!parts.length) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}
