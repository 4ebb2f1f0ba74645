import { brotliDecompressSync } from 'node:zlib';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installConditionalRequests, noneMatch, preferredEncoding, representation, sendPage } from './respond.js';

describe('noneMatch (If-None-Match, RFC 9110 §13.1.2)', () => {
  const etag = 'W/"abc"';

  it('matches one tag, weakly: W/ on either side does not matter', () => {
    expect(noneMatch('W/"abc"', etag)).toBe(true);
    expect(noneMatch('"abc"', etag)).toBe(true);
    expect(noneMatch('W/"abc"', '"abc"')).toBe(true);
  });

  it('matches any tag of a list', () => {
    expect(noneMatch('"x", W/"abc"', etag)).toBe(true);
    expect(noneMatch('"x",W/"y" ,  "abc"', etag)).toBe(true);
    expect(noneMatch('"x", "y"', etag)).toBe(false);
  });

  it('matches * for any current representation', () => {
    expect(noneMatch('*', etag)).toBe(true);
    expect(noneMatch(' * ', etag)).toBe(true);
  });

  it('compares whole tags: a tag containing a comma, a prefix or a bare value does not match', () => {
    expect(noneMatch('"abc,def"', etag)).toBe(false);
    expect(noneMatch('"ab"', etag)).toBe(false);
    expect(noneMatch('abc', etag)).toBe(false);
    expect(noneMatch('"abc,x"', 'W/"abc,x"')).toBe(true);
    expect(noneMatch(undefined, etag)).toBe(false);
    expect(noneMatch('', etag)).toBe(false);
  });
});

describe('preferredEncoding', () => {
  it('prefers brotli, then gzip, and honours q-values and refusals', () => {
    expect(preferredEncoding('gzip, deflate, br')).toBe('br');
    expect(preferredEncoding('gzip')).toBe('gzip');
    expect(preferredEncoding('br;q=0.5, gzip;q=1')).toBe('gzip');
    expect(preferredEncoding('br;q=0, gzip')).toBe('gzip');
    expect(preferredEncoding('GZIP')).toBe('gzip');
    expect(preferredEncoding('identity')).toBeNull();
    expect(preferredEncoding('deflate')).toBeNull();
    expect(preferredEncoding(undefined)).toBeNull();
  });
});

describe('sendPage', () => {
  it('compresses a stored body once and serves the kept result afterwards', async () => {
    const app = Fastify();
    installConditionalRequests(app);
    const page = representation(`<p>${'Knæsmerter og genoptræning. '.repeat(200)}</p>`);
    app.get('/', (request, reply) => sendPage(request, reply, page));
    const first = await app.inject({ url: '/', headers: { 'accept-encoding': 'br' } });
    expect(brotliDecompressSync(first.rawPayload).equals(page.body)).toBe(true);
    expect(page.ready?.br).toBeDefined();
    // Swap the kept result for a marker: a second request that compressed again would not send it.
    page.ready!.br = Buffer.from('kept');
    const second = await app.inject({ url: '/', headers: { 'accept-encoding': 'br' } });
    expect(second.body).toBe('kept');
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(page.encoded?.gzip).toBeUndefined();
    await app.close();
  });
});
