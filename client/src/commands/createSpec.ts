import * as os from 'node:os';
import * as vscode from 'vscode';
import { SpecTreeRequest } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import { parseSpecId } from '../specId';
import { renderSpecTemplate, specDocumentPath, type SpecShape } from '../../../server/src/service/specTemplate';
import { workspacePlace, writePlaced } from './workspaceWrite';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function author(): string {
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * IDs the server knows, so a SPEC kept outside the default folder is not created twice, and how
 * the workspace writes its SPECs, so that the new one looks like them.
 */
async function knownSpecs(ctx: Ctx): Promise<{ ids: ReadonlySet<string>; shape?: SpecShape | undefined }> {
  if (ctx.state.kind !== 'running') return { ids: new Set() };
  try {
    const tree = await ctx.sendRequest<SpecTreeRequest.Result | null>(SpecTreeRequest.method, {});
    return { ids: new Set(tree?.specs.map((s) => s.id)), shape: tree?.shape };
  } catch {
    return { ids: new Set() };
  }
}

/**
 * "Create SPEC": asks for an ID (or takes `id`) and a title, writes
 * `.moai/specs/SPEC-<ID>/spec.md` from the template and opens it. Refuses an ID that exists.
 */
export function createSpec(ctx: Ctx) {
  return async (id?: unknown, title?: unknown): Promise<vscode.Uri | undefined> => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('SpecChain creates SPECs only in trusted workspaces.');
      return undefined;
    }
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      void vscode.window.showWarningMessage('Open a folder first: a SPEC lives in its .moai/specs folder.');
      return undefined;
    }
    const { ids: known, shape } = await knownSpecs(ctx);
    let specId: string;
    if (typeof id === 'string') {
      const parsed = parseSpecId(id);
      if ('error' in parsed) {
        void vscode.window.showErrorMessage(parsed.error);
        return undefined;
      }
      specId = parsed.id;
    } else {
      const input = await vscode.window.showInputBox({
        title: 'Create SPEC',
        prompt: 'SPEC ID (SPEC- prefix optional)',
        placeHolder: 'AUTH-001',
        validateInput: (value) => {
          const parsed = parseSpecId(value);
          if ('error' in parsed) return parsed.error;
          return known.has(parsed.id) ? `SPEC ${parsed.id} already exists.` : undefined;
        },
      });
      if (input === undefined) return undefined;
      const parsed = parseSpecId(input);
      if ('error' in parsed) return undefined;
      specId = parsed.id;
    }
    const target = vscode.Uri.joinPath(folder.uri, ...specDocumentPath(specId, shape?.flat).split('/'));
    if (known.has(specId) || (await exists(target))) {
      void vscode.window.showErrorMessage(`SPEC ${specId} already exists; SpecChain does not overwrite it.`);
      return undefined;
    }
    let specTitle = typeof title === 'string' ? title : undefined;
    if (specTitle === undefined) {
      specTitle = await vscode.window.showInputBox({ title: `Create SPEC ${specId}`, prompt: 'Title', placeHolder: 'User authentication' });
      if (specTitle === undefined) return undefined;
    }
    const text = renderSpecTemplate({ id: specId, title: specTitle, author: author(), date: new Date(), ...(shape ? { shape } : {}) });
    const place = workspacePlace(target);
    if (!place || !(await writePlaced(place, text))) return undefined;
    await vscode.window.showTextDocument(target, { preview: false });
    return target;
  };
}
