/**
 * Answers computed per ID (what a marker's ID resolves to, the closest SPEC ID to a broken one),
 * kept while they are asked for. Every distinct ID a user types passes through such a cache,
 * so it must not grow with the history of an editing session:
 * - it is bounded: once it holds `limit()` answers it starts over (an answer is cheap to compute
 *   again; the bound grows with the workspace, so a large workspace's live IDs still fit);
 * - its keys are detached copies: an ID cut from a document by a regex is a slice that keeps
 *   the whole text of that document version alive, one document per ID typed.
 */
export class IdCache<V> {
  readonly #answers = new Map<string, V>();
  readonly #limit: () => number;

  /** `limit` is read when the cache is full, so it may follow the size of the workspace. */
  constructor(limit: () => number) {
    this.#limit = limit;
  }

  /** The answer for `id`, computed by `compute` when it is not cached. */
  get(id: string, compute: (id: string) => V): V {
    const cached = this.#answers.get(id);
    if (cached !== undefined || this.#answers.has(id)) return cached as V;
    const answer = compute(id);
    if (this.#answers.size >= this.#limit()) this.#answers.clear();
    this.#answers.set(detached(id), answer);
    return answer;
  }

  get size(): number {
    return this.#answers.size;
  }

  clear(): void {
    this.#answers.clear();
  }
}

/** The fewest answers an {@link IdCache} keeps, however small the workspace. */
export const MIN_ID_CACHE = 4096;

/**
 * A copy of `s` that shares no memory with the string it was cut from. V8 represents a substring
 * (a regex capture, `slice`) of 13 characters or more as a view into its parent; concatenating
 * and slicing again makes the engine flatten the pair into a new string of `s`'s own length.
 */
function detached(s: string): string {
  return (' ' + s).slice(1);
}
