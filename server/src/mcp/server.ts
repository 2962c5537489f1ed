/**
 * `specchain mcp`: a Model Context Protocol server over stdio (the official SDK) answering a
 * coding agent from the index of one folder. The folder is the language server's `FolderState`:
 * loaded through the facts cache, kept current by its own disk watcher; tools answer from
 * whatever index is in place.
 */
import * as nodePath from 'node:path';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { ErrorCode, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { collectCheck, formatJson, jsonDiagnostics, jsonText, type CheckOutcome } from '../cli/format';
import { stackJson } from '../cli/stackCommand';
import { FolderState } from '../lsp/folder';
import { openFolder } from '../node/folder';
import { isInside } from '../node/workspaceFiles';
import { AnswerError, specAnswer, uncovered, whereIs } from '../service/agent/answers';
import type { LanguageService } from '../service/languageService';
import { generatePlan } from '../service/plan/generate';
import { planInputFor } from '../service/plan/planInput';
import { bareSpecId } from '../service/tags';

/** Diagnostics a whole-workspace `check` returns unless `limit` says otherwise. */
const DEFAULT_LIMIT = 200;

/** What the server needs around it. */
export interface McpOptions {
  readonly root: string;
  readonly version: string;
  /** One line for the server's log (stderr: stdout is the protocol's). */
  log(message: string): void;
}

/** The loaded folder and the answers cached on its current index. */
class Index {
  readonly folder: FolderState;
  #checked: { service: LanguageService; generation: number; outcome: CheckOutcome } | undefined;

  constructor(folder: FolderState) {
    this.folder = folder;
  }

  /** The service once the first load is done (later reloads keep the previous one answering). */
  async service(): Promise<LanguageService> {
    await this.folder.whenLoaded();
    return this.folder.service;
  }

  /** The whole workspace's check, computed once per index generation. */
  async outcome(): Promise<CheckOutcome> {
    const service = await this.service();
    const generation = service.index.generation;
    if (this.#checked?.service !== service || this.#checked.generation !== generation) {
      const facts = [...service.index.allFacts()].length;
      this.#checked = { service, generation, outcome: collectCheck(service, facts, 0) };
    }
    return this.#checked.outcome;
  }

  /** A path as the agent gave it (relative to the root, or absolute inside it) as the index names it. */
  relative(path: string): string {
    const root = this.folder.paths.root;
    const abs = nodePath.resolve(root, path);
    if (!isInside(root, abs) || abs === root) throw new AnswerError(`${path} is not a file inside the workspace ${root}`);
    return nodePath.relative(root, abs).split(nodePath.sep).join('/');
  }
}

const text = (value: string): CallToolResult => ({ content: [{ type: 'text', text: value }] });
const json = (value: unknown): CallToolResult => text(jsonText(value, null, 2));

/** Runs an answer; a question the index cannot answer is a tool error with the message, never a crash. */
async function answer(run: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await run();
  } catch (e) {
    const message = e instanceof AnswerError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    return { content: [{ type: 'text', text: message }], isError: true };
  }
}

