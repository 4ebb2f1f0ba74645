import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audit } from '../../../accounts/audit.js';
import { displayName, userNames } from '../../../accounts/users.js';
import { danishErrors } from '../../../text/zod-danish.js';
import { csrfField } from '../../../web/csrf-field.js';
import { parseInput } from '../../../web/errors.js';
import { renderDocument } from '../../../web/layout.js';
import { sendHtml } from '../../../web/respond.js';
import { changeLogFor } from '../change-log.js';
import { addClosure, closureFormSchema, removeClosure, upcomingClosures } from '../closures.js';
import { ownedClinicById, saveProfile } from '../profile.js';
import { type FormBody, formBodySchema, profileFormValues, readProfileForm } from '../profile-form.js';
import { PERIODS, type Period, clinicStatistics, statisticsCsv } from '../statistics.js';
import { ChangeLogPage, ClosuresPage, StatisticsPage } from '../views/clinic-pages.js';
import { ProfilePage } from '../views/profile-page.js';
import { ownerClinicPath } from '../views/parts.js';
import { type OwnerDeps, actorOf, flashOf, managedClinic, orBusy, pageQuery, signedIn, slugParams } from './access.js';

const BODY_LIMIT = 128 * 1024;
const periodQuery = z.object({ periode: z.coerce.number().pipe(z.union(PERIODS.map((p) => z.literal(p)) as [z.ZodLiteral<30>, z.ZodLiteral<90>, z.ZodLiteral<365>])).default(30) });
const closureParams = slugParams.extend({ id: z.coerce.number().int().min(1) });

