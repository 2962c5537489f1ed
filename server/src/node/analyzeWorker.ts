/**
 * Worker thread entry (bundled as dist/worker.js): reads and analyses batches of files for
 * `WorkerAnalyzer`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FileClassifier } from '../service/analyze';
import type { SpecChainConfig } from '../service/config';
import type { SkippedFile } from '../service/types';
import { encodeFacts, type WireFacts } from '../service/wire';
import { analyzeBatch } from './batch';

export interface WorkerInit {
  readonly root: string;
  readonly config: SpecChainConfig;
}
export interface BatchRequest {
  readonly id: number;
  readonly paths: readonly string[];
}
export interface BatchResult {
  readonly id: number;
  /** Paths and facts, in the same order. */
  readonly paths: string[];
  readonly facts: WireFacts[];
  readonly skipped: SkippedFile[];
  readonly error?: string;
}

if (parentPort) {
  const init = workerData as WorkerInit;
  const classifier = new FileClassifier(init.config);
  const port = parentPort;
  port.on('message', (request: BatchRequest) => {
    try {
      const { facts, skipped } = analyzeBatch(init.root, classifier, request.paths);
      port.postMessage({ id: request.id, paths: facts.map((f) => f.path), facts: facts.map(encodeFacts), skipped } satisfies BatchResult);
    } catch (e) {
      port.postMessage({ id: request.id, paths: [], facts: [], skipped: [], error: String(e) } satisfies BatchResult);
    }
  });
}
