import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ArticleKind } from '../../db/schema.js';
import { type PreparedFile, prepareFile } from './prepare.js';

/** Files the worker holds at a time: enough to never run dry, few enough to share the rest. */
const WORKER_QUEUE = 4;
/** How far ahead of the file being saved this thread prepares files itself. */
const WINDOW = 32;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Prepares (reads, parses, renders) a run of files for an import that saves them in order.
 * Preparing is most of an import's CPU time, so with more than one core a worker thread
 * prepares files while this thread saves; whenever this thread would otherwise wait for
 * the worker (while it starts up, say), it prepares the next unassigned file itself. Each
 * file is prepared exactly once, by whichever thread is free. If the worker cannot start or
 * dies, its files are prepared here instead; nothing is lost.
 */
export class FilePreparer {
  readonly #files: readonly string[];
  readonly #kind: ArticleKind | undefined;
  readonly #results = new Map<number, PreparedFile>();
  /** Files below this index are prepared or assigned to the worker. */
  #assigned = 0;
  readonly #atWorker = new Set<number>();
  #taken = 0;
  #worker: Worker | null = null;
  #workerReady = false;
  #wake: (() => void) | null = null;

  constructor(files: readonly string[], kind: ArticleKind | undefined, useWorker = availableParallelism() > 1) {
    this.#files = files;
    this.#kind = kind;
    if (useWorker) this.#start();
  }

  #start() {
    try {
      this.#worker = new Worker(new URL('./prepare-worker-boot.mjs', import.meta.url), );
    } catch {
      return;
    }
    this.#worker.on('message', (message: { ready: true } | { index: number; result: PreparedFile }) => {
      if ('ready' in message) this.#workerReady = true;
      else if (this.#atWorker.delete(message.index)) this.#results.set(message.index, message.result);
      this.#wakeUp();
    });
    const fail = () => this.#stopWorker();
    this.#worker.on('error', fail);
    this.#worker.on('exit', fail);
  }

  /** Without a worker, its unfinished files go back to this thread. */
  #stopWorker() {
    if (!this.#worker) return;
    const worker = this.#worker;
    this.#worker = null;
    this.#workerReady = false;
    for (const index of this.#atWorker) this.#results.set(index, prepareFile(this.#files[index]!, this.#kind));
    this.#atWorker.clear();
    this.#wakeUp();
    void worker.terminate();
  }

  #wakeUp() {
    this.#wake?.();
    this.#wake = null;
  }

  #feedWorker() {
    if (!this.#worker || !this.#workerReady) return;
    while (this.#atWorker.size < WORKER_QUEUE && this.#assigned < this.#files.length) {
      const index = this.#assigned++;
      this.#atWorker.add(index);
      this.#worker.postMessage({ index, file: this.#files[index], kind: this.#kind });
    }
  }

  /** Whether a worker thread is taking part (false: every file is prepared in this thread). */
  get onWorker(): boolean {
    return this.#worker !== null;
  }

  /** The prepared file at `index`; call in order, 0, 1, 2, …, each index once. */
  async take(index: number): Promise<PreparedFile> {
    if (!Number.isInteger(index) || index < 0 || index >= this.#files.length) throw new RangeError(`fil nr. ${index} er uden for listen`);
    if (index < this.#taken) throw new RangeError(`fil nr. ${index} er allerede hentet`);
    this.#taken = index + 1;
    for (;;) {
      // Let the worker's messages in; this thread's saves never yield on their own.
      if (this.#worker) await nextTurn();
      this.#feedWorker();
      const result = this.#results.get(index);
      if (result) {
        this.#results.delete(index);
        return result;
      }
      if (this.#assigned < this.#files.length && this.#assigned <= index + WINDOW) {
        const own = this.#assigned++;
        this.#results.set(own, prepareFile(this.#files[own]!, this.#kind));
      } else if (this.#atWorker.has(index)) {
        await new Promise<void>((resolve) => (this.#wake = resolve));
      }
    }
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    await worker?.terminate();
  }
}
