/**
 * True for a test file by the usual conventions: `*_test.go`, `test_*.py`, `*_test.py`,
 * `*.test.ts`/`*.spec.ts` (any JS/TS extension), or anything under `tests/`, `test/`,
 * `__tests__/` or `src/test/`. A reference from such a file is a test reference.
 */
export function isTestFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (/_test\.go$|^test_.*\.py$|_test\.py$|\.(test|spec)\.[cm]?[jt]sx?$/.test(name)) return true;
  return /(^|\/)(tests?|__tests__)\//.test(path);
}
