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
      mailSender: true,
      reminders: true,
    });
  });

  it('reads the contact address for /kontakt and refuses one that is not an address', () => {
    expect(loadConfig({ CONTACT_EMAIL: 'kontakt@fysio.dk' }).contactEmail).toBe('kontakt@fysio.dk');
    expect(() => loadConfig({ CONTACT_EMAIL: 'fysio.dk' })).toThrow(/CONTACT_EMAIL skal være en e-mailadresse/);
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
