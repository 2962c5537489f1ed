/**
 * Where each diagnostic code is explained: one page per code, `docs/codes/<area>-<name>.md` in
 * the repository named by package.json (`repository.url`; a test keeps the two equal). Editors
 * link the code to it (LSP `codeDescription`), SARIF names it as the rule's `helpUri`.
 */
export const REPOSITORY_URL = 'https://github.com/specchain/specchain';

/** The repository-relative page of a code: `tag/unknown-spec` -> `docs/codes/tag-unknown-spec.md`. */
export function codeDocPath(code: string): string {
  return `docs/codes/${code.replace('/', '-')}.md`;
}

/** The page of a code on the repository's web site. */
export function codeDocUrl(code: string): string {
  return `${REPOSITORY_URL}/blob/main/${codeDocPath(code)}`;
}
