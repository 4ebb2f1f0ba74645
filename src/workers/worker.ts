import { parentPort, workerData } from 'node:worker_threads';

/** Worker side of OrderedWork: loads the task's function, then runs it on request, in order. */
const { module, name } = workerData as { module: string; name: string };
const run = ((await import(module)) as Record<string, (input: unknown) => unknown>)[name];
if (typeof run !== 'function') throw new Error(`${module} exports no function ${name}`);
parentPort?.on('message', (message: { index: number; input: unknown }) => {
  parentPort?.postMessage({ index: message.index, result: run(message.input) });
});
// Every module has loaded once this runs (half a second or more from the TypeScript sources): inputs may come now.
parentPort?.postMessage({ ready: true });