/** Builds the MCP server over a folder: its tools and the SPEC documents as resources. */
export function createMcpServer(index: Index, version: string): McpServer {
  const server = new McpServer({ name: 'specchain', version }, { instructions: 'SpecChain answers from the index of a MoAI-ADK workspace: SPEC documents (.moai/specs/SPEC-<ID>/spec.md) with REQ/AC IDs, tied to code by @TAG:ID markers or @MX:SPEC lines. Ask `where` before writing code for a REQ, `uncovered` for what is left to do, `check` after editing.' });
  const id = z.string().min(1).max(200);

  server.registerTool(
    'check',
    {
      description: "SpecChain's findings (broken SPEC/REQ/AC links, malformed markers, @MX rules, SPEC frontmatter, chain gaps) for the given files, or for the whole workspace, in the JSON of `specchain check --format json`.",
      inputSchema: {
        paths: z.array(z.string().min(1)).max(1000).optional().describe('Files to check, relative to the workspace root (or absolute inside it); omit for the whole workspace.'),
        limit: z.number().int().min(1).max(100_000).optional().describe(`Most diagnostics returned for the whole workspace (default ${DEFAULT_LIMIT}); the answer says how many were left out.`),
      },
      annotations: { readOnlyHint: true },
    },
    ({ paths, limit }) =>
      answer(async () => {
        const service = await index.service();
        if (paths) {
          const files = paths.map((p) => index.relative(p));
          const unknown = files.filter((f) => !service.index.exists(f));
          if (unknown.length > 0) throw new AnswerError(`not in the index (no such file, or SpecChain does not read it: excluded, ignored, too large): ${unknown.join(', ')}`);
          return json({ root: index.folder.paths.root, files, diagnostics: jsonDiagnostics(files.flatMap((f) => service.diagnostics(f))) });
        }
        const outcome = await index.outcome();
        const cap = limit ?? DEFAULT_LIMIT;
        const shown = outcome.diagnostics.slice(0, cap);
        const result = JSON.parse(formatJson({ ...outcome, diagnostics: shown, root: index.folder.paths.root, millis: 0 })) as Record<string, unknown>;
        return json({ ...result, ...(outcome.diagnostics.length > cap ? { omitted: outcome.diagnostics.length - cap } : {}) });
      }),
  );

  server.registerTool(
    'spec',
    {
      description: 'A SPEC by ID (SPEC-PAY-001 or PAY-001): file, title, status, its REQs with their text, the code and tests that reference each and the ACs mapping it, its ACs, coverage counts, @TAG markers by type, and test evidence when test results are configured.',
      inputSchema: { id: id.describe('The SPEC ID, with or without the SPEC- prefix.') },
      annotations: { readOnlyHint: true },
    },
    ({ id: specId }) => answer(async () => {
      const service = await index.service();
      return json(specAnswer(service.index, specId, service.evidence(), (i) => service.closestId(i)));
    }),
  );

  server.registerTool(
    'where',
    {
      description: 'Every place a SPEC, REQ or AC ID is declared and referenced, grouped by role: code, tests, docs. REQ/AC IDs are looked up in every SPEC declaring them, or in `spec` when given.',
      inputSchema: {
        id: id.describe('SPEC-PAY-001, PAY-001, REQ-PAY-003 or AC-PAY-002.'),
        spec: id.optional().describe('For a REQ/AC ID: the SPEC to look it up in.'),
      },
      annotations: { readOnlyHint: true },
    },
    ({ id: subject, spec }) => answer(async () => {
      const service = await index.service();
      return json(whereIs(service.index, subject, spec, (i) => service.closestId(i)));
    }),
  );

  server.registerTool(
    'uncovered',
    {
      description: 'The REQs of a SPEC (or of every SPEC) that no code references, and those no test references, with their text; and the ACs no test names. SPECs with nothing uncovered are left out of the workspace-wide answer.',
      inputSchema: { spec: id.optional().describe('The SPEC ID; omit for every SPEC.') },
      annotations: { readOnlyHint: true },
    },
    ({ spec }) => answer(async () => {
      const service = await index.service();
      return json(uncovered(service.index, spec, (i) => service.closestId(i)));
    }),
  );

  server.registerTool(
    'plan',
    {
      description: 'The backend plan for a SPEC, as markdown, drawn from the repository’s own conventions (the text `specchain plan --stdout` prints). Returned only: nothing is written.',
      inputSchema: { spec: id.describe('The SPEC ID.') },
      annotations: { readOnlyHint: true },
    },
    ({ spec }) => answer(async () => {
      const service = await index.service();
      const found = await planInputFor(service, bareSpecId(spec.trim()));
      if (found.kind === 'unknown') throw new AnswerError(`no SPEC has the ID ${bareSpecId(spec.trim())}${found.suggestion ? `; did you mean ${found.suggestion}?` : ''}`);
      if (found.kind === 'unreadable') throw new AnswerError(`${found.path} cannot be read (${found.reason})`);
      return text(generatePlan(found.input));
    }),
  );

  server.registerTool(
    'stack',
    {
      description: 'The detected stack per service (manifests, language, frameworks with versions, databases, ORMs, auth, testing), in the JSON of `specchain stack --format json`.',
      inputSchema: {},
      annotations: { readOnlyHint: true },
    },
    () => answer(async () => text(stackJson((await index.service()).stack()))),
  );

  unknownToolsAsProtocolErrors(server);

  server.registerResource(
    'spec',
    new ResourceTemplate('specchain://spec/{id}', {
      list: async () => {
        const service = await index.service();
        return { resources: service.index.specs().map((s) => ({ uri: `specchain://spec/${encodeURIComponent(s.id)}`, name: `SPEC-${s.id}`, title: s.doc.title ? `SPEC-${s.id}: ${s.doc.title}` : `SPEC-${s.id}`, mimeType: 'text/markdown' })) };
      },
    }),
    { description: 'A SPEC document (spec.md) by ID.', mimeType: 'text/markdown' },
    async (uri, variables) => {
      const service = await index.service();
      const raw = decodeURIComponent(String(variables.id ?? ''));
      const entry = service.index.specsWithId(bareSpecId(raw))[0];
      if (!entry) throw new Error(`no SPEC has the ID ${bareSpecId(raw)}`);
      const body = await index.folder.readText(entry.path);
      if (body === undefined) throw new Error(`${entry.path} cannot be read`);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: body }] };
    },
  );
  return server;
}

