import { z } from 'zod';
import { dataPath } from './paths.js';

/**
 * The environment, validated once at boot. Every setting has a default that makes
 * `npm start` work on a fresh clone; production must set BASE_URL.
 */
const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], { error: 'skal være true eller false' })
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce
    .number({ error: 'PORT skal være et tal' })
    .int()
    .min(0, 'PORT skal være mellem 0 og 65535')
    .max(65535, 'PORT skal være mellem 0 og 65535')
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'DATABASE_URL skal være sqlite:<sti> eller postgres://…')
    .default(`sqlite:${dataPath('fysio.db')}`),
  BASE_URL: z
    .url({ error: 'BASE_URL skal være en fuld URL, fx https://fysio.dk' })
    .optional(),
  SITE_NAME: z.string().min(1).default('Fysio'),
  DEMO: booleanFlag.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  PAGE_CACHE: booleanFlag.optional(),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2})$/, 'TRUST_PROXY skal være true, false eller antallet af proxyer foran appen')
    .optional(),
  RATE_LIMIT: booleanFlag.optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ error: 'RATE_LIMIT_PER_MINUTE skal være et tal' })
    .int('RATE_LIMIT_PER_MINUTE skal være et heltal')
    .min(1, 'RATE_LIMIT_PER_MINUTE skal være mindst 1')
    .default(300),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string;
  /** Without trailing slash, e.g. "https://fysio.dk". */
  baseUrl: string;
  siteName: string;
  /** Seed demo content into an empty database. */
  demo: boolean;
  logLevel: string;
  /**
   * Whether to believe X-Forwarded-For (true, or the number of proxies in front). Off by
   * default: without a proxy, clients could otherwise pretend to be anyone.
   */
  trustProxy: boolean | number;
  /** Requests per minute per client address on each expensive endpoint; null: no limit. */
  rateLimitPerMinute: number | null;
  /** Keep rendered public pages in memory (on unless PAGE_CACHE=off; benchmarks turn it off). */
  pageCache: boolean;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Ugyldig konfiguration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`BASE_URL=`) means "not set", as in most tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const port = e.PORT;
  const production = e.NODE_ENV === 'production';
  if (production && !e.BASE_URL) {
    throw new ConfigError(['BASE_URL: skal sættes i produktion (bruges til kanoniske URL’er, sitemap og feeds)']);
  }
  const baseUrl = (e.BASE_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    env: e.NODE_ENV,
    port,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    baseUrl,
    siteName: e.SITE_NAME,
    demo: e.DEMO ?? !production,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    rateLimitPerMinute: e.RATE_LIMIT === false ? null : e.RATE_LIMIT_PER_MINUTE,
    pageCache: e.PAGE_CACHE ?? true,
    trustProxy: e.TRUST_PROXY === undefined || e.TRUST_PROXY === 'false' ? false : e.TRUST_PROXY === 'true' ? true : Number(e.TRUST_PROXY),
  };
}
