import * as vscode from 'vscode';

/**
 * How long a wait may last at most. Generous on purpose: on a busy two-core machine an index or a
 * webview can take a minute, and a test that only waits too briefly fails for nothing.
 */
const LIMIT_MS = Number(process.env['SPECCHAIN_TEST_WAIT_MS'] ?? 180_000);
/** A probe also runs this often, for what no event announces (a request's answer). */
const FALLBACK_MS = 1_000;

const wakers: vscode.Event<unknown>[] = [vscode.languages.onDidChangeDiagnostics, vscode.window.onDidChangeActiveTextEditor, vscode.window.onDidChangeTextEditorSelection];

/** Adds events after which waiting probes run again (the extension's index and view events). */
export function wakeOn(...events: vscode.Event<unknown>[]): void {
  for (const e of events) if (!wakers.includes(e)) wakers.push(e);
}

/** Resolves at the next of the events, or after the fallback interval. */
function next(): Promise<void> {
  return new Promise((resolve) => {
    const subscriptions: vscode.Disposable[] = [];
    const done = (): void => {
      clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
      resolve();
    };
    const timer = setTimeout(done, FALLBACK_MS);
    for (const e of wakers) subscriptions.push(e(done));
  });
}

/**
 * Runs `probe` until it returns a value other than undefined: again after every diagnostics,
 * editor, index or view event (see {@link wakeOn}), failing only after a generous limit.
 */
export async function waitFor<T>(what: string | (() => string), probe: () => T | undefined | Promise<T | undefined>, timeoutMs = LIMIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await next();
  }
}
