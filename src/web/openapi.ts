import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

/**
 * The public JSON API describes itself: each route under /api/ declares, in its route config,
 * the zod schemas it validates its input with and answers with (`config.api`), and the OpenAPI
 * document is generated from those. A route under /api/ without a description refuses to
 * start, so the document cannot fall behind the routes.
 */
export interface ApiDoc {
  summary: string;
  description?: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** The JSON body a POST sends (described as clients send it). */
  body?: z.ZodType;
  /** By status code; `default` for any other status (errors). */
  responses: { [status: number]: ApiResponse; default?: ApiResponse };
}

export interface ApiResponse {
  description: string;
  schema: z.ZodType;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The description of a JSON API route; required under /api/. */
    api?: ApiDoc;
  }
}

/** Every error the API sends (see web/errors.tsx). */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string().meta({ description: 'Stabil kode, fx invalid_parameter eller clinic_not_found' }),
    message: z.string().meta({ description: 'Forklaring på dansk' }),
    parameter: z.string().optional().meta({ description: 'Ved 400: den parameter, der var forkert' }),
  }),
});

/** The responses every API route shares besides its own: errors, including 429 and 5xx. */
export const errorResponses = (extra: Partial<Record<400 | 404 | 429, string>> = {}): ApiDoc['responses'] => ({
  ...Object.fromEntries(Object.entries(extra).map(([status, description]) => [status, { description, schema: apiErrorSchema }])),
  default: { description: 'Fejl: { error: { code, message, parameter? } }', schema: apiErrorSchema },
});

export interface ApiOperation {
  method: string;
  /** Fastify's form, e.g. "/api/v1/clinics/:slug". */
  url: string;
  doc: ApiDoc;
}

/**
 * Collects the description of every API route as it is added (call before adding routes).
 * Fastify's automatic HEAD twin of a GET is left out of the document.
 */
export function collectApiOperations(app: FastifyInstance): ApiOperation[] {
  const operations: ApiOperation[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const doc = route.config?.api;
    if (!doc) throw new Error(`${route.url}: an API route must describe itself in config.api (see src/web/openapi.ts)`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') operations.push({ method: method.toLowerCase(), url: route.url, doc });
    }
  });
  return operations;
}

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[]; description?: string };

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io }) as JsonSchema;
  return rest;
}

/** An object schema's fields as OpenAPI parameters; inputs are described as clients send them. */
function parameters(schema: z.ZodObject | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input');
  return Object.entries(object.properties ?? {}).map(([name, { description, ...field }]) => ({
    name,
    in: location,
    required: location === 'path' || (object.required ?? []).includes(name),
    ...(description ? { description } : {}),
    schema: field,
  }));
}

/** "/api/v1/clinics/:slug" → "/clinics/{slug}" (the server URL holds /api/v1). */
export const openApiPath = (url: string) => url.replace(/^\/api\/v1/, '').replace(/:([A-Za-z0-9_]+)/g, '{$1}');

export function openApiDocument(baseUrl: string, siteName: string, operations: readonly ApiOperation[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { method, url, doc } of operations) {
    paths[openApiPath(url)] ??= {};
    paths[openApiPath(url)]![method] = {
      summary: doc.summary,
      ...(doc.description ? { description: doc.description } : {}),
      parameters: [...parameters(doc.params, 'path'), ...parameters(doc.query, 'query')],
      ...(doc.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(doc.body, 'input') } } } } : {}),
      responses: Object.fromEntries(
        Object.entries(doc.responses).map(([status, r]) => [
          status,
          { description: r.description, content: { 'application/json': { schema: jsonSchema(r.schema, 'output') } } },
        ]),
      ),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: `${siteName} API`,
      version: '1',
      description:
        'Offentlige, læsbare data: søgning, artikler, byer og klinikker; og under /me den indloggede patients genoptræning (kræver login-cookien og, ved POST, CSRF-tokenet fra svar-headeren x-csrf-token i headeren x-csrf-token). Alle svar er JSON; datoer er ISO 8601.',
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    paths,
  };
}
