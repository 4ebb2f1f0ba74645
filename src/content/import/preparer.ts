import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ArticleKind } from '../../db/schema.js';
import { type PreparedFile, prepareFile } from './prepare.js';

interface Pending {
  file: string;
  kind: ArticleKind | undefined;
  resolve: (result: PreparedFile) => void;
}

/**
 * Prepares files on another core when there is one: Markdown parsing is most of an import's
 * CPU time, and the main thread is busy writing to the database meanwhile. If the worker
 * cannot start or dies, files are prepared in this thread instead; nothing is lost.
 */
export class FilePreparer {
  readonly #worker: Worker | null;
  readonly #pending = new Map<number, Pending>();
  #nextId = 0;
  #broken = false;

  constructor(useWorker = availableParallelism() > 1) {
    this.#worker = useWorker ? this.#start() : null;
  }

  #start(): Worker | null {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./prepare-worker-boot.mjs', import.meta.url));
    } catch {
      return null;
    }
    worker.on('message', ({ id, result }: { id: number; result: PreparedFile }) => {
      this.#pending.get(id)?.resolve(result);
      this.#pending.delete(id);
    });
    const fail = () => {
      if (this.#broken) return;
      this.#broken = true;
      for (const { file, kind, resolve } of this.#pending.values()) resolve(prepareFile(file, kind));
      this.#pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    return worker;
  }

  /** Starts preparing `file`; the promise settles with the result. */
  prepare(file: string, kind: ArticleKind | undefined): Promise<PreparedFile> {
    if (!this.#worker || this.#broken) return Promise.resolve(prepareFile(file, kind));
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, { file, kind, resolve });
      this.#worker!.postMessage({ id, file, kind });
    });
  }

  /** Whether files are being prepared on the worker (not started, or failed, means here). */
  get onWorker(): boolean {
    return this.#worker !== null && !this.#broken;
  }

  async close(): Promise<void> {
    this.#broken = true;
    await this.#worker?.terminate();
  }
}
