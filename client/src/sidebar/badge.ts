import * as vscode from 'vscode';

/**
 * The count of broken links on SpecChain's icon in the activity bar. VS Code shows a webview
 * view's badge only once the view has been opened (resolved), but a tree view's from activation:
 * until the SPECs view is opened, the badge stands on the Stack view, so the icon counts the broken
 * links from the start.
 */
export class BrokenBadge {
  #broken = 0;
  #specs: vscode.WebviewView | undefined;

  constructor(private readonly fallback: vscode.TreeView<unknown>) {}

  /** The badge as shown, on whichever view carries it. */
  get badge(): vscode.ViewBadge | undefined {
    return this.#specs ? this.#specs.badge : this.fallback.badge;
  }

  /** The number of broken links to show (none: no badge). */
  set broken(broken: number) {
    this.#broken = broken;
    this.#apply();
  }

  /** The SPECs view once opened (undefined when it is gone again): the badge moves onto it. */
  set specsView(view: vscode.WebviewView | undefined) {
    this.#specs = view;
    this.#apply();
  }

  #apply(): void {
    const n = this.#broken;
    const badge = n > 0 ? { value: n, tooltip: `${n.toLocaleString('en-US')} broken link${n === 1 ? '' : 's'}` } : undefined;
    if (this.#specs) this.#specs.badge = badge;
    this.fallback.badge = this.#specs ? undefined : badge;
  }
}
