// A server that does nothing but send one file's bytes, for the ceiling row (bench/ceiling.ts):
//   node bench/lib/bare-server.mjs node|fastify <port> <file>
import http from 'node:http';
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const [kind, port, file] = process.argv.slice(2);
const body = readFileSync(file);
const headers = { 'content-type': 'text/html; charset=utf-8', etag: 'W/"ceiling"', 'cache-control': 'public, max-age=60' };
if (kind === 'node') {
  http.createServer((_req, res) => res.writeHead(200, { ...headers, 'content-length': body.length }).end(body)).listen(Number(port), '127.0.0.1');
} else {
  const app = Fastify({ logger: false });
  app.get('/*', (_req, reply) => reply.headers(headers).send(body));
  await app.listen({ port: Number(port), host: '127.0.0.1' });
}
