import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

/**
 * The request log: one line per answer at `info` (method, URL, client, status, time; never a
 * body, so the explainer's text stays unlogged), and "incoming request" only at `debug`.
 * Fastify's default writes two lines per request, and writing the log was about 40 % of the CPU
 * of a page served from the cache (bench/README, sixth session). Error lines stay as Fastify
 * writes them.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}
