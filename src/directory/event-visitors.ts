import { isIPv4, isIPv6 } from 'node:net';
import type { ClinicEvent } from '../db/schema.js';

/**
 * Who may be counted, and as whom. A visitor is an address, never an address and a user agent:
 * the agent is whatever the client says, so counting per agent let one machine count again by
 * changing it on every request.
 */

export interface VisitorInfo {
  ip: string;
  userAgent: string | undefined;
  /** The request's method: only GET is a visit (HEAD fetches the headers and nothing is seen). */
  method?: string | undefined;
  /** `Sec-Purpose`/`Purpose` header: prefetches are not visits. */
  purpose?: string | undefined;
}

const BOT =
  /bot\b|bot\/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|whatsapp|telegram|discord|headless|lighthouse|pingdom|uptime|monitor|curl|wget|python|httpclient|java\/|go-http|okhttp|axios|node-fetch|undici|autocannon|k6\/|postman/i;

/** Obvious bots, scripts, prefetches and HEAD requests, which are not patients looking. */
export function isAutomated(visitor: VisitorInfo): boolean {
  if (visitor.method !== undefined && visitor.method !== 'GET') return true;
  if (visitor.purpose && /prefetch|prerender/i.test(visitor.purpose)) return true;
  return !visitor.userAgent || visitor.userAgent.length < 10 || BOT.test(visitor.userAgent);
}

/**
 * The address one visitor is counted as: an IPv4 address, or the /64 network of an IPv6
 * address (one connection is usually handed a whole /64, so single IPv6 addresses are free to
 * change). IPv4 written as IPv6 (`::ffff:10.0.0.1`) is the IPv4 address.
 */
export function addressOf(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  // An IPv4 tail (`64:ff9b::10.0.0.1`) fills two groups.
  const width = (gs: string[]) => gs.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  const groups = ip.includes('::') ? [...left, ...Array<string>(Math.max(0, 8 - width(left) - width(right))).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/**
 * What one address can add to the counts in one Danish day, across all clinics. List pages
 * show 20 clinics each, so impressions get room for 50 list pages; profile views and contact
 * clicks together get 200, more than a patient comparing clinics will use. Addresses shared by
 * many people (a workplace, a carrier's NAT) are undercounted beyond that: the price of not
 * letting one machine inflate a clinic's figures.
 */
export const DAILY_CAP_PER_ADDRESS = { impression: 1000, interaction: 200 } as const;

export type CapGroup = keyof typeof DAILY_CAP_PER_ADDRESS;

export const capGroupOf = (event: ClinicEvent): CapGroup => (event === 'impression' ? 'impression' : 'interaction');
