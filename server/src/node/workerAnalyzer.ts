import { append } from '../service/text';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as nodePath from 'node:path';
import { Worker } from 'node:worker_threads';
import { FileClassifier } from '../service/analyze';
import type { SpecChainConfig } from '../service/config';
import type { FileFacts, SkippedFile } from '../service/types';
import type { BulkAnalyzer, WorkspaceEntry } from '../service/workspace';
import type { BatchRequest, BatchResult, WorkerInit } from './analyzeWorker';
import { decodeFacts } from '../service/wire';
import { analyzeBatch } from './batch';

const BATCH = 200;
/** Fewer files than this are read on the calling thread: booting workers would cost more. */
const FEW = 1000;

/** How a worker thread is made; tests put one in that fails as a container's limit makes it fail. */
export type WorkerFactory = (script: string, init: WorkerInit) => Worker;

const newWorker: WorkerFactory = (script, init) => new Worker(script, { workerData: init });

/**
 * Reads and analyses files on worker threads, one per core besides the calling thread's, which
 * works through the same queue. The calling thread works alone for a few files (unless the
 * workers were started already) and when the worker script is missing (tests run from sources).
 * When threads cannot be made (a container's limit on processes: `new Worker` throws EAGAIN,
 * or a worker fails while booting or working), the calling thread does their share, and
 * `problems` says so once.
 */
export class WorkerAnalyzer implements BulkAnalyzer {
  readonly #workers: Worker[] = [];
  readonly #root: string;
  readonly #config: SpecChainConfig;
  readonly #script: string;
  readonly #threads: number;
  readonly #few: number;
  readonly #create: WorkerFactory;
  /** Workers that failed: never sent another batch. */
  readonly #failed = new WeakSet<Worker>();
  /** Why some or all of the work ran on the calling thread, once. */
  readonly problems = new Set<string>();

  constructor(root: string, config: SpecChainConfig, options: { threads?: number; script?: string; few?: number; create?: WorkerFactory } = {}) {
    this.#root = root;
    this.#config = config;
    this.#script = options.script ?? nodePath.join(__dirname, 'worker.js');
    this.#threads = options.threads ?? Math.max(1, Math.min(availableParallelism() - 1, 3));
    this.#few = options.few ?? FEW;
    this.#create = options.create ?? newWorker;
  }

  /**
   * Starts the workers now, so that they boot while the caller lists the workspace; otherwise
   * they start on the first `analyze`.
   */
  start(): void {
    if (this.#workers.length > 0 || !existsSync(this.#script)) return;
    for (let i = 0; i < this.#threads; i++) {
      let worker: Worker;
      try {
        worker = this.#create(this.#script, { root: this.#root, config: this.#config });
      } catch (e) {
        this.#fellBack(e);
        return;
      }
      worker.unref();
      // A worker that fails before its first batch is dropped (its error would otherwise end the process).
      worker.on('error', (e) => this.#lost(worker, e));
      worker.on('exit', () => this.#lost(worker, undefined));
      this.#workers.push(worker);
    }
  }

  #lost(worker: Worker, error: unknown): void {
    if (this.#failed.has(worker)) return;
    this.#failed.add(worker);
    if (error !== undefined) this.#fellBack(error);
  }

  #fellBack(error: unknown): void {
    const code = (error as NodeJS.ErrnoException).code;
    const why = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    const limit = /EAGAIN/.test(why) || code === 'EAGAIN' ? ' (EAGAIN: a limit on processes or threads, as in a container, was reached)' : ` (${code && !why.includes(code) ? `${code}: ` : ''}${why.slice(0, 200)})`;
    if (this.problems.size === 0) this.problems.add(`worker threads could not run${limit}, so files are analysed on one thread`);
  }

  async analyze(entries: readonly WorkspaceEntry[]): Promise<{ facts: FileFacts[]; skipped: SkippedFile[] }> {
    const paths = entries.map((e) => e.path);
    if (paths.length >= this.#few) this.start();
    const live = this.#workers.filter((w) => !this.#failed.has(w));
    const classifier = new FileClassifier(this.#config);
    if (live.length === 0) return analyzeBatch(this.#root, classifier, paths);
    const batches: string[][] = [];
    for (let i = 0; i < paths.length; i += BATCH) batches.push(paths.slice(i, i + BATCH));
    // Kept by batch, so that the facts come back in the listing's order whichever thread read
    // them first: what is built from them (the refs of a REQ, say) is the same on every run.
    const byBatch: FileFacts[][] = batches.map(() => []);
    const skipped: SkippedFile[] = [];
    let next = 0;
    /** Batches handed back by a worker that failed with them in flight. */
    const returned: number[] = [];
    const take = (): number | undefined => returned.pop() ?? (next < batches.length ? next++ : undefined);
    const working = Promise.all(
      live.map(
        (worker) =>
          new Promise<void>((resolve) => {
            const inFlight = new Set<number>();
            const done = (): void => {
              worker.off('message', onMessage);
              worker.off('error', onFailure);
              worker.off('exit', onFailure);
              resolve();
            };
            const send = (): void => {
              const id = this.#failed.has(worker) ? undefined : take();
              if (id !== undefined) {
                inFlight.add(id);
                worker.postMessage({ id, paths: batches[id]! } satisfies BatchRequest);
              } else if (inFlight.size === 0) done();
            };
            const onMessage = (result: BatchResult): void => {
              inFlight.delete(result.id);
              if (result.error) append(skipped, batches[result.id]!.map((path) => ({ path, reason: 'unreadable' as const })));
              byBatch[result.id] = result.facts.map((f, i) => decodeFacts(result.paths[i]!, f));
              for (const s of result.skipped) skipped.push(s);
              send();
            };
            // Its batches go back to the queue, for this thread to read.
            const onFailure = (): void => {
              for (const id of inFlight) returned.push(id);
              inFlight.clear();
              done();
            };
            if (this.#failed.has(worker)) return onFailure();
            worker.on('message', onMessage);
            worker.once('error', onFailure);
            worker.once('exit', onFailure);
            // Two batches in flight, so that a worker never waits for this thread to hand it the next.
            send();
            send();
          }),
      ),
    );
    // This thread takes batches too, from the start (workers need a while to boot), and yields
    // between them so that the workers' results come in and requests are answered; then it
    // reads what failed workers handed back.
    const work = async (): Promise<void> => {
      for (let id = take(); id !== undefined; id = take()) {
        const own = analyzeBatch(this.#root, classifier, batches[id]!);
        byBatch[id] = own.facts;
        for (const s of own.skipped) skipped.push(s);
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await work();
    await working;
    await work();
    return { facts: byBatch.flat(), skipped };
  }

  /** Stops the workers. */
  async dispose(): Promise<void> {
    const workers = this.#workers.splice(0);
    // Terminating is not failing.
    for (const w of workers) this.#failed.add(w);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
