import { resolveConfig, type SpecChainConfig } from '../../../server/src/service/config';
import { InMemoryWorkspace } from '../../../server/src/service/inMemoryWorkspace';
import { LanguageService } from '../../../server/src/service/languageService';
import type { TextEdit } from '../../../server/src/service/features/types';
import { LineIndex } from '../../../server/src/service/text';
import type { Diagnostic } from '../../../server/src/service/types';

/**
 * Loads an in-memory workspace and returns the service. These workspaces have no manifests,
 * so `stack/not-detected` (tested with the stack rules) is off unless the settings say.
 */
export async function load(files: Record<string, string>, settings: { rules?: Record<string, string> } = {}): Promise<LanguageService> {
  const { config } = resolveConfig({ ...settings, rules: { 'stack/not-detected': 'off', ...settings.rules } });
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files), config: config as SpecChainConfig });
  await service.load();
  return service;
}

/** Diagnostics of one code, as `path:line:col-line:col` strings (1-based) for exact assertions. */
export function where(diagnostics: readonly Diagnostic[], code: string): string[] {
  return diagnostics
    .filter((d) => d.code === code)
    .map((d) => `${d.path}:${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`);
}

/** A minimal legacy-schema SPEC document. */
export function spec(id: string, opts: { status?: string; extra?: string; body?: string } = {}): string {
  return `---
id: ${id}
version: 0.1.0
status: ${opts.status ?? 'active'}
created: 2025-10-01
updated: 2025-10-02
author: "@dev"
priority: high
${opts.extra ?? ''}---

# @SPEC:${id}: Title of ${id}

${opts.body ?? ''}`;
}

/** The text after applying edits (given against the original text). */
export function apply(text: string, edits: readonly TextEdit[] = []): string {
  const lines = new LineIndex(text);
  let out = text;
  for (const e of [...edits].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start))) {
    out = out.slice(0, lines.offsetAt(e.range.start)) + e.newText + out.slice(lines.offsetAt(e.range.end));
  }
  return out;
}
