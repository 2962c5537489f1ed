import * as vscode from 'vscode';

/** `.moai/docs/backend-architecture-<ID>.md`: the plan's file name gives its SPEC. */
const PLAN_FILE = /(?:^|\/)\.moai\/docs\/backend-architecture-([A-Z][A-Z0-9-]{0,80})\.md$/;

/** The SPEC ID of a plan file, or undefined for any other file. */
export function planSpecId(path: string): string | undefined {
  return PLAN_FILE.exec(path.replace(/\\/g, '/'))?.[1];
}

/** "Regenerate" and "Open Preview" lenses at the top of a generated backend plan. */
export class PlanLensProvider implements vscode.CodeLensProvider {
  static readonly selector: vscode.DocumentSelector = { scheme: 'file', pattern: '**/.moai/docs/backend-architecture-*.md' };

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const specId = planSpecId(document.uri.path);
    if (!specId) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    return [
      new vscode.CodeLens(top, { title: '$(refresh) Regenerate', tooltip: `Write the plan of ${specId} again from the SPEC and the workspace`, command: 'specchain.generatePlan', arguments: [specId] }),
      new vscode.CodeLens(top, { title: '$(preview) Open Preview', tooltip: 'Show the plan rendered', command: 'markdown.showPreview', arguments: [document.uri] }),
    ];
  }
}