/** One clinic's pages for its owners (and administrators): profile, closures, statistics, change log. */
export async function ownerClinicRoutes(app: FastifyInstance, { db, ctx, directory, clinicChanges }: OwnerDeps) {
  const profilePage = async (clinicId: number, values: FormBody | null, errors: Record<string, string>, flash: string | null, request: Parameters<typeof csrfField>[0]) => {
    const clinic = (await ownedClinicById(db, directory, clinicId))!;
    return renderDocument(
      <ProfilePage
        ctx={ctx}
        clinic={clinic}
        values={values ?? profileFormValues(clinic.profile)}
        errors={errors}
        specialties={directory.specialties}
        acceptingStatedOn={clinic.acceptingStatedOn}
        csrf={csrfField(request)}
        flash={flash}
      />,
    );
  };

  app.get('/klinikejer/klinik/:slug', signedIn, async (request, reply) => {
    const clinic = await managedClinic(db, request, request.params);
    return sendHtml(reply, await profilePage(clinic.id, null, {}, flashOf(request.query), request), 'no-store');
  });

  app.post('/klinikejer/klinik/:slug', { ...signedIn, bodyLimit: BODY_LIMIT }, async (request, reply) => {
    const clinic = await managedClinic(db, request, request.params);
    const actor = actorOf(request);
    const body = parseInput(formBodySchema, request.body ?? {});
    const { profile, errors } = readProfileForm(body, directory.specialties);
    if (!profile) return sendHtml(reply.status(400), await profilePage(clinic.id, body, errors, null, request), 'no-store');
    const changes = await orBusy(db, () =>
      clinicChanges.write(db, clinic.id, async (trx) => {
        const current = (await ownedClinicById(trx, directory, clinic.id))!;
        const changed = await saveProfile(trx, directory, current, profile, actor.id);
        if (changed.length > 0) {
          await audit(trx, { actorId: actor.id, action: 'clinic.updated', subjectType: 'clinic', subjectId: clinic.id, details: { fields: changed.map((c) => c.field) }, address: request.ip });
        }
        return { changed: changed.length > 0, result: changed };
      }),
    );
    return reply.redirect(`${ownerClinicPath(clinic.slug)}?besked=${changes.length > 0 ? 'gemt' : 'uaendret'}`, 303);
  });

  app.get('/klinikejer/klinik/:slug/aendringer', signedIn, async (request, reply) => {
    const clinic = await managedClinic(db, request, request.params);
    const { side } = parseInput(pageQuery, request.query);
    const { changes, total } = await changeLogFor(db, clinic.id, side);
    const names = await userNames(db, changes.flatMap((c) => (c.userId === null ? [] : [c.userId])));
    const html = renderDocument(<ChangeLogPage ctx={ctx} clinic={clinic} changes={changes} total={total} page={side} names={(id) => displayName(names, id)} />);
    return sendHtml(reply, html, 'no-store');
  });

  app.get('/klinikejer/klinik/:slug/statistik', signedIn, async (request, reply) => {
    const clinic = await managedClinic(db, request, request.params);
    const { periode } = parseInput(periodQuery, request.query);
    const stats = await clinicStatistics(db, clinic.id, periode as Period);
    return sendHtml(reply, renderDocument(<StatisticsPage ctx={ctx} clinic={clinic} stats={stats} />), 'no-store');
  });

  app.get('/klinikejer/klinik/:slug/statistik.csv', signedIn, async (request, reply) => {
    const clinic = await managedClinic(db, request, request.params);
    const { periode } = parseInput(periodQuery, request.query);
    const stats = await clinicStatistics(db, clinic.id, periode as Period);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="statistik-${clinic.slug}-${stats.from}-${stats.to}.csv"`)
      .type('text/csv; charset=utf-8')
      .send(statisticsCsv(stats));
  });

  const closuresPage = async (clinic: { id: number; slug: string; name: string }, values: Record<string, string>, errors: Record<string, string>, flash: string | null, request: Parameters<typeof csrfField>[0]) =>
    renderDocument(
      <ClosuresPage ctx={ctx} clinic={clinic} closures={await upcomingClosures(db, clinic.id)} values={values} errors={errors} csrf={() => csrfField(request)} flash={flash} />,
    );

  app.get('/klinikejer/klinik/:slug/lukkedage', signedIn, async (request, reply) => {
    const clinic = await managedClinic(db, request, request.params);
    return sendHtml(reply, await closuresPage(clinic, {}, {}, flashOf(request.query), request), 'no-store');
  });

  app.post('/klinikejer/klinik/:slug/lukkedage', { ...signedIn, bodyLimit: 16 * 1024 }, async (request, reply) => {
    const clinic = await managedClinic(db, request, request.params);
    const actor = actorOf(request);
    const body = parseInput(formBodySchema, request.body ?? {});
    const values = { starts_on: body.starts_on ?? '', ends_on: body.ends_on ?? '', note: body.note ?? '' };
    const parsed = closureFormSchema.safeParse(values, { error: danishErrors });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'starts_on')] ??= issue.message;
      return sendHtml(reply.status(400), await closuresPage(clinic, values, errors, null, request), 'no-store');
    }
    await orBusy(db, () =>
      clinicChanges.write(db, clinic.id, async (trx) => {
        const id = await addClosure(trx, clinic.id, parsed.data, actor.id);
        await audit(trx, { actorId: actor.id, action: 'clinic.closure_added', subjectType: 'clinic', subjectId: clinic.id, details: { closureId: id }, address: request.ip });
        return { changed: true, result: id };
      }),
    );
    return reply.redirect(`${ownerClinicPath(clinic.slug, 'lukkedage')}?besked=tilfoejet`, 303);
  });

  app.post('/klinikejer/klinik/:slug/lukkedage/:id/slet', { ...signedIn, bodyLimit: 4 * 1024 }, async (request, reply) => {
    const clinic = await managedClinic(db, request, request.params);
    const actor = actorOf(request);
    const { id } = parseInput(closureParams, request.params);
    await orBusy(db, () =>
      clinicChanges.write(db, clinic.id, async (trx) => {
        const removed = await removeClosure(trx, clinic.id, id, actor.id);
        if (removed) await audit(trx, { actorId: actor.id, action: 'clinic.closure_removed', subjectType: 'clinic', subjectId: clinic.id, details: { closureId: id }, address: request.ip });
        return { changed: removed, result: removed };
      }),
    );
    return reply.redirect(`${ownerClinicPath(clinic.slug, 'lukkedage')}?besked=fjernet`, 303);
  });
}
