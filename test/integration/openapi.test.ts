import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type ApiDoc, collectApiOperations, errorResponses, openApiDocument } from '../../src/web/openapi.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { checkApiResponses, takeApiViolations } from '../helpers/openapi.js';

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: Record<string, unknown>;
}
type Operation = { parameters: Parameter[]; responses: Record<string, { content: Record<string, { schema: Record<string, unknown> }> }> };

describe('the OpenAPI document, generated from the route schemas', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, Operation>>; servers: Array<{ url: string }> };
  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.app.inject('/api/v1/openapi.json')).json();
  });
  afterAll(() => t.destroy());

  const param = (path: string, name: string) => doc.paths[path]?.get?.parameters.find((p) => p.name === name);

  it('describes query and path parameters as the zod schemas validate them', () => {
    expect(doc.servers).toEqual([{ url: 'https://fysio.test/api/v1' }]);
    expect(param('/clinics', 'radius_km')).toEqual({
      name: 'radius_km',
      in: 'query',
      required: false,
      description: 'Radius omkring byen',
      schema: { type: 'number', minimum: 1, maximum: 50, default: 10 },
    });
    expect(param('/clinics', 'handicap')?.schema).toEqual({ type: 'string' });
    expect(param('/search', 'q')).toMatchObject({ in: 'query', required: true, schema: { type: 'string', minLength: 1, maxLength: 200 } });
    expect(param('/search', 'kind')?.schema).toEqual({ type: 'string', enum: ['ordbog', 'blog', 'clinic', 'exercise', 'tool'] });
    expect(param('/articles/{slug}', 'slug')).toMatchObject({ in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9-]{1,200}$' } });
  });

  it('describes answers exactly: no field may leave the server undocumented', () => {
    const article = doc.paths['/articles/{slug}']!.get!.responses['200']!.content['application/json']!.schema;
    expect(article).toMatchObject({ type: 'object', additionalProperties: false });
    expect(article.required).toContain('html');
    const clinic = doc.paths['/clinics/{slug}']!.get!.responses['200']!.content['application/json']!.schema as { properties: Record<string, unknown> };
    expect(Object.keys(clinic.properties)).toEqual(expect.arrayContaining(['openingHours', 'prices', 'team', 'reviews']));
    expect(doc.paths['/clinics']!.get!.responses).toHaveProperty('429');
  });

  it('holds only valid JSON Schema (2020-12), every one compilable', () => {
    const ajv = new Ajv2020({ strict: true });
    addFormats.default(ajv);
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const operation of Object.values(methods)) {
        for (const p of operation.parameters) expect(() => ajv.compile(p.schema), `${path} ${p.name}`).not.toThrow();
        for (const [status, r] of Object.entries(operation.responses)) {
          expect(() => ajv.compile(r.content['application/json']!.schema), `${path} ${status}`).not.toThrow();
        }
      }
    }
  });
});

describe('the check every test app runs on its API answers', () => {
  const documented: ApiDoc = {
    summary: 'Prøve',
    responses: { 200: { description: 'Svar', schema: z.object({ name: z.string() }) }, ...errorResponses() },
  };

  async function appAnswering(body: unknown, status = 200) {
    const app = Fastify();
    const operations = collectApiOperations(app);
    app.get('/api/v1/thing', { config: { api: documented } }, async (_request, reply) => reply.status(status).send(body));
    app.get('/api/v1/openapi.json', { config: { api: documented } }, async () => openApiDocument('https://x.test', 'X', operations));
    const check = checkApiResponses(app);
    await app.ready();
    await check.useDocument();
    takeApiViolations();
    return app;
  }

  it('accepts an answer that matches the document', async () => {
    const app = await appAnswering({ name: 'Fysio' });
    await app.inject('/api/v1/thing');
    expect(takeApiViolations()).toEqual([]);
    await app.close();
  });

  it('reports a field the document does not have, a wrong type, and an undocumented error shape', async () => {
    for (const [body, status, problem] of [
      [{ name: 'Fysio', secret: 'x' }, 200, /additional properties/],
      [{ name: 42 }, 200, /must be string/],
      [{ message: 'nope' }, 500, /must have required property 'error'/],
    ] as const) {
      const app = await appAnswering(body, status);
      await app.inject('/api/v1/thing');
      const violations = takeApiViolations();
      expect(violations).toHaveLength(1);
      expect(violations[0]).toMatch(problem);
      await app.close();
    }
  });

  it('makes an API route without a description refuse to start', async () => {
    const app = Fastify();
    collectApiOperations(app);
    expect(() => app.get('/api/v1/undocumented', async () => ({}))).toThrow(/must describe itself in config.api/);
    await app.close();
  });
});
