import * as vscode from 'vscode';
import type { Ctx } from './ctx';
import { specAtCursor } from './commands/specAtCursor';

/** Wait after the last cursor move before asking the server, so typing does not flood it. */
const FOLLOW_MS = 300;

/**
 * Keeps the SPECs view on what the active editor shows: the SPEC (and the tag on the cursor's
 * line) selected, without taking focus. `specchain.sidebar.followEditor` turns it off.
 */
export class FollowEditor implements vscode.Disposable {
  readonly #ctx: Ctx;
  readonly #subscriptions: vscode.Disposable[];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #last = '';

  constructor(ctx: Ctx) {
    this.#ctx = ctx;
    this.#subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.#schedule()),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor === vscode.window.activeTextEditor) this.#schedule();
      }),
    ];
  }

  #schedule(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#follow().catch((error: unknown) => this.#ctx.outputChannel.warn(`following the editor failed: ${String(error)}`));
    }, FOLLOW_MS);
  }

  async #follow(): Promise<void> {
    if (!vscode.workspace.getConfiguration('specchain.sidebar').get<boolean>('followEditor', true)) return;
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.#ctx.sidebar.visible || this.#ctx.state.kind !== 'running') return;
    const line = editor.selection.active.line;
    const specId = await specAtCursor(this.#ctx);
    const uri = this.#ctx.client?.code2ProtocolConverter.asUri(editor.document.uri);
    const key = `${specId}|${uri}|${line}`;
    if (!specId || uri === undefined || key === this.#last) return;
    this.#last = key;
    await this.#ctx.sidebar.reveal({ specId, uri, line, focus: false });
  }

  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
    for (const s of this.#subscriptions) s.dispose();
  }
}
