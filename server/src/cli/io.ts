/** Where a command writes: stdout for results, stderr for messages. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** True when stdout is a terminal that takes colour. */
  readonly color: boolean;
}

/**
 * Splits `--name value`, `--name=value` and flags from positional arguments. A value option
 * given twice keeps its last value in `values`; `repeated` keeps every one (`--results a --results b`).
 */
export function parseArgs(
  args: readonly string[],
  spec: { readonly values: readonly string[]; readonly flags: readonly string[] },
): { values: Map<string, string>; repeated: Map<string, string[]>; flags: Set<string>; positional: string[] } {
  const values = new Map<string, string>();
  const repeated = new Map<string, string[]>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--') || arg === '--') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (spec.flags.includes(name) && eq === -1) flags.add(name);
    else if (spec.values.includes(name)) {
      const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined) throw new ArgumentError(`--${name} needs a value`);
      values.set(name, value);
      repeated.set(name, [...(repeated.get(name) ?? []), value]);
    } else throw new ArgumentError(`unknown option --${name}`);
  }
  return { values, repeated, flags, positional };
}

/** A command line that cannot be understood: exit code 2. */
export class ArgumentError extends Error {}

/**
 * Text safe for a terminal or a CI log: control characters (ESC, newline, carriage return, C1),
 * and the Unicode line separators and direction overrides, written as `\xNN` / `\u{NNNN}`, so a
 * file named with them can neither drive the terminal nor fake a line of output.
 */
export function printable(text: string): string {
  return text.replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const n = c.charCodeAt(0);
    return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u{${n.toString(16)}}`;
  });
}
