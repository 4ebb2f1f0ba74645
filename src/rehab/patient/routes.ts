import type { FastifyInstance } from 'fastify';
import type { RehabDeps } from '../deps.js';

/** /min-side: the patient's programs, logging, check-ins, history, questionnaires, access list, reminders. */
export async function patientRoutes(_app: FastifyInstance, _deps: RehabDeps): Promise<void> {}
