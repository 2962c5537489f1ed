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

/**
 * Reads and analyses files on worker threads, one per core besides the calling thread's, which
 * works through the same queue. The calling thread works alone for a few files (unless the
 * workers were started already) and when the worker script is missing (tests run from sources).
 */
export class WorkerAnalyzer implements BulkAnalyzer {
  readonly #workers: Worker[] = [];
  readonly #root: string;
  readonly #config: SpecChainConfig;
  readonly #script: string;
  readonly #threads: number;
  readonly #few: number;

  constructor(root: string, config: SpecChainConfig, options: { threads?: number; script?: string; few?: number } = {}) {
    this.#root = root;
    this.#config = config;
    this.#script = options.script ?? nodePath.join(__dirname, 'worker.js');
    this.#threads = options.threads ?? Math.max(1, Math.min(availableParallelism() - 1, 3));
    this.#few = options.few ?? FEW;
  }

  /**
   * Starts the workers now, so that they boot while the caller lists the workspace; otherwise
   * they start on the first `analyze`.
   */
  start(): void {
    if (this.#workers.length > 0 || !existsSync(this.#script)) return;
    for (let i = 0; i < this.#threads; i++) {
      const worker = new Worker(this.#script, { workerData: { root: this.#root, config: this.#config } satisfies WorkerInit });
      worker.unref();
      this.#workers.push(worker);
    }
  }

  async analyze(entries: readonly WorkspaceEntry[]): Promise<{ facts: FileFacts[]; skipped: SkippedFile[] }> {
    const paths = entries.map((e) => e.path);
    if (paths.length >= this.#few) this.start();
    if (this.#workers.length === 0) return analyzeBatch(this.#root, new FileClassifier(this.#config), paths);
    const batches: string[][] = [];
    for (let i = 0; i < paths.length; i += BATCH) batches.push(paths.slice(i, i + BATCH));
    const facts: FileFacts[] = [];
    const skipped: SkippedFile[] = [];
    let next = 0;
    const working = Promise.all(
      this.#workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let inFlight = 0;
            const send = (): void => {
              if (next < batches.length) {
                inFlight++;
                worker.postMessage({ id: next, paths: batches[next++]! } satisfies BatchRequest);
              } else if (inFlight === 0) {
                worker.off('message', onMessage);
                worker.off('error', reject);
                resolve();
              }
            };
            const onMessage = (result: BatchResult): void => {
              inFlight--;
              if (result.error) append(skipped, batches[result.id]!.map((path) => ({ path, reason: 'unreadable' as const })));
              result.facts.forEach((f, i) => facts.push(decodeFacts(result.paths[i]!, f)));
              for (const s of result.skipped) skipped.push(s);
              send();
            };
            worker.on('message', onMessage);
            worker.once('error', reject);
            // Two batches in flight, so that a worker never waits for this thread to hand it the next.
            send();
            send();
          }),
      ),
    );
    // This thread takes batches too, from the start (workers need a while to boot), and yields
    // between them so that the workers' results come in and requests are answered.
    const classifier = new FileClassifier(this.#config);
    while (next < batches.length) {
      const own = analyzeBatch(this.#root, classifier, batches[next++]!);
      for (const f of own.facts) facts.push(f);
      for (const s of own.skipped) skipped.push(s);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await working;
    return { facts, skipped };
  }

  /** Stops the workers. */
  async dispose(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
    this.#workers.length = 0;
  }
}
