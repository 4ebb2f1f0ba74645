import type { FastifyInstance } from 'fastify';
import type { RehabDeps } from '../deps.js';

/** Reminders and nudges by e-mail through the outbox, run in the app process. */
export async function installReminders(_app: FastifyInstance, _deps: RehabDeps): Promise<void> {}
