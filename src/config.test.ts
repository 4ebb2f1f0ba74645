import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('works on a fresh clone without any variable', () => {
    expect(loadConfig({})).toEqual({
      env: 'development',
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: expect.stringMatching(/^sqlite:.*data\/fysio\.db$/),
      baseUrl: 'http://localhost:3000',
      siteName: 'Fysio',
      contactEmail: null,
      demo: true,
      logLevel: 'info',
      rateLimitPerMinute: 300,
      pageCache: true,
      trustProxy: false,
      smtpUrl: null,
      mailFrom: 'Fysio <no-reply@localhost>',
      outboxDir: expect.stringMatching(/data\/outbox$/),
      uploadsDir: expect.stringMatching(/data\/uploads$/),
      mailSender: true,
      reminders: true,
      map: {
        tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
        tileOrigin: 'https://tile.openstreetmap.org',
        tileHost: 'tile.openstreetmap.org',
        attribution: '© OpenStreetMap-bidragydere',
        attributionUrl: 'https://www.openstreetmap.org/copyright',
      },
    });
  });

  it('reads the contact address for /kontakt and refuses one that is not an address', () => {
    expect(loadConfig({ CONTACT_EMAIL: 'kontakt@fysio.dk' }).contactEmail).toBe('kontakt@fysio.dk');
    expect(() => loadConfig({ CONTACT_EMAIL: 'fysio.dk' })).toThrow(/CONTACT_EMAIL skal være en e-mailadresse/);
  });

  it('reads the map settings: a tile server of our own, its credit, or no map at all', () => {
    expect(loadConfig({ MAP_TILE_URL: 'https://kort.fysio.dk:8443/tiles/{z}/{x}/{y}.png', MAP_ATTRIBUTION: '© Kortdata fra OpenStreetMap-bidragydere', MAP_ATTRIBUTION_URL: 'https://fysio.dk/kort' }).map).toEqual({
      tileUrl: 'https://kort.fysio.dk:8443/tiles/{z}/{x}/{y}.png',
      tileOrigin: 'https://kort.fysio.dk:8443',
      tileHost: 'kort.fysio.dk:8443',
      attribution: '© Kortdata fra OpenStreetMap-bidragydere',
      attributionUrl: 'https://fysio.dk/kort',
    });
    // A credit of one's own does not link to OpenStreetMap's licence unless told to.
    expect(loadConfig({ MAP_ATTRIBUTION: 'Kort: Eget kortværk' }).map).toMatchObject({ tileHost: 'tile.openstreetmap.org', attribution: 'Kort: Eget kortværk', attributionUrl: null });
    // A tile server beside the app may speak plain http.
    expect(loadConfig({ MAP_TILE_URL: 'http://127.0.0.1:8080/{z}/{x}/{y}.png' }).map?.tileOrigin).toBe('http://127.0.0.1:8080');
    for (const off of ['off', 'OFF', ' off ']) expect(loadConfig({ MAP_TILE_URL: off, MAP_ATTRIBUTION: 'ignoreres' }).map).toBeNull();
  });

  it('reads the mail settings: SMTP, sender address from BASE_URL, the outbox folder', () => {
    expect(loadConfig({ SMTP_URL: 'smtps://bruger:kode@mail.example.dk:465', BASE_URL: 'https://fysio.dk', OUTBOX_DIR: '/tmp/udbakke', MAIL_SENDER: 'nej' })).toMatchObject({
      smtpUrl: 'smtps://bruger:kode@mail.example.dk:465',
      mailFrom: 'Fysio <no-reply@fysio.dk>',
      outboxDir: '/tmp/udbakke',
      mailSender: false,
    });
    expect(loadConfig({ MAIL_FROM: 'Klinikken <post@klinik.dk>' }).mailFrom).toBe('Klinikken <post@klinik.dk>');
  });

  it('schedules genoptræning reminders in the server unless switched off, and never in tests unless asked', () => {
    expect(loadConfig({}).reminders).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', BASE_URL: 'https://fysio.dk' }).reminders).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).reminders).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', REMINDERS: 'ja' }).reminders).toBe(true);
    expect(loadConfig({ REMINDERS: 'off' }).reminders).toBe(false);
  });

  it('reads yes/no the one way', () => {
    expect(loadConfig({ DEMO: 'nej' }).demo).toBe(false);
    expect(loadConfig({ DEMO: 'JA', NODE_ENV: 'production', BASE_URL: 'https://fysio.dk/' })).toMatchObject({ demo: true, baseUrl: 'https://fysio.dk' });
  });

  it('reads TRUST_PROXY as off, a hop count or proxy addresses', () => {
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toEqual({ hops: 2 });
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toEqual({ addresses: ['loopback', 'linklocal', 'uniquelocal'] });
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, ::1' }).trustProxy).toEqual({ addresses: ['10.0.0.0/8', '::1'] });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT skal være et tal'],
    [{ PORT: '70000' }, 'PORT skal være mellem 0 og 65535'],
    [{ DEMO: 'måske' }, 'DEMO: skal være ja eller nej'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV: skal være "development", "production" eller "test"'],
    [{ NODE_ENV: 'production' }, 'BASE_URL: skal sættes i produktion'],
    [{ BASE_URL: 'fysio.dk' }, 'BASE_URL skal være en fuld URL'],
    [{ SMTP_URL: 'mail.example.dk' }, 'SMTP_URL skal være en URL til en mailserver'],
    [{ SMTP_URL: 'https://mail.example.dk' }, 'SMTP_URL skal begynde med smtp:// eller smtps://'],
    [{ MAIL_FROM: 'ingen adresse' }, 'MAIL_FROM skal være en afsenderadresse'],
    [{ MAP_TILE_URL: 'https://tile.example.dk/kort.png' }, 'MAP_TILE_URL skal være off eller en https-adresse med {z}, {x} og {y}'],
    [{ MAP_TILE_URL: 'https://{s}.tile.example.dk/{z}/{x}/{y}.png' }, '{s} understøttes ikke'],
    [{ MAP_TILE_URL: 'http://tile.example.dk/{z}/{x}/{y}.png' }, 'kun https (http kun på localhost)'],
    [{ MAP_TILE_URL: 'https://bruger:kode@tile.example.dk/{z}/{x}/{y}.png' }, 'må ikke indeholde brugernavn eller adgangskode'],
    [{ MAP_TILE_URL: 'nej' }, 'MAP_TILE_URL skal være off eller'],
    [{ MAP_ATTRIBUTION_URL: 'openstreetmap.org' }, 'MAP_ATTRIBUTION_URL skal være en fuld URL'],
    [{ MAP_ATTRIBUTION_URL: 'javascript:alert(1)' }, 'MAP_ATTRIBUTION_URL skal begynde med https:// eller http://'],
  ])('refuses %j in Danish', (env, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = (error as ConfigError).message;
    expect(text).toContain(message);
    expect(text).not.toMatch(/expected|invalid|received/i);
  });
});
