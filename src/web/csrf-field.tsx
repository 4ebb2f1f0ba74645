import type { FastifyRequest } from 'fastify';
import { CSRF_FIELD, csrfToken } from './csrf.js';

/** The hidden field every state-changing form carries (see csrf.ts). */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}

/** `<CsrfField>` for this request's token, creating the anonymous form cookie if needed. */
export const csrfField = (request: FastifyRequest) => <CsrfField token={csrfToken(request)} />;
