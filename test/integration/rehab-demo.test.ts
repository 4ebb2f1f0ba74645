import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../src/accounts/demo-users.js';
import { seedDemoData } from '../../src/bootstrap.js';
import { adherenceOver, plannedGapDays } from '../../src/rehab/adherence.js';
import { DEMO_REHAB_PEOPLE } from '../../src/rehab/demo.js';
import { worklistFor } from '../../src/rehab/followup/worklist.js';
import { checkInsOf, logsOf } from '../../src/rehab/logs.js';
import { currentVersion, programById, versionsOf } from '../../src/rehab/programs.js';
import { proposalsOf } from '../../src/rehab/proposals.js';
import { answerDays, dueQuestionnaires, schedulesOf } from '../../src/rehab/questionnaire-schedule.js';
import { daysBetween, todayInDenmark } from '../../src/text/dates.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { ENGINES } from '../helpers/database.js';

/**
 * The genoptræning demo: five patients whose 8 weeks, played through the real rules, show every
 * reason the behandler's worklist names and every kind of proposal; seeded once.
 */

for (const engine of ENGINES) {
  describe(`the genoptræning demo on ${engine}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ engine, demo: true, demoClinics: 3, rehabDemo: true });
    }, 120_000);
    afterAll(() => t?.destroy());

    const programs = async () => {
      const emails = [DEMO_PEOPLE.find((p) => p.role === 'patient')!.email, ...DEMO_REHAB_PEOPLE.filter((p) => p.role === 'patient').map((p) => p.email)];
      const rows = await t.database.db
        .selectFrom('programs')
        .innerJoin('users', 'users.id', 'programs.patient_id')
        .select(['programs.id', 'users.email'])
        .where('users.email', 'in', emails)
        .orderBy('programs.id')
        .execute();
      return rows;
    };

    it('gives five patients at the demo clinic programs from two checked behandlere, with the agreement accepted', async () => {
      const db = t.database.db;
      const rows = await programs();
      expect(rows).toHaveLength(5);
      const all = await Promise.all(rows.map(async (r) => (await programById(db, r.id))!));
      expect(new Set(all.map((p) => p.clinicId)).size).toBe(1);
      expect(new Set(all.map((p) => p.behandlerId)).size).toBe(2);
      expect(all.every((p) => p.status === 'aktiv')).toBe(true);
      const clinicId = all[0]!.clinicId;
      expect(await db.selectFrom('clinic_dpa_acceptances').select('id').where('clinic_id', '=', clinicId).execute()).toHaveLength(1);
      const checked = await db.selectFrom('behandler_profiles').select('user_id').where('user_id', 'in', [...new Set(all.map((p) => p.behandlerId))]).where('checked_at', 'is not', null).execute();
      expect(checked).toHaveLength(2);
    });

    it('shows every worklist reason and stores every kind of proposal, with questionnaire answers over time', async () => {
      const db = t.database.db;
      const today = todayInDenmark();
      const reasons = new Set<string>();
      const kinds = new Set<string>();
      for (const { id } of await programs()) {
        const program = (await programById(db, id))!;
        const version = await currentVersion(db, program);
        const logs = await logsOf(db, id);
        const checkIns = await checkInsOf(db, id);
        expect(daysBetween(logs[0]!.date, today)).toBeGreaterThanOrEqual(7 * 8 - 7);
        const last = logs.at(-1)!;
        if (daysBetween(last.date, today) > plannedGapDays(version.sessionsPerWeek) + 2) reasons.add('no-log');
        if ((last.maxPain ?? 0) > 5) reasons.add('pain-above-5');
        if (checkIns.at(-1)?.compared === 'vaerre' && checkIns.at(-1)!.date >= last.date) reasons.add('worse-morning');
        if ((adherenceOver(logs, version, today) ?? 1) < 0.5) reasons.add('adherence-under-50');
        if ((await proposalsOf(db, id, 'afventer')).length > 0) reasons.add('pending-proposal');
        const due = dueQuestionnaires(await schedulesOf(db, [id]), version, (await answerDays(db, [id])).map((a) => a), today);
        if (due.length > 0) reasons.add('questionnaire-due');
        for (const p of await proposalsOf(db, id)) {
          const { direction, change } = p.proposal;
          kinds.add(direction === 'increase' ? `increase-${change!.kind}` : direction);
        }
        expect((await answerDays(db, [id])).filter((a) => a.instrument === 'nprs').length).toBeGreaterThanOrEqual(3);
      }
      expect([...reasons].sort()).toEqual(['adherence-under-50', 'no-log', 'pain-above-5', 'pending-proposal', 'questionnaire-due', 'worse-morning']);
      expect([...kinds].sort()).toEqual(['hold', 'increase-level', 'increase-load', 'increase-reps', 'reduce']);
      // Accepted proposals made new versions, each with its reason.
      const lene = (await programs())[0]!;
      const versions = await versionsOf(db, lene.id);
      expect(versions.length).toBeGreaterThanOrEqual(4);
      expect(versions.slice(1).every((v) => v.changeNote.startsWith('Forslag accepteret:'))).toBe(true);
    });

    it('the behandlere’s own worklists name every reason', async () => {
      const db = t.database.db;
      const today = todayInDenmark();
      const behandlere = [...new Set(await Promise.all((await programs()).map(async (p) => (await programById(db, p.id))!.behandlerId)))];
      const kinds = new Set<string>();
      for (const id of behandlere) {
        const user = await db.selectFrom('users').select(['id', 'name']).where('id', '=', id).executeTakeFirstOrThrow();
        const list = await worklistFor(db, { kind: 'user', id: user.id, role: 'patient', name: user.name, emailVerified: true, sessionId: 0 }, today);
        for (const row of list.rows) for (const r of row.reasons) kinds.add(r.kind);
      }
      expect([...kinds].sort()).toEqual(['low-adherence', 'no-log', 'pain', 'proposal', 'questionnaire', 'worse-morning']);
    });

    it('adds nothing at the next start', async () => {
      const db = t.database.db;
      const tables = ['users', 'programs', 'program_versions', 'session_logs', 'check_ins', 'proposals', 'questionnaire_answers', 'clinic_memberships', 'behandler_profiles'] as const;
      const counts = () => Promise.all(tables.map(async (table) => (await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n));
      const before = await counts();
      const again = await seedDemoData(t.database, 3);
      expect(again.rehabPrograms).toBe(0);
      expect(await counts()).toEqual(before);
    });
  });
}
