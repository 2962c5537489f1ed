import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpecChainApi } from '../../../client/src/extension';
import { SpecTreeRequest, type SpecNode, type SpecTreeResult } from '../../../server/src/protocol';
import { activateSpecChain, workspaceFile, writeWorkspaceFiles } from './workspace';

// Routes of the code bound to a SPEC's endpoints, in the real editor: the test writes a small
// FastAPI service and a SPEC naming two endpoints (one served, one not), and removes them at the end.

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const SPEC = ['.moai', 'specs', 'SPEC-ROUTEDEMO-001', 'spec.md'];
const ROUTES = ['routedemo', 'app', 'parcels.py'];
const FILES: Readonly<Record<string, string>> = {
  'routedemo/requirements.txt': 'fastapi==0.110.0\n',
  'routedemo/app/main.py': 'from fastapi import FastAPI\nfrom app import parcels\n\napp = FastAPI()\napp.include_router(parcels.router, prefix="/api/parcels")\n',
  'routedemo/app/parcels.py': 'from fastapi import APIRouter\n\nrouter = APIRouter()\n\n@router.get("/{parcel_id}")\ndef track(parcel_id: str):\n    ...\n',
  '.moai/specs/SPEC-ROUTEDEMO-001/spec.md': '---\nid: ROUTEDEMO-001\nversion: 0.1.0\nstatus: completed\ncreated: 2026-03-01\nupdated: 2026-03-02\nauthor: "@dev"\npriority: high\nstack:\n  backend:\n    framework: FastAPI\n---\n\n# @SPEC:ROUTEDEMO-001: Parcel tracking\n\n- REQ-ROUTEDEMO-001: A client tracks a parcel with `GET /api/parcels/{id}`.\n- A client cancels one with `DELETE /api/parcels/{id}`.\n',
};

describe('SpecChain and the routes of the code', function () {
  this.timeout(300_000);
  let api: SpecChainApi;
  let spec: SpecNode;

  before(async () => {
    api = await activateSpecChain();
    await writeWorkspaceFiles(FILES);
    spec = await waitFor('the SPEC with its endpoint bound to the route', async () => {
      const tree = await api.sendRequest<SpecTreeResult>(SpecTreeRequest.method, {});
      const found = tree.specs.find((s) => s.id === 'ROUTEDEMO-001');
      // The files arrive one by one: wait for the route composed with main.py's prefix, not the router read alone.
      return found?.endpoints?.[0]?.handlers.some((h) => h.route === '/api/parcels/{parcel_id}') ? found : undefined;
    });
  });

  after(async () => {
    await vscode.workspace.fs.delete(workspaceFile('.moai', 'specs', 'SPEC-ROUTEDEMO-001'), { recursive: true });
    await vscode.workspace.fs.delete(workspaceFile('routedemo'), { recursive: true });
    await waitFor('the SPEC to leave the index', async () => {
      const tree = await api.sendRequest<SpecTreeResult>(SpecTreeRequest.method, {});
      return tree.specs.some((s) => s.id === 'ROUTEDEMO-001') ? undefined : true;
    });
  });

  it('the SPECs view gets each endpoint with its handler, or none, and Problems the missing one', async () => {
    const [served, missing] = spec.endpoints!;
    assert.deepEqual([served!.method, served!.endpoint, served!.req], ['GET', '/api/parcels/{id}', 'REQ-ROUTEDEMO-001']);
    assert.deepEqual(served!.handlers.map((h) => [h.uri, h.range.start.line, h.route]), [[workspaceFile(...ROUTES).toString(), 4, '/api/parcels/{parcel_id}']]);
    assert.deepEqual([missing!.method, missing!.handlers.length], ['DELETE', 0]);
    const diagnostics = await waitFor('api/route-missing in Problems', () => {
      const found = vscode.languages.getDiagnostics(workspaceFile(...SPEC)).filter((d) => d.code === 'api/route-missing' || (typeof d.code === 'object' && d.code.value === 'api/route-missing'));
      return found.length ? found : undefined;
    });
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.severity]), [[16, vscode.DiagnosticSeverity.Warning]]);
  });

  it('goes from the endpoint in the SPEC to its handler, and back with references', async () => {
    const specUri = workspaceFile(...SPEC);
    const document = await vscode.workspace.openTextDocument(specUri);
    const position = new vscode.Position(15, document.lineAt(15).text.indexOf('/api/parcels') + 3);
    const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', specUri, position);
    const target = definitions[0]!;
    assert.equal(('targetUri' in target ? target.targetUri : target.uri).toString(), workspaceFile(...ROUTES).toString());
    assert.equal(('targetRange' in target ? target.targetRange : target.range).start.line, 4);
    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', workspaceFile(...ROUTES), new vscode.Position(5, 6));
    // VS Code asks with the declaration included: the route's own line, then the SPEC line naming it.
    assert.deepEqual(references.map((l) => [l.uri.toString(), l.range.start.line]).sort(), [[specUri.toString(), 15], [workspaceFile(...ROUTES).toString(), 4]].sort());
  });

  it('hover on the route shows the SPEC and REQ that specify it', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', workspaceFile(...ROUTES), new vscode.Position(4, 3));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /Specified by \*\*SPEC-ROUTEDEMO-001\*\*: Parcel tracking · REQ-ROUTEDEMO-001/);
  });
});
