import { parentPort } from 'node:worker_threads';
import type { ArticleKind } from '../../db/schema.js';
import { prepareFile } from './prepare.js';

/** Worker side of FilePreparer: prepares files on request, in order. */
parentPort?.on('message', (message: { id: number; file: string; kind: ArticleKind | undefined }) => {
  parentPort?.postMessage({ id: message.id, result: prepareFile(message.file, message.kind) });
});
