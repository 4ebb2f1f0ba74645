import { rmSync } from 'node:fs';
import net from 'node:net';
import { afterAll, afterEach } from 'vitest';
import { takeApiViolations } from './helpers/openapi.js';
import { TEST_UPLOADS_DIR } from './helpers/uploads-dir.js';

/**
 * Tests never reach the network beyond this machine: an unplanned outside connection fails
 * the test that made it instead of hanging or leaking data.
 */
const LOCAL = new Set(['127.0.0.1', '::1', 'localhost', '0.0.0.0', '']);
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const first = args[0] as { host?: string; path?: string } | number | string | undefined;
  const host =
    typeof first === 'object' && first !== null ? (first.path ? 'localhost' : (first.host ?? 'localhost')) : typeof args[1] === 'string' ? args[1] : 'localhost';
  if (!LOCAL.has(host)) throw new Error(`Test tried to connect to ${host}; tests may only use local services`);
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;

/** A JSON answer of the API that its OpenAPI document does not describe fails the test. */
afterEach(() => {
  const violations = takeApiViolations();
  if (violations.length > 0) throw new Error(`API answers that do not match the OpenAPI document:\n${violations.join('\n')}`);
});

/** Photos uploaded by this file's test apps: gone with the file. */
afterAll(() => {
  rmSync(TEST_UPLOADS_DIR, { recursive: true, force: true });
});
