import {
  DiagnosticSeverity,
  type CreateFile,
  type Diagnostic as LspDiagnostic,
  type RenameFile,
  type TextDocumentEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { ByPath } from '../protocol';
import { codeDocUrl } from '../service/codeDocs';
import type { ActionDiagnostic } from '../service/features/codeActions';
import type { EditPlan } from '../service/features/types';
import { checkedData } from '../service/diagnosticData';
import type { Diagnostic, Severity } from '../service/types';
import type { FolderPaths } from './uris';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * A service diagnostic as LSP sends it: our code linked to its page, source `specchain`, the fix
 * payload in `data` when it has the shape of its kind (`diagnosticData.ts`, the same check the
 * way back takes), so that nothing is sent that the code actions would then refuse.
 */
export function toLspDiagnostic(d: Diagnostic, paths: FolderPaths): LspDiagnostic {
  const data = d.data && checkedData(d.data);
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: { href: codeDocUrl(d.code) },
    source: 'specchain',
    message: d.message,
    ...(data ? { data } : {}),
    ...(d.related?.length ? { relatedInformation: d.related.map((r) => ({ location: { uri: paths.toUri(r.path), range: r.range }, message: r.message })) } : {}),
  };
}

/**
 * A diagnostic the client sent back with a code action request, its `data` checked against the
 * one definition of every kind (`diagnosticData.ts`); foreign diagnostics give undefined.
 */
export function fromLspDiagnostic(d: LspDiagnostic, paths: FolderPaths): ActionDiagnostic | undefined {
  if (d.source !== 'specchain' || typeof d.code !== 'string') return undefined;
  const data = checkedData(d.data);
  const related = (d.relatedInformation ?? []).flatMap((r) => {
    const path = paths.toPath(r.location.uri);
    return path === undefined ? [] : [{ path, range: r.location.range }];
  });
  return { code: d.code, range: d.range, ...(data ? { data } : {}), ...(related.length ? { related } : {}) };
}

/**
 * An edit plan as a WorkspaceEdit: `documentChanges` (text edits, then creates and renames)
 * when the client takes them, else plain `changes`; undefined when the plan needs file
 * operations the client cannot apply.
 */
export function toWorkspaceEdit(plan: EditPlan, paths: FolderPaths, supportsDocumentChanges: boolean): WorkspaceEdit | undefined {
  if (!supportsDocumentChanges) {
    if (plan.operations.length > 0) return undefined;
    const changes: NonNullable<WorkspaceEdit['changes']> = {};
    for (const [path, edits] of plan.edits) changes[paths.toUri(path)] = [...edits];
    return { changes };
  }
  const documentChanges: (TextDocumentEdit | CreateFile | RenameFile)[] = [];
  for (const [path, edits] of plan.edits) documentChanges.push({ textDocument: { uri: paths.toUri(path), version: null }, edits: [...edits] });
  for (const op of plan.operations) {
    if (op.kind === 'create') {
      const uri = paths.toUri(op.path);
      documentChanges.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
      documentChanges.push({ textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: op.text }] });
    } else {
      documentChanges.push({ kind: 'rename', oldUri: paths.toUri(op.from), newUri: paths.toUri(op.to) });
    }
  }
  return { documentChanges };
}

/** Adds beside every `path` of a node the service built (at any depth) its `uri`. */
export function withUris<T>(node: ByPath<T>, toUri: (path: string) => string): T {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = walk(inner);
    if (typeof out.path === 'string') out.uri = toUri(out.path);
    return out;
  };
  return walk(node) as T;
}
