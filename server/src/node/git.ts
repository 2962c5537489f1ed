import { spawn } from 'node:child_process';

/**
 * Running `git`, the one place SpecChain does: always with an argument array (never a shell), in
 * a given folder, with a time limit and a bound on what it may print, without a pager, prompts,
 * colour, optional locks, an fsmonitor hook, external diff drivers or textconv filters. Git's
 * output is a hostile input like any file: its callers parse it with bounds of their own.
 */

/** Why git gave no answer. */
export interface GitProblem {
  readonly problem: 'no-git' | 'not-a-repository' | 'timeout' | 'failed';
  /** One line for the user. */
  readonly message: string;
}

export interface GitOptions {
  /** Killed after this long (default 20 s). */
  readonly timeoutMs?: number;
  /** Output past this many bytes is not kept: the process is stopped and the answer is `cut` (default 64 MiB). */
  readonly maxBytes?: number;
  /** Written to git's standard input, then closed. */
  readonly input?: string | Buffer;
}

/** What git printed, whole or cut at `maxBytes`. */
export interface GitOutput {
  readonly stdout: Buffer;
  /** True when the output reached `maxBytes` and the rest was not read. */
  readonly cut: boolean;
}

const DEFAULT_TIMEOUT = 20_000;
const DEFAULT_MAX = 64 * 1024 * 1024;
/** The stderr kept for a message: its first line is what the user reads. */
const MAX_STDERR = 8 * 1024;

/** Settings that make git's output plain and its run free of side effects, whatever the user's configuration says. */
const QUIET = ['--no-pager', '-c', 'core.quotePath=false', '-c', 'core.fsmonitor=false', '-c', 'color.ui=never', '-c', 'log.showSignature=false', '-c', 'diff.noprefix=false', '-c', 'diff.mnemonicPrefix=false'];

/** The environment git runs in: no prompt, no optional lock, no other repository named by a parent process (a hook's `GIT_DIR`). */
function gitEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', GIT_PAGER: 'cat' };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_EXTERNAL_DIFF']) delete env[name];
  return env;
}

/**
 * Runs `git <args>` in `cwd` and calls `onData` with each piece of its output as it arrives;
 * resolves when git exits. Output past `maxBytes` stops the process (the answer is then `cut`).
 */
export function streamGit(cwd: string, args: readonly string[], onData: (chunk: Buffer) => void, options: GitOptions = {}): Promise<{ readonly cut: boolean } | GitProblem> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX;
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn('git', [...QUIET, ...args], { cwd, env: gitEnvironment(), stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    } catch (e) {
      resolve(spawnProblem(e));
      return;
    }
    let settled = false;
    let received = 0;
    let cut = false;
    let timedOut = false;
    let stderr = '';
    const finish = (answer: { cut: boolean } | GitProblem): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? DEFAULT_TIMEOUT);
    child.on('error', (e) => finish(spawnProblem(e)));
    child.stdout.on('data', (chunk: Buffer) => {
      if (cut) return;
      const room = maxBytes - received;
      received += chunk.length;
      if (chunk.length >= room) {
        if (room > 0) onData(chunk.subarray(0, room));
        cut = true;
        child.kill('SIGKILL');
        return;
      }
      onData(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < MAX_STDERR) stderr += chunk.toString('utf8', 0, Math.min(chunk.length, MAX_STDERR));
    });
    // git may exit before reading all its input (an unknown ref): a closed pipe is not our failure.
    child.stdin.on('error', () => undefined);
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
    child.on('close', (code) => {
      if (cut) finish({ cut: true });
      else if (timedOut) finish({ problem: 'timeout', message: `git ${args.find((a) => !a.startsWith('-')) ?? ''} took longer than ${Math.round((options.timeoutMs ?? DEFAULT_TIMEOUT) / 1000)} s and was stopped` });
      else if (code === 0) finish({ cut: false });
      else finish(exitProblem(stderr, code));
    });
  });
}

/** Runs `git <args>` in `cwd` and returns its whole output (see {@link streamGit}). */
export async function runGit(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<GitOutput | GitProblem> {
  const chunks: Buffer[] = [];
  const done = await streamGit(cwd, args, (chunk) => chunks.push(chunk), options);
  return 'problem' in done ? done : { stdout: Buffer.concat(chunks), cut: done.cut };
}

/** True for an answer that is a problem. */
export function isGitProblem(x: object): x is GitProblem {
  return 'problem' in x;
}

function spawnProblem(e: unknown): GitProblem {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { problem: 'no-git', message: 'git is not installed (no git command on the PATH)' };
  return { problem: 'failed', message: `git could not be started (${code ?? String(e)})` };
}

/** What git says of a folder that no repository holds. */
export const NOT_A_REPOSITORY: GitProblem = { problem: 'not-a-repository', message: 'the folder is not in a git repository' };

function exitProblem(stderr: string, code: number | null): GitProblem {
  const first = stderr.split('\n').find((l) => l.trim() !== '')?.replace(/^(?:fatal|error): /, '').trim() ?? `exit code ${code}`;
  if (/not a git repository/i.test(stderr)) return NOT_A_REPOSITORY;
  return { problem: 'failed', message: first.length > 300 ? `${first.slice(0, 300)}…` : first };
}

/**
 * A ref as the user typed it, checked before it reaches git: not empty, at most 256 characters,
 * no leading `-` (git would read it as an option, `--upload-pack=…`), no whitespace, control
 * characters or the characters git refuses in ref names. Returns why it is refused, or undefined.
 */
export function refProblem(ref: string): string | undefined {
  if (ref === '') return 'the ref is empty';
  if (ref.length > 256) return 'the ref is longer than 256 characters';
  if (ref.startsWith('-')) return `"${ref}" starts with "-", which git would read as an option`;
  if (/[\x00-\x20\x7f\\]/.test(ref)) return 'the ref holds a space, a control character or a backslash';
  return undefined;
}

/** True for a full object ID as git prints it (SHA-1 or SHA-256). */
export function isObjectId(s: string): boolean {
  return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(s);
}
