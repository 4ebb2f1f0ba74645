import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { openApiPath } from '../../src/web/openapi.js';

/**
 * Every JSON answer of the API, in every test that starts an app, is checked against the app's
 * own OpenAPI document: the status must be documented and the body must match its schema.
 * Mismatches are collected here and fail the test that made the request (test/setup.ts).
 */

const violations: string[] = [];

/** The mismatches seen since the last call. */
export function takeApiViolations(): string[] {
  return violations.splice(0);
}

interface Operation {
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
}

/** Installs the check (before `app.ready()`); call `useDocument` once the app can answer. */
export function checkApiResponses(app: FastifyInstance): { useDocument(): Promise<void> } {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats.default(ajv);
  const compiled = new Map<string, ValidateFunction>();
  let document: Document | null = null;

  app.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.url;
    if (!document || !route?.startsWith('/api/') || request.method === 'HEAD') return payload;
    if (!String(reply.getHeader('content-type') ?? '').startsWith('application/json')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const where = `${request.method} ${request.url} → ${reply.statusCode}`;
    const operation = document.paths[openApiPath(route)]?.[request.method.toLowerCase()];
    if (!operation) {
      violations.push(`${where}: ${route} is not in the OpenAPI document`);
      return payload;
    }
    const status = String(reply.statusCode);
    const response = operation.responses[status] ?? operation.responses.default;
    const schema = response?.content?.['application/json']?.schema;
    if (!schema) {
      violations.push(`${where}: status ${status} is not documented`);
      return payload;
    }
    const key = `${route} ${request.method} ${status in operation.responses ? status : 'default'}`;
    let validate = compiled.get(key);
    if (!validate) compiled.set(key, (validate = ajv.compile(schema)));
    const encoding = reply.getHeader('content-encoding');
    const raw = encoding === 'br' ? brotliDecompressSync(payload) : encoding === 'gzip' ? gunzipSync(payload) : payload;
    if (!validate(JSON.parse(raw.toString()))) violations.push(`${where}: ${ajv.errorsText(validate.errors)}`);
    return payload;
  });

  return {
    async useDocument() {
      const res = await app.inject('/api/v1/openapi.json');
      document = res.json() as Document;
    },
  };
}
