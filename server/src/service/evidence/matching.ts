import type { WorkspaceIndex } from '../index';
import { dirname } from '../text';
import { push, testKey, type TestRef } from './binding';
import type { Outcome, ResultFile, ResultFormat, TestCaseResult } from './resultTypes';

/** What the results say about one test: every case of it (parametrised runs, subtests, reruns). */
export interface TestOutcome {
  /** The worst outcome among its cases: errored or failed, then passed, then skipped. */
  readonly outcome: Outcome;
  /** The message of the case that decided it. */
  readonly message?: string;
  /** The case's name as the runner reported it (`test_x[2]`, `login > AC-001: …`). */
  readonly caseName: string;
  /** The result file of that case. */
  readonly resultFile: string;
  /** Cases matched to the test. */
  readonly cases: number;
  /** The oldest modification time of the result files its cases came from. */
  readonly resultTime?: number;
}

/** The results matched to the tests of the code, and what found no test. */
export interface Matched {
  readonly outcomes: ReadonlyMap<string, TestOutcome>;
  /** Cases that named no test of the workspace (another repository's, a deleted test), or several. */
  readonly unmatched: number;
  readonly cases: number;
}

const RANK: Readonly<Record<Outcome, number>> = { skipped: 0, passed: 1, failed: 2, error: 3 };

/**
 * Matches each test case of the result files to the one test of the code it reports on, by its
 * file and name as its runner writes them: pytest's dotted module path and class, a Vitest file
 * path and `describe > it` chain, jest-junit's space-joined titles, a Java class and method
 * (parameters and invocation index dropped), a Go package (a folder through `go.mod`) and test
 * (subtests belong to it), a Rust binary and module path, a .NET class and method. A case that
 * fits no test, or several, is unmatched.
 */
export function matchResults(index: WorkspaceIndex, tests: ReadonlyMap<string, TestRef>, files: readonly ResultFile[]): Matched {
  const catalog = new Catalog(index, tests);
  const outcomes = new Map<string, TestOutcome>();
  let unmatched = 0;
  let cases = 0;
  for (const file of files) {
    for (const c of file.cases) {
      cases++;
      const ref = catalog.find(file.format ?? 'junit', c);
      if (!ref) {
        unmatched++;
        continue;
      }
      const key = testKey(ref.path, ref.index);
      const before = outcomes.get(key);
      const time = before?.resultTime === undefined ? file.modifiedMs : file.modifiedMs === undefined ? before.resultTime : Math.min(before.resultTime, file.modifiedMs);
      const worse = !before || RANK[c.outcome] > RANK[before.outcome];
      const decided = worse ? { outcome: c.outcome, caseName: c.name, resultFile: file.path, ...(c.message !== undefined ? { message: c.message } : {}) } : before;
      const { outcome, caseName, resultFile, message } = decided;
      outcomes.set(key, { outcome, caseName, resultFile, ...(message !== undefined ? { message } : {}), cases: (before?.cases ?? 0) + 1, ...(time !== undefined ? { resultTime: time } : {}) });
    }
  }
  return { outcomes, unmatched, cases };
}

