import * as nodePath from 'node:path';
import { openFolder, UsageError } from '../node/folder';
import { isInside } from '../node/workspaceFiles';
import { compareFindings, withFingerprints } from '../service/delta/compare';
import { FileClassifier } from '../service/analyze';
import { referencesTo } from '../service/features/dialects';
import type { Subject } from '../service/features/refs';
import type { LanguageService } from '../service/languageService';
import type { Diagnostic } from '../service/types';
import { parseHookInput, undoReplacements, type HookRequest } from './hookPayload';
import { mergeHookSettings } from './hookSettings';
import { ArgumentError, parseArgs, type CliIO } from './io';

/** The largest hook input read: Write's `content` and `originalFile` hold two copies of a file. */
const MAX_INPUT = 64 * 1024 * 1024;

/** Reads the hook's stdin (at most `MAX_INPUT` bytes); a terminal gives nothing. */
export async function readStdin(stream: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (stream.isTTY) return '';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_INPUT) throw new UsageError(`the hook input is larger than ${MAX_INPUT / 1024 / 1024} MB`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `specchain hook claude [--root DIR] [--json]`: Claude Code's PostToolUse hook.
 * `specchain hook install [DIR] [--command CMD]`: writes it into `.claude/settings.json`.
 */
export async function hookCommand(args: readonly string[], io: CliIO, input: () => Promise<string> = () => readStdin()): Promise<number> {
  const [agent, ...rest] = args;
  if (agent === 'claude') return claudeHook(rest, io, input);
  if (agent === 'install') return installHook(rest, io);
  throw new ArgumentError(agent === undefined ? 'hook needs "claude" (run the hook) or "install" (write it into .claude/settings.json)' : `unknown hook "${agent}": give claude or install`);
}

/**
 * Checks the file an Edit, MultiEdit or Write wrote and reports what the edit introduced:
 * exit 2 with the findings on stderr (shown to the agent), or with `--json`, exit 0 and
 * `{"decision":"block","reason":…}` on stdout. Nothing introduced, another tool, or input it
 * cannot use: exit 0 (a one-line note on stderr for the latter), so the agent is never stopped
 * by the hook's own trouble.
 */
async function claudeHook(args: readonly string[], io: CliIO, input: () => Promise<string>): Promise<number> {
  try {
    const { values, flags, positional } = parseArgs(args, { values: ['root'], flags: ['json'] });
    if (positional.length > 0) throw new ArgumentError(`unexpected argument "${positional[0]}"`);
    const request = parseHookInput(await input());
    if (request.kind === 'invalid') {
      io.err(`specchain hook: ${request.problem}`);
      return 0;
    }
    if (request.kind === 'ignore') return 0;
    const root = values.get('root') || process.env.CLAUDE_PROJECT_DIR || request.cwd || process.cwd();
    const found = await introducedBy(root, request);
    if (!found || found.findings.length + found.orphaned.length === 0) return 0;
    const lines = [...reportLines(found.path, found.findings, found.beforeKnown), ...found.orphaned];
    if (flags.has('json')) {
      io.out(JSON.stringify({ decision: 'block', reason: lines.join('\n') }));
      return 0;
    }
    for (const line of lines) io.err(line);
    return 2;
  } catch (e) {
    io.err(`specchain hook: ${e instanceof Error ? e.message : String(e)}`);
    return 0;
  }
}

/** Kinds of finding that say what is still to do (code, tests, results), not what an edit broke. */
const NOT_REPORTED = /^(?:chain|stack|evidence|api)\/|^spec\/(?:no-implementation|no-specs|req-uncovered)$/;

/** True for a finding the hook tells the agent of: a broken link, a malformed marker, an `@MX` or SPEC rule. */
export function reportable(d: Diagnostic): boolean {
  return (d.severity !== 'hint' || d.code.startsWith('mx/')) && !NOT_REPORTED.test(d.code);
}

/**
 * The findings of the edited file that the edit introduced: compared by fingerprint with the
 * file's findings before it (from the payload's original text, else the facts the cache last
 * stored for it), so a finding whose lines moved is not new. Undefined for a file the hook does
 * not read (outside the root, ignored, gone).
 */
async function introducedBy(root: string, request: Extract<HookRequest, { kind: 'check' }>): Promise<{ path: string; findings: Diagnostic[]; orphaned: string[]; beforeKnown: boolean } | undefined> {
  const folder = openFolder(root);
  const abs = nodePath.resolve(request.cwd ?? folder.root, request.file.path);
  if (!isInside(folder.root, abs) || abs === folder.root) return undefined;
  const path = nodePath.relative(folder.root, abs).split(nodePath.sep).join('/');
  if (folder.workspace.isIgnored(path)) return undefined;
  const text = await folder.workspace.read(path);
  if (typeof text !== 'string') return undefined;

  const { loadStoredIndex, stampNow } = await import('../node/storedIndex');
  // An edit of a SPEC document can break links anywhere: its index needs every file's references.
  const classifier = new FileClassifier(folder.config);
  const specFile = classifier.isSpecDocument(path) || classifier.isSpecCompanion(path);
  const stored = await loadStoredIndex(folder, new Set([path]), { sharedOnly: !specFile });
  let service: LanguageService;
  let storedBefore = false;
  if (stored) {
    service = stored.service;
    storedBefore = stored.cache.stored(path) !== undefined;
  } else {
    // No cache yet: read the folder once (which fills the cache for the next edit).
    const { loadFolder } = await import('../node/open');
    service = (await loadFolder(folder, { cache: !folder.cacheRefused })).service;
  }
  let before: Diagnostic[] = [];
  let referenced: Map<string, { subject: Subject; places: string[] }> | undefined;
  // Claude Code's documented payload may leave out the text before: an Edit or MultiEdit is undone
  // from its own replacements, else the facts the cache last stored are the "before".
  let previous = request.file.previous ?? (request.file.replacements ? undoReplacements(text, request.file.replacements) : undefined);
  // Nor a cache (the first edit in this folder): the last commit's text, when git has the file.
  if (previous === undefined && !storedBefore) previous = await committedText(folder.root, path, folder.config.maxFileSize);
  if (typeof previous === 'string') {
    service.update(path, previous);
    before = service.diagnostics(path);
    if (specFile) referenced = referencedDeclarations(service, path);
  } else if (previous === undefined && storedBefore) {
    before = service.diagnostics(path);
    if (specFile) referenced = referencedDeclarations(service, path);
  }
  service.update(path, text);
  const after = service.diagnostics(path);
  const orphaned = referenced ? orphanedReferences(service, path, referenced) : [];
  if (stored) {
    // The file's facts are the next edit's "before" (a folder read for the first time stored them already).
    const stamp = stampNow(folder.root, path);
    const facts = service.index.facts(path);
    if (stamp && facts) stored.cache.store(path, stamp, facts);
    stored.cache.save();
  }
  const { introduced } = compareFindings(withFingerprints(before), withFingerprints(after));
  // With nothing to compare with (no text before, no cache, no commit), every finding of the file is reported, said as such.
  const beforeKnown = previous !== undefined || storedBefore;
  return { path, findings: introduced.map((f) => f.diagnostic).filter(reportable), orphaned, beforeKnown };
}

/** The longest `git show` waits: a hook must not hold the agent up. */
const GIT_SHOW_MS = 2000;

/** The file's text in the last commit (HEAD); undefined when git has none (no repository, a new file, binary). */
async function committedText(root: string, path: string, maxBytes: number): Promise<string | undefined> {
  const { runGit, isGitProblem } = await import('../node/git');
  const shown = await runGit(root, ['show', `HEAD:./${path}`], { timeoutMs: GIT_SHOW_MS, maxBytes });
  if (isGitProblem(shown) || shown.cut || shown.stdout.includes(0)) return undefined;
  return shown.stdout.toString('utf8');
}

/** Most references named per removed ID; the rest are counted. */
const PLACES_SHOWN = 5;

/** The SPEC, REQ and AC IDs a SPEC file declares, each with where other files reference it. */
function referencedDeclarations(service: LanguageService, path: string): Map<string, { subject: Subject; places: string[] }> {
  const out = new Map<string, { subject: Subject; places: string[] }>();
  const facts = service.index.facts(path);
  const specId = facts?.spec?.id ?? service.index.specOfFile(path);
  if (specId === undefined) return out;
  const subjects: Subject[] = facts?.spec?.id !== undefined ? [{ kind: 'SPEC', specId, id: specId }] : [];
  for (const decl of facts?.reqs ?? []) subjects.push({ kind: decl.kind, specId, id: decl.id });
  for (const subject of subjects) {
    const places = referencesTo(service.index, subject)
      .filter((l) => l.path !== path && !service.index.facts(l.path)?.spec && !service.index.facts(l.path)?.reqs)
      .map((l) => `${l.path}:${l.range.start.line + 1}`);
    if (places.length > 0) out.set(`${subject.kind}:${subject.specId}:${subject.id}`, { subject, places });
  }
  return out;
}

/**
 * The IDs the edit took out of the SPEC file while other files still reference them (a REQ
 * deleted or renamed, a SPEC's ID changed), with the IDs of the same kind the edit added.
 */
function orphanedReferences(service: LanguageService, path: string, before: Map<string, { subject: Subject; places: string[] }>): string[] {
  const now = referencedDeclarations(service, path);
  const facts = service.index.facts(path);
  const declared = new Set<string>([...(facts?.spec?.id !== undefined ? [`SPEC:${facts.spec.id}`] : []), ...(facts?.reqs ?? []).map((d) => `${d.kind}:${d.id}`)]);
  const lines: string[] = [];
  for (const [key, { subject, places }] of before) {
    if (now.has(key) || declared.has(`${subject.kind}:${subject.id}`)) continue;
    const name = subject.kind === 'SPEC' ? `SPEC-${subject.id}` : `${subject.id} of SPEC-${subject.specId}`;
    const more = places.length > PLACES_SHOWN ? ` and ${places.length - PLACES_SHOWN} more` : '';
    lines.push(`- ${name} is no longer declared in ${path}, and ${places.length} reference${places.length === 1 ? '' : 's'} still name${places.length === 1 ? 's' : ''} it: ${places.slice(0, PLACES_SHOWN).join(', ')}${more}`);
  }
  return lines;
}

/**
 * The message for the agent: what the edit introduced, one finding a line, with the line number
 * and the code; without `beforeKnown`, the file's findings, not claimed to be the edit's.
 */
export function reportLines(path: string, findings: readonly Diagnostic[], beforeKnown = true): string[] {
  const n = findings.length;
  if (n === 0) return [`SpecChain: this edit of ${path} broke links to it:`];
  const problems = `${n} problem${n === 1 ? '' : 's'} in its SPEC links`;
  return [
    beforeKnown ? `SpecChain: this edit of ${path} introduced ${problems}:` : `SpecChain: ${path}, as this edit left it, has ${problems} (its text before the edit is not known):`,
    ...findings.map((d) => `- ${path}:${d.range.start.line + 1}: ${d.message} [${d.code}]`),
  ];
}

/** The command the installed hook runs, unless `--command` says another. */
const DEFAULT_COMMAND = 'specchain hook claude';

/** `specchain hook install [DIR] [--command CMD]`: merges the hook into DIR/.claude/settings.json. */
async function installHook(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positional } = parseArgs(args, { values: ['command'], flags: [] });
  if (positional.length > 1) throw new ArgumentError(`hook install takes one folder, got ${positional.length}`);
  const command = values.get('command') ?? DEFAULT_COMMAND;
  if (command.trim() === '') throw new ArgumentError('--command needs a command to run');
  const folder = openFolder(positional[0] ?? '.', { cache: false });
  const { readWorkspaceFile, writeWorkspaceFile } = await import('../node/workspaceFiles');
  const rel = '.claude/settings.json';
  let text: string | undefined;
  try {
    text = await readWorkspaceFile(folder.root, rel);
  } catch (e) {
    throw new UsageError(`${rel}: ${(e as Error).message}`);
  }
  const merged = mergeHookSettings(text, command);
  if ('problem' in merged) throw new UsageError(`${rel}: ${merged.problem}; nothing was written`);
  if (!merged.added) {
    io.err(`specchain hook install: ${rel} already runs "${command}" after Edit, MultiEdit and Write`);
    return 0;
  }
  try {
    await writeWorkspaceFile(folder.root, rel, merged.text);
  } catch (e) {
    throw new UsageError(`${rel}: ${(e as Error).message}`);
  }
  io.err(`specchain hook install: ${rel} now runs "${command}" after Edit, MultiEdit and Write`);
  return 0;
}
