import { familyOf } from './languages';
import type { FileRole } from './types';

/** What the caller knows about a path from the settings and the workspace listing. */
export interface RoleContext {
  /** The path is a SPEC document (it matches the SPEC globs). */
  readonly isSpecDocument: boolean;
  /** The path is another markdown file of a SPEC's folder. */
  readonly isSpecCompanion: boolean;
}

/** Folders written by tools, and backups: their files repeat markers that belong elsewhere. */
const GENERATED_FOLDER = /(?:^|\/)(?:\.moai\/(?:reports|state|cache|tags|memory)|\.moai-backups)\//;
/** SpecChain's own backend plans quote the chain of their SPEC. */
const PLAN = /(?:^|\/)\.moai\/docs\/backend-architecture-[^/]*\.md$/;
const DATA = /\.(?:json|jsonl|ndjson|json5|csv|tsv|log|lock|sum)$|(?:^|\/)[^/]*-lock\.ya?ml$|(?:^|\/)go\.sum$/i;
const PROSE = /\.(?:md|markdown|mdx|mdc|txt|rst|adoc|org)$/i;
/** A generated-file header: Go's "Code generated … DO NOT EDIT." and the `@generated` convention. */
const GENERATED_HEADER = /Code generated\b[^\r\n]*\bDO NOT EDIT|@generated\b/;
/** How far into a file a generated header is looked for. */
const HEADER_SPAN = 512;

/**
 * The role of a file, decided once from its path, the caller's knowledge and its first lines.
 * (`linguist-generated` paths of `.gitattributes` are known only to the whole workspace: the
 * service applies them to the facts of each file.)
 * A file of no language family the lexer knows is prose (`docs`): a marker there is quoted, not
 * claimed. Every rule asks this role instead of guessing from the path again.
 */
export function fileRole(path: string, text: string, context: RoleContext): FileRole {
  if (GENERATED_FOLDER.test(path) || /\.bak$/i.test(path)) return 'generated';
  if (DATA.test(path)) return 'data';
  if (context.isSpecDocument) return 'spec';
  if (PLAN.test(path) || hasGeneratedHeader(text)) return 'generated';
  if (context.isSpecCompanion) return 'spec-companion';
  if (PROSE.test(path) || familyOf(path, text) === undefined) return 'docs';
  return 'source';
}

/** True when the first lines of `text` say the file is generated. */
export function hasGeneratedHeader(text: string): boolean {
  return GENERATED_HEADER.test(text.length > HEADER_SPAN ? text.slice(0, HEADER_SPAN) : text);
}
