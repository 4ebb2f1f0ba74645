import { isIP } from 'node:net';
import { z } from 'zod';
import { yesNo } from './text/yes-no.js';
import { danishErrorsNamed } from './text/zod-danish.js';
import { dataPath } from './paths.js';

/**
 * The environment, validated once at boot; the `Config` type is what this schema outputs.
 * Every setting has a default that makes `npm start` work on a fresh clone; production must
 * set BASE_URL.
 */

/** Proxies on this machine or a private network: what TRUST_PROXY=true trusts. */
const PRIVATE_PROXIES = ['loopback', 'linklocal', 'uniquelocal'] as const;

/**
 * Which hops in front of the app may tell us the client's address (X-Forwarded-For):
 * none (false), the nearest `n` hops, or hops whose address is in a list.
 */
export type ProxyTrust = false | { hops: number } | { addresses: string[] };

const TRUST_PROXY_MESSAGE =
  'TRUST_PROXY skal være true, false, et antal proxyer (fx 1) eller proxyernes adresser (fx 10.0.0.0/8,127.0.0.1)';

function isProxyAddress(entry: string): boolean {
  if ((PRIVATE_PROXIES as readonly string[]).includes(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

const proxyTrust = z.string().transform((raw, ctx): ProxyTrust => {
  const value = raw.trim().toLowerCase();
  if (value === 'false' || value === '0') return false;
  if (value === 'true') return { addresses: [...PRIVATE_PROXIES] };
  if (/^\d{1,2}$/.test(value)) return { hops: Number(value) };
  const addresses = value.split(',').map((a) => a.trim());
  const bad = addresses.find((a) => !isProxyAddress(a));
  if (bad !== undefined) {
    ctx.addIssue({ code: 'custom', message: `${TRUST_PROXY_MESSAGE}; "${bad}" er ingen af delene` });
    return z.NEVER;
  }
  return { addresses };
});

/** The map's tiles today: OpenStreetMap's own tile server, with the credit its licence asks for. */
export const OSM_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const OSM_ATTRIBUTION = '© OpenStreetMap-bidragydere';
const OSM_ATTRIBUTION_URL = 'https://www.openstreetmap.org/copyright';

const MAP_TILE_URL_MESSAGE =
  'MAP_TILE_URL skal være off eller en https-adresse med {z}, {x} og {y}, fx https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/**
 * Where the map's tiles come from: one host (a visitor who shows the map sends it their IP
 * address, the page says which host, and the CSP allows exactly that one), or null for no
 * map at all. http:// only on this machine, for a tile server beside the app.
 */
const mapTileUrl = z.string().default(OSM_TILE_URL).transform((raw, ctx): { tileUrl: string; tileOrigin: string; tileHost: string } | null => {
  const value = raw.trim();
  if (value.toLowerCase() === 'off') return null;
  const fail = (why: string) => {
    ctx.addIssue({ code: 'custom', message: `${MAP_TILE_URL_MESSAGE}; ${why}` });
    return z.NEVER;
  };
  if (!['{z}', '{x}', '{y}'].every((p) => value.includes(p))) return fail(`"${value}" mangler {z}, {x} eller {y}`);
  // {s} (several subdomains) would need a wildcard in the CSP and name no single host.
  if (value.includes('{s}')) return fail('{s} understøttes ikke: angiv én værtsadresse');
  let url: URL;
  try {
    url = new URL(value.replace(/\{[a-z]\}/g, '0'));
  } catch {
    return fail(`"${value}" er ikke en adresse`);
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return fail('kun https (http kun på localhost)');
  if (url.username || url.password) return fail('adressen må ikke indeholde brugernavn eller adgangskode');
  return { tileUrl: value, tileOrigin: url.origin, tileHost: url.host };
});

const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce
      .number({ error: 'PORT skal være et tal' })
      .int('PORT skal være et heltal')
      .min(0, 'PORT skal være mellem 0 og 65535')
      .max(65535, 'PORT skal være mellem 0 og 65535')
      .default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: z
      .string()
      .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'DATABASE_URL skal være sqlite:<sti> eller postgres://…')
      .default(`sqlite:${dataPath('fysio.db')}`),
    BASE_URL: z.url({ error: 'BASE_URL skal være en fuld URL, fx https://fysio.dk' }).optional(),
    SITE_NAME: z.string().min(1).default('Fysio'),
    CONTACT_EMAIL: z.email({ error: 'CONTACT_EMAIL skal være en e-mailadresse, fx kontakt@fysio.dk' }).optional(),
    DEMO: yesNo.optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
    PAGE_CACHE: yesNo.optional(),
    TRUST_PROXY: proxyTrust.optional(),
    RATE_LIMIT: yesNo.optional(),
    RATE_LIMIT_PER_MINUTE: z.coerce
      .number({ error: 'RATE_LIMIT_PER_MINUTE skal være et tal' })
      .int('RATE_LIMIT_PER_MINUTE skal være et heltal')
      .min(1, 'RATE_LIMIT_PER_MINUTE skal være mindst 1')
      .default(300),
    SMTP_URL: z
      .url({ error: 'SMTP_URL skal være en URL til en mailserver, fx smtp://bruger:kode@mail.example.dk:587 eller smtps://…:465' })
      .regex(/^smtps?:\/\//i, 'SMTP_URL skal begynde med smtp:// eller smtps://, fx smtp://bruger:kode@mail.example.dk:587')
      .optional(),
    MAIL_FROM: z
      .string()
      .regex(/^[^<>@\s]+@[^<>@\s]+$|^[^<>]*<[^<>@\s]+@[^<>@\s]+>$/, 'MAIL_FROM skal være en afsenderadresse, fx "Fysio <no-reply@fysio.dk>" eller no-reply@fysio.dk')
      .optional(),
    OUTBOX_DIR: z.string().min(1).optional(),
    UPLOADS_DIR: z.string().min(1).optional(),
    MAIL_SENDER: yesNo.optional(),
    REMINDERS: yesNo.optional(),
    MAP_TILE_URL: mapTileUrl,
    MAP_ATTRIBUTION: z.string().trim().min(1).max(200, 'MAP_ATTRIBUTION må højst være 200 tegn').optional(),
    MAP_ATTRIBUTION_URL: z
      .url({ error: 'MAP_ATTRIBUTION_URL skal være en fuld URL, fx https://www.openstreetmap.org/copyright' })
      .regex(/^https?:\/\//i, 'MAP_ATTRIBUTION_URL skal begynde med https:// eller http://')
      .optional(),
  })
  .transform((e, ctx) => {
    const production = e.NODE_ENV === 'production';
    if (production && !e.BASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['BASE_URL'], message: 'skal sættes i produktion (bruges til kanoniske URL’er, sitemap og feeds)' });
      return z.NEVER;
    }
    const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
    return {
      env: e.NODE_ENV,
      port: e.PORT,
      host: e.HOST,
      databaseUrl: e.DATABASE_URL,
      /** Without trailing slash, e.g. "https://fysio.dk". */
      baseUrl,
      siteName: e.SITE_NAME,
      /** The address /kontakt and /privatliv give visitors; null: those pages say it is not set up yet. */
      contactEmail: e.CONTACT_EMAIL ?? null,
      /** Seed demo content into an empty database. */
      demo: e.DEMO ?? !production,
      logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
      /** Requests per minute per client address on each expensive endpoint; null: no limit. */
      rateLimitPerMinute: e.RATE_LIMIT === false ? null : e.RATE_LIMIT_PER_MINUTE,
      /** Keep rendered public pages in memory (on unless PAGE_CACHE=off; benchmarks turn it off). */
      pageCache: e.PAGE_CACHE ?? true,
      /** Off by default: without a proxy, clients could otherwise pretend to be anyone. */
      trustProxy: e.TRUST_PROXY ?? (false as ProxyTrust),
      /** Outgoing mail through this SMTP server; null: written as .eml files to `outboxDir`. */
      smtpUrl: e.SMTP_URL ?? null,
      mailFrom: e.MAIL_FROM ?? `${e.SITE_NAME} <no-reply@${new URL(baseUrl).hostname}>`,
      outboxDir: e.OUTBOX_DIR ?? dataPath('outbox'),
      /** Files people upload (a clinic's exercise photos), kept out of the database. */
      uploadsDir: e.UPLOADS_DIR ?? dataPath('uploads'),
      /** The app process sends the outbox itself (off with MAIL_SENDER=off, e.g. when a separate `fysio outbox send` does). */
      mailSender: e.MAIL_SENDER ?? true,
      /** Genoptræning's reminder e-mails are scheduled by the serving process (off in tests unless a test turns them on). */
      reminders: e.REMINDERS ?? e.NODE_ENV !== 'test',
      /**
       * The map on town and clinic pages, loaded only when the visitor asks for it; null
       * (MAP_TILE_URL=off): no map. The credit defaults to OpenStreetMap's, whose data nearly
       * every tile server draws.
       */
      map: mapSettings(e.MAP_TILE_URL, e.MAP_ATTRIBUTION, e.MAP_ATTRIBUTION_URL),
    };
  });

function mapSettings(tiles: z.output<typeof mapTileUrl>, attribution: string | undefined, attributionUrl: string | undefined) {
  if (tiles === null) return null;
  const custom = attribution !== undefined;
  return {
    ...tiles,
    attribution: attribution ?? OSM_ATTRIBUTION,
    // A custom credit links only where it says; OpenStreetMap's links to its licence page.
    attributionUrl: attributionUrl ?? (custom ? null : OSM_ATTRIBUTION_URL),
  };
}

export type Config = z.output<typeof configSchema>;

/** The map's tile server and credit (see `mapSettings`). */
export type MapSettings = NonNullable<Config['map']>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Ugyldig konfiguration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`BASE_URL=`) means "not set", as in most tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = configSchema.safeParse(present, { error: danishErrorsNamed });
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => (i.code === 'custom' && !i.message.includes(String(i.path[0])) ? `${i.path.join('.')}: ${i.message}` : i.message)));
  }
  return parsed.data;
}
