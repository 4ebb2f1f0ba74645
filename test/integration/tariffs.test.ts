import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.js';
import { type PublicTariff, TariffFileError, loadTariffs, parseTariffFile, saveTariffs, tariffInEffect, tariffMayBeOutdated, tariffOn } from '../../src/directory/tariff.js';
import { addDays, formatDanishDate, todayInDenmark } from '../../src/text/dates.js';
import { DEFAULT_TEST_ENGINE, type TestApp, startTestApp } from '../helpers/app.js';
import { cliDatabase, runFysio } from '../helpers/cli.js';
import { createClinic, loadDirectory } from '../helpers/clinics.js';

/** Issue 13 §4: tariffs dated by the day they take effect, loaded from a file by the CLI. */

const tariff = (validFrom: string, firstKr = 299.29): PublicTariff => ({
  validFrom,
  source: `Takstkort pr. ${validFrom}`,
  note: 'Beløbene er den del, du selv betaler.',
  items: [{ name: 'Første konsultation', durationMinutes: null, patientKr: firstKr, totalKr: null }],
});

const fileEntry = (effectiveFrom: string, firstKr: number) => ({
  effectiveFrom,
  source: `Takstkort pr. ${effectiveFrom}`,
  patientNote: 'Beløbene er den del, du selv betaler.',
  items: [{ name: 'Første konsultation', durationMinutes: null, patientKr: firstKr, totalKr: null }],
});

const problemsOf = (text: string): string[] => {
  try {
    parseTariffFile(text);
  } catch (error) {
    if (error instanceof TariffFileError) return error.problems;
    throw error;
  }
  throw new Error('the file was accepted');
};

describe('the tariff in effect on a day', () => {
  const all = [tariff('2024-01-01'), tariff('2024-07-01'), tariff('2025-01-01')];

  it('is the latest that has started by then, from its first day', () => {
    expect(tariffOn(all, '2023-12-31')).toBeNull();
    expect(tariffOn(all, '2024-01-01')?.validFrom).toBe('2024-01-01');
    expect(tariffOn(all, '2024-06-30')?.validFrom).toBe('2024-01-01');
    expect(tariffOn(all, '2024-07-01')?.validFrom).toBe('2024-07-01');
    expect(tariffOn([...all].reverse(), '2026-12-07')?.validFrom).toBe('2025-01-01');
  });

  it('may be outdated once it took effect more than a year ago', () => {
    expect(tariffMayBeOutdated(tariff('2024-01-01'), '2024-12-31')).toBe(false);
    expect(tariffMayBeOutdated(tariff('2024-01-01'), '2025-01-01')).toBe(false);
    expect(tariffMayBeOutdated(tariff('2024-01-01'), '2025-01-02')).toBe(true);
    // From 29 February the year runs to 1 March.
    expect(tariffMayBeOutdated(tariff('2024-02-29'), '2025-03-01')).toBe(false);
    expect(tariffMayBeOutdated(tariff('2024-02-29'), '2025-03-02')).toBe(true);
  });
});

describe('a tariff file', () => {
  it('names the field of each problem, in Danish', () => {
    const bad = {
      tariffs: [
        { ...fileEntry('2025-02-30', 300), items: [{ name: 'Første konsultation', patientKr: '300' }] },
        { ...fileEntry('2025-07-01', 300), note: 'Opdatér filen, når et nyt takstkort udkommer.' },
      ],
    };
    const problems = problemsOf(JSON.stringify(bad));
    expect(problems).toContain('tariffs.0.effectiveFrom: er ikke en dato, der findes');
    expect(problems).toContain('tariffs.0.items.0.patientKr: skal være et tal');
    // A field the pages do not know is refused, so a note to maintainers is never stored.
    expect(problems).toContain('tariffs.1: kender ikke "note"');
  });

  it('refuses the same day twice and text that is not JSON', () => {
    expect(problemsOf(JSON.stringify({ tariffs: [fileEntry('2025-01-01', 1), fileEntry('2025-01-01', 2)] }))).toEqual([
      'tariffs.1.effectiveFrom: 2025-01-01 står der mere end én gang i filen',
    ]);
    expect(problemsOf('{ "tariffs": [')[0]).toMatch(/^filen er ikke gyldig JSON/);
  });
});

describe('fysio tariffs import', { timeout: 90_000 }, () => {
  let database: Awaited<ReturnType<typeof cliDatabase>>;
  const dir = mkdtempSync(join(tmpdir(), 'fysio-tariffs-'));
  const write = (name: string, data: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data));
    return path;
  };

  beforeAll(async () => {
    database = await cliDatabase(DEFAULT_TEST_ENGINE);
  });
  afterAll(() => database.drop());

  it('adds a future tariff and replaces one with the same day; a bad file changes nothing', async () => {
    const good = write('takster.json', { tariffs: [fileEntry('2024-01-01', 310), fileEntry('2099-01-01', 400)] });
    const ok = await runFysio(database.url, ['tariffs', 'import', good]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('1 nye, 1 erstattet (gældende fra 1. januar 2024, 1. januar 2099)');

    const bad = write('forkert.json', { tariffs: [fileEntry('2024-01-01', 1), { ...fileEntry('2100-01-01', 1), items: [] }] });
    const refused = await runFysio(database.url, ['tariffs', 'import', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Takstfilen kan ikke bruges');
    expect(refused.stderr).toContain('tariffs.1.items: skal have mindst 1 elementer');

    const missing = await runFysio(database.url, ['tariffs', 'import', join(dir, 'findes-ikke.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('findes ikke');

    const connection = await openDatabase(database.url);
    try {
      const stored = await loadTariffs(connection.db);
      expect(stored.map((t) => [t.validFrom, t.items[0]!.patientKr])).toEqual([
        ['2024-01-01', 310],
        ['2099-01-01', 400],
      ]);
      // Today the replaced 2024 tariff; the future one takes effect by itself on its day.
      expect((await tariffInEffect(connection.db))?.items[0]?.patientKr).toBe(310);
      expect((await tariffInEffect(connection.db, '2099-01-01'))?.items[0]?.patientKr).toBe(400);
    } finally {
      await connection.close();
    }
  });
});

describe('the clinic page', () => {
  let t: TestApp;
  const today = todayInDenmark();
  beforeAll(async () => {
    t = await startTestApp({
      seed: async (db) => {
        const d = await loadDirectory(db);
        await createClinic(db, d, { name: 'Takst Klinik', postcode: '2100', specialties: ['knae'], ydernummer: true });
        await saveTariffs(db, [tariff(today, 321.5), tariff(addDays(today, 1), 999)]);
      },
    });
  });
  afterAll(() => t.destroy());

  it("shows today's tariff with its date, not tomorrow's, and no warning while it is new", async () => {
    const page = await t.app.inject({ method: 'GET', url: '/klinik/takst-klinik' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Takster gældende fra ${formatDanishDate(today)}.`);
    expect(page.body).toContain('321,50\u00a0kr.');
    expect(page.body).not.toContain('999,00\u00a0kr.');
    expect(page.body).not.toContain('priserne kan være ændret siden');
  });
});
