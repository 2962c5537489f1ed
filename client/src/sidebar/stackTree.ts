import * as vscode from 'vscode';
import { StackRequest } from '../../../server/src/protocol';
import type { ServiceStack } from '../../../server/src/service/types';
import type { Session } from '../session';

/** A row of the Stack view: a service, or one fact of it (a framework opens its manifest line). */
export type StackItem =
  | { readonly kind: 'service'; readonly service: ServiceStack; readonly expanded: boolean }
  | { readonly kind: 'fact'; readonly label: string; readonly value: string; readonly icon: string; readonly open?: { readonly path: string; readonly line: number } };

function factsOf(service: ServiceStack): StackItem[] {
  const facts: StackItem[] = service.frameworks.map((f) => ({
    kind: 'fact',
    label: f.name,
    value: f.resolved ?? f.version ?? '',
    icon: 'symbol-package',
    open: { path: f.manifest, line: f.line - 1 },
  }));
  // One row per database and the file that names it, opening that line.
  for (const d of service.databaseSources) facts.push({ kind: 'fact', label: d.id, value: `${d.file}:${d.line}`, icon: 'database', open: { path: d.file, line: d.line - 1 } });
  const lists: [string, readonly string[], string][] = [
    ['ORMs', service.orms, 'symbol-class'],
    ['Auth', service.auth, 'shield'],
    ['Testing', service.testing, 'beaker'],
    ['GraphQL', service.graphql, 'type-hierarchy'],
  ];
  for (const [label, values, icon] of lists) if (values.length > 0) facts.push({ kind: 'fact', label, value: values.join(', '), icon });
  for (const manifest of service.manifests) facts.push({ kind: 'fact', label: manifest.slice(manifest.lastIndexOf('/') + 1), value: manifest, icon: 'file', open: { path: manifest, line: 0 } });
  return facts;
}

/** A service row's description: `python · fastapi ==0.104.0 · 3 routes` (routes read from its code). */
function describeService(service: ServiceStack): string {
  const parts = [service.role === 'library' ? `${service.language}, library` : service.language];
  if (service.frameworks.length > 0) parts.push(service.frameworks.map((f) => `${f.name} ${f.resolved ?? f.version ?? ''}`.trim()).join(', '));
  if (service.routes) parts.push(`${service.routes} route${service.routes === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

/** What the view says when the workspace has no manifest it reads. */
const EMPTY = 'No service found: SpecChain reads the stack from manifests (package.json, pyproject.toml, requirements.txt, go.mod, pom.xml, build.gradle, build.sbt, composer.json, Cargo.toml) and none is in this workspace.';

/** The Stack view: a native tree of the detected services and what each one uses. */
export class StackTreeProvider implements vscode.TreeDataProvider<StackItem>, vscode.Disposable {
  static readonly viewId = 'specchain.stack';

  readonly #ctx: Session;
  readonly #changed = new vscode.EventEmitter<void>();
  readonly #subscriptions: vscode.Disposable[];
  readonly onDidChangeTreeData = this.#changed.event;

  constructor(ctx: Session) {
    this.#ctx = ctx;
    this.#subscriptions = [this.#changed, ctx.onDidChangeIndex(() => this.#changed.fire())];
  }

  /** The view, whose message says why it is empty. */
  view: vscode.TreeView<StackItem> | undefined;

  async getChildren(element?: StackItem): Promise<StackItem[]> {
    if (element) return element.kind === 'service' ? factsOf(element.service) : [];
    if (this.#ctx.state.kind !== 'running' || this.#ctx.indexing) {
      this.#say('Reading the workspace…');
      return [];
    }
    const stack = await this.#ctx.sendRequest<StackRequest.Result | null>(StackRequest.method, {});
    // Several services start collapsed, each row naming its frameworks: the view's share of the
    // sidebar shows every service at once rather than the first one's facts.
    const services = stack?.services ?? [];
    this.#say(services.length === 0 ? EMPTY : undefined);
    return services.map((service) => ({ kind: 'service', service, expanded: services.length === 1 }));
  }

  #say(message: string | undefined): void {
    if (this.view) this.view.message = message;
  }

  getTreeItem(item: StackItem): vscode.TreeItem {
    if (item.kind === 'service') {
      const name = item.service.root === '.' ? '(workspace root)' : item.service.root;
      const tree = new vscode.TreeItem(name, item.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      tree.description = describeService(item.service);
      tree.iconPath = new vscode.ThemeIcon('server-process');
      tree.tooltip = `${name}: ${item.service.language}, ${item.service.manifests.join(', ')}`;
      tree.id = `service:${item.service.root}`;
      return tree;
    }
    const tree = new vscode.TreeItem(item.label, vscode.TreeItemCollapsibleState.None);
    tree.description = item.value;
    tree.tooltip = item.value ? `${item.label}: ${item.value}` : item.label;
    tree.iconPath = new vscode.ThemeIcon(item.icon);
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (item.open && folder) {
      const uri = vscode.Uri.joinPath(folder.uri, ...item.open.path.split('/'));
      tree.command = { command: 'vscode.open', title: 'Open manifest', arguments: [uri, { selection: new vscode.Range(item.open.line, 0, item.open.line, 0) }] };
    }
    return tree;
  }

  dispose(): void {
    for (const s of this.#subscriptions) s.dispose();
  }
}
