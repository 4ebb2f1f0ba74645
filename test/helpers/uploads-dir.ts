import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where a test app's uploads go unless a test says otherwise: one folder per test process, removed after each test file (test/setup.ts). */
export const TEST_UPLOADS_DIR = join(tmpdir(), `fysio-test-uploads-${process.pid}`);
