/** Where a command writes: stdout for results, stderr for messages. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** True when stdout is a terminal that takes colour. */
  readonly color: boolean;
}

/** Splits `--name value`, `--name=value` and flags from positional arguments. */
export function parseArgs(
  args: readonly string[],
  spec: { readonly values: readonly string[]; readonly flags: readonly string[] },
): { values: Map<string, string>; flags: Set<string>; positional: string[] } {
  const values = new Map<string, string>();
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
    } else throw new ArgumentError(`unknown option --${name}`);
  }
  return { values, flags, positional };
}

/** A command line that cannot be understood: exit code 2. */
export class ArgumentError extends Error {}