/** Spaces, `>` and `›` between titles, collapsed: jest-junit joins with spaces, Vitest with ` > `, others with ` › `. */
function normalTitle(s: string): string {
  return s.replace(/\s*[>›]\s*/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A title with placeholders (`%i`, `$name`, `${x}`) as a test over the reported name: the text
 * between placeholders found in order, the first part at the start and the last at the end.
 * (A regular expression `^a.*?b.*?c$` backtracked polynomially on a title of many placeholders.)
 */
function titlePattern(title: string): ((name: string) => boolean) | undefined {
  if (!/%[sdifjoOp#%]|\$\{|\$[A-Za-z_]/.test(title)) return undefined;
  const parts = normalTitle(title)
    .split(/%[sdifjoOp#]|\$\{[^}]*\}|\$[A-Za-z_][\w.]*/)
    .map((p) => p.replace(/%%/g, '%'));
  return (name) => inOrder(parts, name);
}

/** True when `s` is `parts` in order with anything between them (leftmost matches suffice, as for a glob's `*`). */
function inOrder(parts: readonly string[], s: string): boolean {
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (parts.length === 1) return s === first;
  if (s.length < first.length + last.length || !s.startsWith(first) || !s.endsWith(last)) return false;
  const end = s.length - last.length;
  let at = first.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const found = s.indexOf(parts[i]!, at);
    if (found === -1 || found + parts[i]!.length > end) return false;
    at = found + parts[i]!.length;
  }
  return true;
}

/** The tests of the workspace looked up by name, with what each runner's names say about files. */
class Catalog {
  readonly #byName = new Map<string, TestRef[]>();
  readonly #byTitle = new Map<string, TestRef[]>();
  readonly #patterns: { readonly matches: (name: string) => boolean; readonly ref: TestRef }[] = [];
  readonly #goModules: { readonly folder: string; readonly module: string }[] = [];
  readonly #crates = new Map<string, string>();

  constructor(
    readonly index: WorkspaceIndex,
    tests: ReadonlyMap<string, TestRef>,
  ) {
    for (const ref of tests.values()) {
      push(this.#byName, ref.decl.name, ref);
      if (ref.decl.title !== undefined) push(this.#byName, ref.decl.title, ref);
      if (isJs(ref.path)) {
        const chain = [...this.#suiteNames(ref), ref.decl.name].join(' ');
        const matches = titlePattern(chain);
        if (matches) this.#patterns.push({ matches, ref });
        else push(this.#byTitle, normalTitle(chain), ref);
      }
    }
    for (const facts of index.allFacts()) {
      const m = facts.manifest;
      if (m?.kind === 'go.mod' && m.module?.id) this.#goModules.push({ folder: dirname(facts.path), module: m.module.id });
      if (m?.kind === 'Cargo.toml' && m.module?.id) this.#crates.set(m.module.id, dirname(facts.path));
    }
    this.#goModules.sort((a, b) => b.module.length - a.module.length);
  }

  #suiteNames(ref: TestRef): string[] {
    const suites = this.index.facts(ref.path)?.tests?.suites ?? [];
    return ref.decl.suites.map((i) => suites[i]?.name ?? '');
  }

  find(format: ResultFormat, c: TestCaseResult): TestRef | undefined {
    switch (format) {
      case 'pytest':
        return this.#pytest(c);
      case 'vitest':
      case 'jest':
        return this.#js(c);
      case 'java':
        return this.#java(c);
      case 'go':
        return this.#go(c);
      case 'nextest':
        return this.#rust(c);
      case 'trx':
        return this.#dotnet(c);
      default:
        return this.#pytest(c) ?? this.#js(c) ?? this.#java(c) ?? this.#go(c);
    }
  }

  /** `classname="tests.unit.test_auth.TestLogin" name="test_ok[param]"`: the module path ends the file's, the class its suites. */
  #pytest(c: TestCaseResult): TestRef | undefined {
    const fn = c.name.replace(/\[[\s\S]*$/, '');
    const file = c.file?.replace(/\\/g, '/');
    return one(this.#byName.get(fn), (ref) => {
      if (!ref.path.endsWith('.py')) return false;
      if (file !== undefined) return endsAt(ref.path, file);
      if (c.classname === undefined) return false;
      const dotted = [ref.path.replace(/\.py$/, '').replace(/\//g, '.'), ...this.#suiteNames(ref)].join('.');
      return endsAt(dotted, c.classname, '.');
    });
  }

  /** Vitest: the suite (and classname) is the file path, the name `describe > it`; jest-junit: the titles joined by spaces. */
  #js(c: TestCaseResult): TestRef | undefined {
    const file = [c.file, c.suite, c.classname].find((f) => f !== undefined && /\.[cm]?[jt]sx?$/.test(f))?.replace(/\\/g, '/');
    const inFile = (ref: TestRef): boolean => file === undefined || endsAt(ref.path, file);
    const title = normalTitle(c.name);
    const exact = one(this.#byTitle.get(title), inFile);
    if (exact) return exact;
    const patterned = this.#patterns.filter((p) => inFile(p.ref) && p.matches(title));
    return patterned.length === 1 ? patterned[0]!.ref : undefined;
  }

  /** `classname="com.example.pay.ChargeTest$Limits" name="amounts(int)[2]"` (Surefire), `name="amounts()"` (Gradle), or the display name. */
  #java(c: TestCaseResult): TestRef | undefined {
    const cls = c.classname ?? c.suite;
    if (cls === undefined) return undefined;
    const fn = c.name.replace(/\(.*$|\[.*$/s, '');
    const fits = (ref: TestRef): boolean => {
      const facts = this.index.facts(ref.path)?.tests;
      const qualified = [facts?.namespace, this.#suiteNames(ref).join('$')].filter(Boolean).join('.');
      if (qualified === cls) return true;
      const outer = cls.replace(/\$.*/, '');
      return facts?.namespace === undefined && ref.path.replace(/\.\w+$/, '').endsWith(outer.replace(/\./g, '/'));
    };
    return one(this.#byName.get(fn), fits) ?? one(this.#byName.get(c.name), fits);
  }

  /** `go test -json` / go-junit-report: the package's import path leads to a folder through `go.mod`; `TestX/sub` is TestX's. */
  #go(c: TestCaseResult): TestRef | undefined {
    const pkg = c.suite ?? c.classname;
    if (pkg === undefined) return undefined;
    const parts = c.name.split('/');
    const folder = this.#goFolder(pkg);
    const inPackage = (ref: TestRef): boolean => ref.path.endsWith('.go') && (folder !== undefined ? dirname(ref.path) === folder : endsAt(dirname(ref.path), pkg.replace(/^.*?\/(?=[^/]+$)/, '')));
    // A testify suite reports `TestRunner/TestMethod`: the method is the test when it is one.
    return one(this.#byName.get(parts[0]!), inPackage) ?? (parts.length > 1 ? one(this.#byName.get(parts[parts.length - 1]!), inPackage) : undefined);
  }

  #goFolder(pkg: string): string | undefined {
    for (const { folder, module } of this.#goModules) {
      if (pkg !== module && !pkg.startsWith(`${module}/`)) continue;
      const rest = pkg.slice(module.length + 1);
      return folder === '.' ? rest || '.' : rest ? `${folder}/${rest}` : folder;
    }
    return undefined;
  }

  /** cargo-nextest: `testsuite name="crate::binary"`, `name="module::tests::fn"`: the crate's folder, then the module path. */
  #rust(c: TestCaseResult): TestRef | undefined {
    const segments = c.name.split('::');
    const fn = segments.pop()!;
    const [crate, binary] = (c.suite ?? c.classname ?? '').split('::');
    const crateFolder = crate !== undefined ? this.#crates.get(crate) : undefined;
    return one(this.#byName.get(fn), (ref) => {
      if (!ref.path.endsWith('.rs')) return false;
      if (crateFolder !== undefined && crateFolder !== '.' && !ref.path.startsWith(`${crateFolder}/`)) return false;
      const modules = [...rustModulePath(ref.path, binary), ...this.#suiteNames(ref)];
      return modules.join('::').endsWith(segments.join('::'));
    });
  }

  /** TRX: the class from the test's definition, the method before its data row's arguments. */
  #dotnet(c: TestCaseResult): TestRef | undefined {
    const name = c.name.replace(/\(.*$/s, '');
    const cls = c.classname ?? name.replace(/\.[^.]*$/, '');
    const fn = name.slice(name.lastIndexOf('.') + 1);
    return one(this.#byName.get(fn), (ref) => {
      const facts = this.index.facts(ref.path)?.tests;
      return [facts?.namespace, ...this.#suiteNames(ref)].filter(Boolean).join('.').endsWith(cls) || this.#suiteNames(ref).join('.') === cls.slice(cls.lastIndexOf('.') + 1);
    });
  }
}

/** The module path a Rust file gives its items: `src/a/b.rs` and `src/a/b/mod.rs` are `a::b`; an integration test's binary is its own root. */
function rustModulePath(path: string, binary: string | undefined): string[] {
  const m = /(?:^|\/)(src|tests|benches|examples)\/(.*)\.rs$/.exec(path);
  if (!m) return [];
  const parts = m[2]!.split('/');
  if (parts[parts.length - 1] === 'mod') parts.pop();
  if (m[1] !== 'src') return parts.slice(1);
  if (parts.length === 1 && (parts[0] === 'lib' || parts[0] === 'main' || parts[0] === binary?.replace(/^bin\//, ''))) return [];
  if (parts[0] === 'bin') return parts.slice(2);
  return parts;
}

function isJs(path: string): boolean {
  return /\.[cm]?[jt]sx?$/.test(path);
}

/** True when `whole` ends with `tail` at a separator boundary (or is it). */
function endsAt(whole: string, tail: string, sep = '/'): boolean {
  const t = tail.replace(/^\.\//, '');
  return whole === t || whole.endsWith(`${sep}${t}`);
}

/** The one candidate that fits; none when none or several do. */
function one(candidates: readonly TestRef[] | undefined, fits: (ref: TestRef) => boolean): TestRef | undefined {
  let found: TestRef | undefined;
  for (const ref of candidates ?? []) {
    if (!fits(ref)) continue;
    if (found && found !== ref) return undefined;
    found = ref;
  }
  return found;
}
