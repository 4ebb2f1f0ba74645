import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * A pure, synchronous function and where a worker thread finds it: written in the module that
 * exports it, `{ run: prepareFile, module: new URL(import.meta.url), name: 'prepareFile' }`.
 * Its inputs and results must survive structured cloning (plain data).
 */
export interface WorkerTask<I, O> {
  run: (input: I) => O;
  module: URL;
  name: string;
}

export interface OrderedWorkOptions {
  /** Whether a worker thread takes part. Default: with more than one core and `minInputs`. */
  worker?: boolean;
  /** Below this many inputs a worker costs more to start than it saves. */
  minInputs?: number;
}

/** Inputs the worker holds at a time: enough to never run dry, few enough to share the rest. */
const WORKER_QUEUE = 4;
/** How far ahead of the input being taken this thread works itself. */
const WINDOW = 32;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The worker thread's entry. Compiled (dist/), worker.js runs as it is. From the TypeScript
 * sources (tests, `npm run dev`), boot.mjs first registers tsx, which a worker does not inherit.
 */
const WORKER_ENTRY = new URL(import.meta.url.endsWith('.ts') ? './boot.mjs' : './worker.js', import.meta.url);

/**
 * Runs a task over a list of inputs for a caller that takes the results in order (an import
 * that saves file after file, chunk after chunk). When the work is most of the CPU time, a
 * worker thread runs it for inputs ahead while this thread saves; whenever this thread would
 * otherwise wait for the worker (while it starts up, say), it runs the next unassigned input
 * itself. Each input is run exactly once, by whichever thread is free. If the worker cannot
 * start or dies, its inputs are run here instead; nothing is lost.
 */
export class OrderedWork<I, O> {
  readonly #inputs: readonly I[];
  readonly #run: (input: I) => O;
  readonly #results = new Map<number, O>();
  /** Inputs below this index are done or assigned to the worker. */
  #assigned = 0;
  readonly #atWorker = new Set<number>();
  #taken = 0;
  #worker: Worker | null = null;
  #workerReady = false;
  #wake: (() => void) | null = null;
  #started: (ready: boolean) => void = () => {};
  readonly #startup = new Promise<boolean>((resolve) => (this.#started = resolve));

  constructor(inputs: readonly I[], task: WorkerTask<I, O>, options: OrderedWorkOptions = {}) {
    this.#inputs = inputs;
    this.#run = task.run;
    const useWorker = options.worker ?? (availableParallelism() > 1 && inputs.length >= (options.minInputs ?? 0));
    if (useWorker) this.#start(task);
    if (!this.#worker) this.#started(false);
  }

  #start(task: WorkerTask<I, O>) {
    try {
      this.#worker = new Worker(WORKER_ENTRY, { workerData: { module: task.module.href, name: task.name } });
    } catch {
      return;
    }
    this.#worker.on('message', (message: { ready: true } | { index: number; result: O }) => {
      if ('ready' in message) {
        this.#workerReady = true;
        this.#started(true);
      }
      else if (this.#atWorker.delete(message.index)) this.#results.set(message.index, message.result);
      this.#wakeUp();
    });
    const fail = () => this.#stopWorker();
    this.#worker.on('error', fail);
    this.#worker.on('exit', fail);
  }

  /** Without a worker, its unfinished inputs come back to this thread. */
  #stopWorker() {
    if (!this.#worker) return;
    const worker = this.#worker;
    this.#worker = null;
    this.#workerReady = false;
    this.#started(false);
    for (const index of this.#atWorker) this.#results.set(index, this.#run(this.#inputs[index]!));
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
    while (this.#atWorker.size < WORKER_QUEUE && this.#assigned < this.#inputs.length) {
      const index = this.#assigned++;
      this.#atWorker.add(index);
      this.#worker.postMessage({ index, input: this.#inputs[index] });
    }
  }

  /** Whether a worker thread is taking part (false: every input is run in this thread). */
  get onWorker(): boolean {
    return this.#worker !== null;
  }

  /** Resolves once the worker can take inputs (true), or when there will be none (false). */
  whenStarted(): Promise<boolean> {
    return this.#startup;
  }

  /** The result for the input at `index`; call in order, 0, 1, 2, …, each index once. */
  async take(index: number): Promise<O> {
    if (!Number.isInteger(index) || index < 0 || index >= this.#inputs.length) throw new RangeError(`nr. ${index} er uden for listen`);
    if (index < this.#taken) throw new RangeError(`nr. ${index} er allerede hentet`);
    this.#taken = index + 1;
    for (;;) {
      // Let the worker's messages in; this thread's saves never yield on their own.
      if (this.#worker) await nextTurn();
      this.#feedWorker();
      if (this.#results.has(index)) {
        const result = this.#results.get(index)!;
        this.#results.delete(index);
        return result;
      }
      if (this.#assigned < this.#inputs.length && this.#assigned <= index + WINDOW) {
        const own = this.#assigned++;
        this.#results.set(own, this.#run(this.#inputs[own]!));
      } else if (this.#atWorker.has(index)) {
        await new Promise<void>((resolve) => (this.#wake = resolve));
      }
    }
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    this.#started(false);
    await worker?.terminate();
  }
}
