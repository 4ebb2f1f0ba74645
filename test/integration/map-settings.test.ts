import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { createClinic, loadDirectory } from '../helpers/clinics.js';

/**
 * The map's settings end to end through the app: the tile server named in MAP_TILE_URL is the
 * one host the CSP allows images from and the one the page's note names; MAP_TILE_URL=off
 * leaves no map, no map script and no tile host anywhere. No page loads Leaflet up front.
 */

const TOWN = '/find/fysioterapeut/koebenhavn-oe';
const CLINIC = '/klinik/kortklinikken';

async function appWithMap(env: Record<string, string>): Promise<TestApp> {
  return startTestApp({
    config: { map: loadConfig(env).map },
    seed: async (db) => {
      const d = await loadDirectory(db);
      await createClinic(db, d, { name: 'Kortklinikken', address: 'Kortvej 1', postcode: '2100' });
    },
  });
}

const imgSrc = (res: { headers: Record<string, unknown> }) =>
  String(res.headers['content-security-policy'])
    .split(';')
    .find((d) => d.startsWith('img-src'));

describe.each([
  ['the default (OpenStreetMap)', {}, 'https://tile.openstreetmap.org', 'tile.openstreetmap.org'],
  ['a tile server of our own', { MAP_TILE_URL: 'https://kort.fysio.dk/{z}/{x}/{y}.png', MAP_ATTRIBUTION: '© Kortdata: OpenStreetMap-bidragydere' }, 'https://kort.fysio.dk', 'kort.fysio.dk'],
])('with %s', (_name, env, origin, host) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithMap(env);
  });
  afterAll(() => t.destroy());

  it('allows images from that tile server only, on pages and every other answer', async () => {
    for (const url of [TOWN, CLINIC, '/ordbog', '/findes-ikke', '/assets/style.css']) {
      expect([url, imgSrc(await t.app.inject({ url }))]).toEqual([url, `img-src 'self' data: ${origin}`]);
    }
  });

  it.each([TOWN, CLINIC])('offers the map on %s without loading Leaflet, and names the host it comes from', async (url) => {
    const page = await t.app.inject({ url });
    expect(page.statusCode).toBe(200);
    const scripts = [...page.body.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.filter((s) => /leaflet/.test(s!))).toEqual([]);
    expect(scripts.some((s) => s!.startsWith('/assets/map.js?v='))).toBe(true);
    expect(page.body).not.toMatch(/<link rel="stylesheet" href="\/assets\/leaflet/);
    expect(page.body).toContain(`Kortet hentes fra ${host}, som derved ser din IP-adresse.`);
    expect(page.body).toMatch(/<button type="button" class="button-secondary map-show"[^>]*>Vis kort<\/button>/);
    expect(page.body).toContain(`data-tiles="${origin}/{z}/{x}/{y}.png"`);
  });
});

describe('MAP_TILE_URL=off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithMap({ MAP_TILE_URL: 'off' });
  });
  afterAll(() => t.destroy());

  it.each([TOWN, CLINIC])('leaves %s without a map, its script or a tile host, and the CSP without one', async (url) => {
    const page = await t.app.inject({ url });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Kortklinikken');
    expect(page.body).not.toMatch(/map\.js|leaflet|data-map|Vis kort|openstreetmap/);
    expect(imgSrc(page)).toBe("img-src 'self' data:");
  });
});
