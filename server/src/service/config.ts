import { DEFAULT_TAG_TYPES, type DiagnosticCode, type Severity } from './types';

/** A rule setting: a severity, or `off`. */
export type RuleSetting = Severity | 'off';

/** User configuration (settings `specchain.*`, or `.specchain.json` for the CLI). */
export interface SpecChainConfig {
  /** Globs that find SPEC documents, relative to the workspace root. */
  readonly specGlobs: readonly string[];
  /** Tag types recognised after `@`. */
  readonly tagTypes: readonly string[];
  /** Per-code severity overrides. */
  readonly rules: Readonly<Partial<Record<DiagnosticCode, RuleSetting>>>;
  /** Extra glob patterns never read, on top of the built-in excludes and `.gitignore`. */
  readonly exclude: readonly string[];
  /** Files larger than this many bytes are skipped and counted. */
  readonly maxFileSize: number;
  /** Globs of test result files (JUnit XML, `go test -json`, `.trx`), relative to the workspace root. */
  readonly testResults: readonly string[];
  /**
   * The language server's Problems show only the findings new against the merge base of this
   * branch or commit (`origin/main`), as `check --since` does; empty for every finding. The CLI
   * takes `--since` instead.
   */
  readonly onlyNewSince: string;
}

/** Folders never read, whatever the configuration says. */
export const BUILTIN_EXCLUDES: readonly string[] = ['node_modules', '.git', 'dist', 'build', 'target', 'vendor', '.venv', '__pycache__'];

export const DEFAULT_CONFIG: SpecChainConfig = {
  specGlobs: ['.moai/specs/**/spec.md', '.moai/specs/**/SPEC-*.md'],
  tagTypes: DEFAULT_TAG_TYPES,
  rules: {},
  exclude: [],
  maxFileSize: 1024 * 1024,
  testResults: ['**/junit*.xml', '**/TEST-*.xml', 'test-results/**/*.xml', '**/*.trx'],
  onlyNewSince: '',
};

/** Default severity of every code, from the model. */
export const DEFAULT_SEVERITY: Readonly<Record<DiagnosticCode, Severity>> = {
  'tag/unknown-spec': 'error',
  'tag/malformed': 'warning',
  'tag/broken-path': 'warning',
  'tag/invisible-char': 'warning',
  'spec/duplicate-id': 'error',
  'spec/id-mismatch': 'warning',
  'spec/frontmatter-invalid': 'warning',
  'spec/unknown-dependency': 'warning',
  'spec/dependency-cycle': 'warning',
  'spec/no-implementation': 'info',
  'spec/no-frontmatter': 'info',
  'spec/no-specs': 'warning',
  'spec/title-mismatch': 'warning',
  'spec/duplicate-req': 'warning',
  'spec/req-uncovered': 'info',
  'spec/ac-unknown-req': 'warning',
  'mx/unknown-spec': 'error',
  'mx/unknown-req': 'warning',
  'mx/dangling-spec': 'info',
  'mx/missing-reason': 'warning',
  'mx/missing-upgrade': 'info',
  'mx/over-limit': 'warning',
  'mx/unknown-kind': 'info',
  'mx/moai-invisible': 'hint',
  'mx/config-invalid': 'warning',
  'mx/range-cut': 'warning',
  'chain/missing-test': 'warning',
  'chain/declared-missing': 'warning',
  'stack/version-mismatch': 'warning',
  'stack/framework-mismatch': 'warning',
  'stack/unsupported-framework': 'warning',
  'stack/architecture-mismatch': 'info',
  'stack/not-detected': 'info',
  'evidence/failing': 'warning',
  'evidence/status-unproven': 'warning',
  'api/route-missing': 'warning',
};

export const ALL_CODES = Object.keys(DEFAULT_SEVERITY) as DiagnosticCode[];

const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'hint', 'off'];

/**
 * Merges partial user settings over the defaults, dropping values of the wrong shape and
 * returning a message for each one dropped so callers can tell the user.
 */
export function resolveConfig(input: unknown): { config: SpecChainConfig; problems: string[] } {
  const problems: string[] = [];
  if (input === undefined || input === null) return { config: DEFAULT_CONFIG, problems };
  if (typeof input !== 'object' || Array.isArray(input)) {
    return { config: DEFAULT_CONFIG, problems: ['configuration must be an object; using defaults'] };
  }
  const raw = input as Record<string, unknown>;
  const strings = (key: string, fallback: readonly string[]): readonly string[] => {
    const v = raw[key];
    if (v === undefined) return fallback;
    if (Array.isArray(v) && v.every((s) => typeof s === 'string')) return v as string[];
    problems.push(`${key} must be a list of strings; using the default`);
    return fallback;
  };
  const tagTypes = strings('tagTypes', DEFAULT_CONFIG.tagTypes).filter((t) => {
    if (/^[A-Z][A-Z0-9_]*$/.test(t)) return true;
    problems.push(`tag type "${t}" must be upper-case letters, digits or _; ignored`);
    return false;
  });
  const rules: Partial<Record<DiagnosticCode, RuleSetting>> = {};
  if (raw.rules !== undefined) {
    if (typeof raw.rules !== 'object' || raw.rules === null || Array.isArray(raw.rules)) {
      problems.push('rules must be an object of code: severity');
    } else {
      for (const [code, sev] of Object.entries(raw.rules as Record<string, unknown>)) {
        if (!(code in DEFAULT_SEVERITY)) problems.push(`unknown rule code "${code}"`);
        else if (typeof sev !== 'string' || !SEVERITIES.includes(sev)) problems.push(`rule "${code}": severity must be one of ${SEVERITIES.join(', ')}`);
        else rules[code as DiagnosticCode] = sev as RuleSetting;
      }
    }
  }
  let maxFileSize = DEFAULT_CONFIG.maxFileSize;
  if (raw.maxFileSize !== undefined) {
    if (typeof raw.maxFileSize === 'number' && Number.isFinite(raw.maxFileSize) && raw.maxFileSize > 0) maxFileSize = raw.maxFileSize;
    else problems.push('maxFileSize must be a positive number of bytes; using the default');
  }
  let onlyNewSince = DEFAULT_CONFIG.onlyNewSince;
  if (raw.onlyNewSince !== undefined) {
    // Checked as a ref where git is asked (`--since`'s check): a bad one is then named in the log.
    if (typeof raw.onlyNewSince === 'string') onlyNewSince = raw.onlyNewSince.trim();
    else problems.push('onlyNewSince must be a string (a branch, tag or commit such as origin/main, or empty); showing every finding');
  }
  return {
    config: {
      specGlobs: strings('specGlobs', DEFAULT_CONFIG.specGlobs),
      tagTypes: tagTypes.length > 0 ? tagTypes : DEFAULT_CONFIG.tagTypes,
      rules,
      exclude: strings('exclude', DEFAULT_CONFIG.exclude),
      maxFileSize,
      testResults: strings('testResults', DEFAULT_CONFIG.testResults),
      onlyNewSince,
    },
    problems,
  };
}

/** The severity a code is reported with under `config`, or undefined when turned off. */
export function severityOf(code: DiagnosticCode, config: SpecChainConfig, natural?: Severity): Severity | undefined {
  const setting = config.rules[code];
  if (setting === 'off') return undefined;
  return setting ?? natural ?? DEFAULT_SEVERITY[code];
}
