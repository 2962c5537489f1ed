/**
 * Time budgets for hang checks, counted in CPU time rather than on the clock: a busy machine
 * (other processes, a 2-core CI runner running layers side by side) stretches the clock but
 * not the work this process does, so a linear parser stays within its budget however loaded the
 * machine is, and a quadratic one still blows it.
 */

/** CPU milliseconds (user + system, this process) `run` takes, with its result. */
export function cpuTimed<T>(run: () => T): { readonly value: T; readonly ms: number } {
  const before = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(before);
  return { value, ms: (used.user + used.system) / 1000 };
}

/** The same for an asynchronous `run`; CPU time spent meanwhile by other work of the process counts too. */
export async function cpuTimedAsync<T>(run: () => T | Promise<T>): Promise<{ readonly value: T; readonly ms: number }> {
  const before = process.cpuUsage();
  const value = await run();
  const used = process.cpuUsage(before);
  return { value, ms: (used.user + used.system) / 1000 };
}
