import * as fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { cpuTimed } from '../cpuTime';

/**
 * A small fuzz harness over fast-check for parsers of user text: each input must be handled
 * without throwing and within a time budget, and the run is reproducible from its seed.
 *
 *   fuzz('my parser', grammar(...), (text) => parse(text), { runs: 300 });
 *
 * The check may also assert properties of the result (throwing an assertion error fails the run;
 * the report gives the seed and path that reproduce it, and `FUZZ_DUMP=file` writes the whole input).
 */
export interface FuzzOptions {
  /** Inputs to try (default 200). */
  readonly runs?: number;
  /** Milliseconds one input may take before the run fails as a hang (default 250). */
  readonly budgetMs?: number;
  /** Fixed seed, so CI runs are deterministic (default 13). */
  readonly seed?: number;
}

/** Runs `check` on generated inputs; throws, with the smallest failing input, on a crash or a slow input. */
export function fuzz<T>(arbitrary: fc.Arbitrary<T>, check: (input: T) => void, options: FuzzOptions = {}): void {
  const budget = options.budgetMs ?? 250;
  fc.assert(
    fc.property(arbitrary, (input) => {
      const { ms: took } = cpuTimed(() => check(input));
      if (took > budget) throw new Error(`took ${took.toFixed(0)} ms, over the ${budget} ms budget`);
    }),
    {
      numRuns: options.runs ?? 200,
      seed: options.seed ?? 13,
      // Shrinking a slow input costs many slow runs: report the first failure as found.
      endOnFailure: true,
      reporter: (details) => {
        if (!details.failed) return;
        const input = details.counterexample?.[0];
        const dump = process.env.FUZZ_DUMP;
        if (dump) writeFileSync(dump, typeof input === 'string' ? input : JSON.stringify(input));
        const shown = typeof input === 'string' ? `${input.length} characters: ${JSON.stringify(input.slice(0, 300))}${input.length > 300 ? '…' : ''}` : JSON.stringify(input)?.slice(0, 300);
        throw new Error(`fuzz input failed (seed ${details.seed}, path ${details.counterexamplePath ?? '?'}): ${String(details.errorInstance)}\ninput of ${shown}`);
      },
    },
  );
}

/**
 * Grammar-shaped text: lines made of the given fragments (tokens of the format, near misses,
 * separators), joined without separators so fragments meet in unexpected ways, plus now and
 * then a long run of one fragment, which is what exposes quadratic regexes and deep recursion.
 */
export function grammar(fragments: readonly string[], options: { maxLines?: number; maxRun?: number } = {}): fc.Arbitrary<string> {
  const fragment = fc.constantFrom(...fragments);
  const run = fc.tuple(fragment, fc.integer({ min: 1, max: options.maxRun ?? 20_000 })).map(([f, n]) => f.repeat(n));
  const piece = fc.oneof({ weight: 8, arbitrary: fragment }, { weight: 1, arbitrary: run }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) });
  const line = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
  return fc.array(line, { maxLength: options.maxLines ?? 40 }).map((lines) => lines.join('\n'));
}

/** Random text of any code points, lines included. */
export const anyText = fc.string({ unit: 'binary', maxLength: 2_000 });
