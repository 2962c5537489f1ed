import * as vscode from 'vscode';
import type { IndexChangedNotification } from '../../server/src/protocol';
import type { Indexing, ServerState, Session } from './session';
import { SidebarProvider } from './sidebar/sidebarProvider';

const number = (n: number): string => n.toLocaleString('en-US');
const plural = (n: number, word: string): string => `${number(n)} ${word}${n === 1 ? '' : 's'}`;

/** What the status bar item shows for an index summary: text, tooltip, spoken label, alarm. */
export function describeCounts(counts: IndexChangedNotification.Params): { text: string; tooltip: string; label: string; alarm: boolean } {
  const specs = plural(counts.specs, 'SPEC');
  const broken = `${number(counts.brokenLinks)} broken`;
  const errors = plural(counts.errors, 'error');
  const alarm = counts.brokenLinks > 0 || counts.errors > 0;
  const tests = describeEvidence(counts.evidence);
  return {
    text: (counts.brokenLinks > 0 ? `$(link) ${specs} · $(error) ${broken}` : `$(link) ${specs}${counts.errors > 0 ? ` · $(error) ${errors}` : ' · $(check) no broken links'}`) + (tests ? ` · $(beaker) ${tests.short}` : ''),
    tooltip: `SpecChain: ${specs}, ${plural(counts.brokenLinks, 'broken link')}, ${errors} in the workspace${tests ? `; REQs and ACs: ${tests.long}` : ''}. Click to open the SPECs view.`,
    label: `SpecChain: ${specs}, ${plural(counts.brokenLinks, 'broken link')}, ${errors}${tests ? `, REQs and ACs ${tests.long}` : ''}`,
    alarm,
  };
}

/** The evidence counts, when test results were read: `12 verified · 1 failing` (short) and every state (long). */
export function describeEvidence(evidence: IndexChangedNotification.Params['evidence']): { short: string; long: string } | undefined {
  if (!evidence) return undefined;
  const states = [
    ['verified', evidence.verified],
    ['failing', evidence.failing],
    ['skipped', evidence.skipped],
    ['not run', evidence['not-run']],
    ['untested', evidence.untested],
  ] as const;
  const long = states.filter(([, n]) => n > 0).map(([w, n]) => `${number(n)} ${w}`).join(', ') || 'none';
  return { short: `${number(evidence.verified)} verified${evidence.failing > 0 ? ` · ${number(evidence.failing)} failing` : ''}`, long };
}

/** What the status bar item shows while the index is read. */
export function describeIndexing(indexing: NonNullable<Indexing>): { text: string; label: string } {
  const what = indexing.files !== undefined ? `Indexing ${plural(indexing.files, 'file')}…` : 'Indexing…';
  return { text: `$(sync~spin) ${what}`, label: `SpecChain: ${what}` };
}

/** The status bar item: indexing progress, then SPEC and broken-link counts, or the server's trouble. */
export class SpecStatusBar implements vscode.Disposable {
  readonly #item: vscode.StatusBarItem;
  readonly #subscriptions: vscode.Disposable[];
  readonly #ctx: Session;
  #counts: IndexChangedNotification.Params | undefined;

  constructor(ctx: Session) {
    this.#ctx = ctx;
    this.#item = vscode.window.createStatusBarItem('specchain.status', vscode.StatusBarAlignment.Left, 10);
    this.#item.name = 'SpecChain';
    this.#item.command = `${SidebarProvider.viewId}.focus`;
    this.#subscriptions = [
      ctx.onDidChangeState(() => this.#show()),
      ctx.onDidChangeIndexing(() => this.#show()),
      ctx.onDidChangeIndex((counts) => {
        this.#counts = counts;
        this.#show();
      }),
    ];
    this.#show();
    this.#item.show();
  }

  /** The counts shown, for tests and the sidebar. */
  get counts(): IndexChangedNotification.Params | undefined {
    return this.#counts;
  }

  /** The item's current text. */
  get text(): string {
    return this.#item.text;
  }

  /** The item's spoken label. */
  get label(): string {
    return this.#item.accessibilityInformation?.label ?? this.#item.text;
  }

  #set(text: string, tooltip: string, label: string, background?: string): void {
    this.#item.text = text;
    this.#item.tooltip = tooltip;
    this.#item.accessibilityInformation = { label, role: 'button' };
    this.#item.backgroundColor = background ? new vscode.ThemeColor(background) : undefined;
  }

  #show(): void {
    const state: ServerState = this.#ctx.state;
    switch (state.kind) {
      case 'running': {
        const indexing = this.#ctx.indexing;
        if (indexing || !this.#counts) {
          const { text, label } = describeIndexing(indexing ?? {});
          this.#set(text, `${label} Diagnostics and counts follow when it is done.`, label);
          return;
        }
        const { text, tooltip, label, alarm } = describeCounts(this.#counts);
        this.#set(text, tooltip, label, alarm ? 'statusBarItem.errorBackground' : undefined);
        return;
      }
      case 'starting':
        this.#set('$(sync~spin) SpecChain', 'SpecChain language server is starting', 'SpecChain: starting');
        return;
      case 'stopped':
        this.#set('$(circle-slash) SpecChain', 'SpecChain language server is stopped; any SpecChain command starts it', 'SpecChain: stopped');
        return;
      case 'failed':
        this.#set('$(error) SpecChain', `SpecChain language server failed: ${state.message}`, `SpecChain: the language server failed: ${state.message}`, 'statusBarItem.errorBackground');
        return;
    }
  }

  dispose(): void {
    for (const s of this.#subscriptions) s.dispose();
    this.#item.dispose();
  }
}
