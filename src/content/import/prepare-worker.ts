import { parentPort } from 'node:worker_threads';
import type { ArticleKind } from '../../db/schema.js';
import { prepareFile } from './prepare.js';

/** Worker side of FilePreparer: prepares files on request, in order. */
parentPort?.on('message', (message: { index: number; file: string; kind: ArticleKind | undefined }) => {
  parentPort?.postMessage({ index: message.index, result: prepareFile(message.file, message.kind) });
});
// Every module has loaded once this runs (half a second or more): files may come now.
parentPort?.postMessage({ ready: true });