/**
 * Makes a call of a tool the server does not have a JSON-RPC error (-32602), as the MCP
 * specification has it for unknown tools; the SDK's `McpServer` answers it with a tool result
 * marked `isError` instead. Its own `tools/call` handler is wrapped (reached through the
 * protocol's handler table: the SDK offers no public way to wrap it); if that table is not there
 * in another SDK version, the SDK's answer stands.
 */
function unknownToolsAsProtocolErrors(server: McpServer): void {
  const handlers = (server.server as unknown as { _requestHandlers?: unknown })._requestHandlers;
  if (!(handlers instanceof Map)) return;
  const inner = handlers.get('tools/call') as ((request: { params?: { name?: unknown } }, extra: unknown) => Promise<unknown>) | undefined;
  if (!inner) return;
  const known = new Set(Object.keys((server as unknown as { _registeredTools: Record<string, unknown> })._registeredTools ?? {}));
  handlers.set('tools/call', (request: { params?: { name?: unknown } }, extra: unknown) => {
    const name = request.params?.name;
    if (typeof name !== 'string' || !known.has(name)) {
      return Promise.reject(new McpError(ErrorCode.InvalidParams, `Unknown tool ${JSON.stringify(name)}: the tools are ${[...known].sort().join(', ')}`));
    }
    return inner(request, extra);
  });
}

/**
 * Serves MCP on stdin/stdout until stdin closes (the client went): then it stops its watcher and
 * ends quietly. Loading starts at once; tool calls wait for the first index.
 */
export async function serveMcp(options: McpOptions): Promise<void> {
  const opened = openFolder(options.root);
  for (const p of opened.configProblems) options.log(`settings: ${p}`);
  const folder = new FolderState(
    opened.root,
    opened.config,
    {
      publish: () => undefined,
      openDocuments: () => new Map(),
      changed: () => undefined,
      progress: () => undefined,
      log: (message) => options.log(message),
    },
    { watch: true, cache: !opened.cacheRefused },
  );
  folder.load().catch((e) => options.log(`loading ${opened.root} failed: ${e instanceof Error ? e.message : String(e)}`));
  const server = createMcpServer(new Index(folder), options.version);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    const end = (): void => resolve();
    process.stdin.once('end', end);
    process.stdin.once('close', end);
    // A client that went away mid-answer: nothing is left to tell it.
    process.stdout.on('error', end);
    transport.onclose = end;
  });
  await server.connect(transport);
  await closed;
  folder.dispose();
  await server.close().catch(() => undefined);
}
