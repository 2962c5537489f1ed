import type { WorkspaceIndex } from '../index';
import { basename } from '../text';
import { chainClaims } from './chain';
import { commentSyntaxOf } from './commentSyntax';

/** A new, unsaved test file: its editor language and first lines. */
export interface TestDraft {
  readonly language: string;
  readonly content: string;
}

/** VS Code's language IDs of the file kinds SPEC chains are written in; anything else is plain text. */
const LANGUAGES: Readonly<Record<string, string>> = {
  py: 'python', ts: 'typescript', tsx: 'typescriptreact', js: 'javascript', jsx: 'javascriptreact', mjs: 'javascript', cjs: 'javascript',
  go: 'go', rs: 'rust', java: 'java', kt: 'kotlin', scala: 'scala', php: 'php', rb: 'ruby', cs: 'csharp',
};

/**
 * For a SPEC whose code carries markers but no TEST marker (`chain/missing-test`), the first
 * lines of the test to write: its `@TEST:<ID>` tag and the tags it covers, in the comment
 * syntax and language of the SPEC's first code file. Undefined when the SPEC has tests or no code.
 */
export function missingTestDraft(index: WorkspaceIndex, specId: string): TestDraft | undefined {
  const claims = chainClaims(index, specId);
  if (claims.length === 0 || claims.some((l) => l.tag.type === 'TEST')) return undefined;
  const model = claims[0]!.path;
  const { open, close } = commentSyntaxOf(model);
  const name = basename(model);
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  const covers = [...new Set(claims.map((l) => `@${l.tag.type}:${l.tag.id}`))].slice(0, 8).join(', ');
  const title = index.specsWithId(specId)[0]?.doc.title;
  const line = (text: string): string => `${open}${text}${close}`;
  const content = [line(`@TEST:${specId}`), line(`Tests for SPEC-${specId}${title ? `: ${title}` : ''} (covers ${covers})`), ''].join('\n');
  return { language: LANGUAGES[ext] ?? 'plaintext', content };
}
