import { createServer } from 'node:net';

/** A TCP port that was free a moment ago on `host` (the OS picks it). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

export interface FetchedBody {
  status: number;
  headers: Headers;
  body: Buffer;
}

export async function fetchBody(url: string, init: RequestInit = {}): Promise<FetchedBody> {
  const response = await fetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(10_000) });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

/**
 * Polls `url` until it answers `expectStatus`. `alive` is checked between attempts so a
 * child that crashed on start fails fast instead of timing out.
 */
export async function waitForHttp(
  url: string,
  { timeoutMs = 30_000, expectStatus = 200, alive = () => true }: { timeoutMs?: number; expectStatus?: number; alive?: () => boolean } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`process exited before ${url} answered`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === expectStatus) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer ${expectStatus} within ${timeoutMs} ms (${last})`);
}
