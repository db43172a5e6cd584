/**
 * The worker side of WorkerPool: say when ready, then answer each batch with its results (or
 * with the error that stopped it), in one message.
 */
import { parentPort, type Transferable } from 'node:worker_threads';

export interface BatchRequest<J> {
  seq: number;
  jobs: J[];
}

export type BatchReply<R> = { seq: number; results: R[] } | { seq: number; error: string } | { seq: -1; ready: true };

/**
 * Serves batches on this worker thread. `warmUp` runs first (load the NLP model now rather than
 * with the first batch, so that WorkerPool.ready means ready); `transfer` lists buffers of the
 * results to move rather than copy.
 */
export function serveBatches<J, R>(
  handle: (job: J) => R,
  options: { warmUp?: () => void; transfer?: (results: R[]) => Transferable[] } = {},
): void {
  const port = parentPort;
  if (!port) throw new Error('this module runs as a worker thread (see WorkerPool)');
  options.warmUp?.();
  port.postMessage({ seq: -1, ready: true } satisfies BatchReply<R>);
  port.on('message', ({ seq, jobs }: BatchRequest<J>) => {
    let reply: BatchReply<R>;
    try {
      reply = { seq, results: jobs.map(handle) };
    } catch (error) {
      reply = { seq, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(reply, 'results' in reply && options.transfer ? options.transfer(reply.results) : []);
  });
}
