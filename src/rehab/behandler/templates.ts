import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { isoNow } from '../../accounts/tokens.js';
import type { Db } from '../../db/engine.js';
import { EXERCISE_DIR, YamlProblem, readYaml } from '../../exercises/load.js';
import { dataPath } from '../../paths.js';
import { danishErrors } from '../../text/zod-danish.js';
import { itemExtrasSchema, weekday } from '../program-model.js';
import { PROGRESSION_RULES, loadSchema } from '../types.js';

/**
 * Program templates: ours, written in `data/programs/{slug}.yaml` and synced into
 * `program_templates` (clinic_id null) at start-up and by `fysio import-programs`, updated by
 * slug; and a clinic's own, saved from one of its programs. A template holds what a program
 * version holds except the exercise names and chains, which come from the library when a
 * program is made from it (so a renamed exercise never goes stale in a template).
 */

export const PROGRAM_TEMPLATE_DIR = dataPath('programs');

const count = (max: number) => z.number().int('skal være et helt tal').min(1, 'skal være mindst 1').max(max, `må højst være ${max}`);

/** One item of a template: the exercise by slug and its dose and rule. */
export const templateItemSchema = z
  .object({
    exercise: z.string().regex(/^[a-z0-9-]{1,200}$/, 'skal være en øvelses-slug'),
    source: itemExtrasSchema.shape.source,
    sets: count(20),
    reps: count(200).nullable(),
    holdSeconds: count(600).nullable(),
    load: loadSchema,
    rule: z.enum(PROGRESSION_RULES, { message: 'skal være load, reps, level eller none' }),
    repCeiling: count(200).nullable(),
    restSeconds: itemExtrasSchema.shape.restSeconds,
    notes: itemExtrasSchema.shape.notes,
  })
  .refine((i) => (i.reps === null) !== (i.holdSeconds === null), { message: 'angiv enten reps eller hold', path: ['reps'] })
  .refine((i) => i.rule !== 'reps' || (i.reps !== null && i.repCeiling !== null && i.repCeiling >= i.reps), {
    message: 'reglen reps kræver reps og et repCeiling, der er mindst lige så højt',
    path: ['repCeiling'],
  });
export type TemplateItem = z.infer<typeof templateItemSchema>;

export const sourceSchema = z.object({ text: z.string().trim().min(1), url: z.string().url().optional() });

/** What a template prescribes (the `body` column). */
export const templateBodySchema = z.object({
  goal: z.string().trim().max(500).default(''),
  weeks: count(104),
  sessionsPerWeek: count(14),
  trainingDays: z.array(weekday).min(1).max(7),
  phases: z.array(z.object({ name: z.string().min(1), text: z.string().min(1) })).default([]),
  items: z.array(templateItemSchema).min(1).max(30),
});
export type TemplateBody = z.infer<typeof templateBodySchema>;

/** The YAML file: short keys (`hold`, `rest`) as people write them. */
const fileItemSchema = z
  .object({
    exercise: z.string(),
    sets: z.number(),
    reps: z.number().optional(),
    hold: z.number().optional(),
    load: z.unknown(),
    rule: z.string(),
    repCeiling: z.number().optional(),
    rest: z.number().optional(),
    notes: z.string().optional(),
  })
  .strict();

const fileSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    summary: z.string().trim().min(1).max(2000),
    weeks: z.number(),
    sessionsPerWeek: z.number(),
    trainingDays: z.array(z.number()),
    goal: z.string().optional(),
    phases: z.array(z.object({ name: z.string(), text: z.string() }).strict()).optional(),
    sources: z.array(sourceSchema).min(1, 'en skabelon skal nævne mindst én kilde'),
    items: z.array(fileItemSchema).min(2, 'en skabelon har mindst 2 øvelser').max(4, 'en skabelon har højst 4 øvelser (kort er bedst for at patienten bliver ved)'),
  })
  .strict();

export interface TemplateFile {
  slug: string;
  name: string;
  summary: string;
  sources: z.infer<typeof sourceSchema>[];
  body: TemplateBody;
}

export class TemplateDataError extends Error {
  constructor(readonly problems: string[]) {
    super(`Programskabelonerne er ugyldige (${problems.length} fejl):\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'TemplateDataError';
  }
}

const where = (issue: z.core.$ZodIssue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ` : '');

/** The harder neighbour of one of our exercises, read from its file (null at the end of a chain), or undefined when there is no such exercise. */
function harderOf(exerciseDir: string, slug: string): string | null | undefined {
  const file = join(exerciseDir, `${slug}.yaml`);
  if (!existsSync(file)) return undefined;
  const harder = (parseYaml(readFileSync(file, 'utf8')) as { harder?: unknown }).harder;
  return typeof harder === 'string' ? harder : null;
}

/** One template file: the template, or its problems (each naming the file and the field). */
export function parseTemplateFile(file: string, source: string, exerciseDir = EXERCISE_DIR): TemplateFile | string[] {
  const slug = basename(file, '.yaml');
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) return [`${file}: filnavnet skal være skabelonens slug (små bogstaver, tal og bindestreg)`];
  const data = readYaml(file, source);
  if (data instanceof YamlProblem) return [data.message];
  const parsed = fileSchema.safeParse(data, { error: danishErrors });
  if (!parsed.success) return parsed.error.issues.map((i) => `${file}: ${where(i)}${i.message}`);
  const f = parsed.data;
  const body = templateBodySchema.safeParse(
    {
      goal: f.goal ?? '',
      weeks: f.weeks,
      sessionsPerWeek: f.sessionsPerWeek,
      trainingDays: f.trainingDays,
      phases: f.phases ?? [],
      items: f.items.map((i) => ({
        exercise: i.exercise,
        source: 'ours',
        sets: i.sets,
        reps: i.reps ?? null,
        holdSeconds: i.hold ?? null,
        load: i.load,
        rule: i.rule,
        repCeiling: i.repCeiling ?? null,
        restSeconds: i.rest ?? null,
        notes: i.notes ?? null,
      })),
    },
    { error: danishErrors },
  );
  if (!body.success) return body.error.issues.map((i) => `${file}: ${where(i)}${i.message}`);
  const problems: string[] = [];
  body.data.items.forEach((item, n) => {
    const harder = harderOf(exerciseDir, item.exercise);
    if (harder === undefined) problems.push(`${file}: items.${n}.exercise: øvelsen ${item.exercise} findes ikke i data/exercises`);
    else if (item.rule === 'level' && harder === null) problems.push(`${file}: items.${n}.rule: ${item.exercise} har ingen sværere øvelse, så reglen level kan aldrig gå videre`);
  });
  if (problems.length > 0) return problems;
  return { slug, name: f.name, summary: f.summary, sources: f.sources, body: body.data };
}

/** Every template in the folder; throws with every problem at once. */
export function loadTemplates(dir = PROGRAM_TEMPLATE_DIR, exerciseDir = EXERCISE_DIR): TemplateFile[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const problems: string[] = [];
  const templates: TemplateFile[] = [];
  for (const file of files) {
    const result = parseTemplateFile(file, readFileSync(join(dir, file), 'utf8'), exerciseDir);
    if (Array.isArray(result)) problems.push(...result);
    else templates.push(result);
  }
  if (files.length === 0) problems.push(`ingen skabeloner i ${dir}`);
  if (problems.length > 0) throw new TemplateDataError(problems);
  return templates;
}

export interface TemplateSyncOutcome {
  created: number;
  updated: number;
  unchanged: number;
  /** Ours no longer in the folder (programs copy their items, so none depends on a template). */
  removed: number;
}

/** Writes our templates into `program_templates` by slug (clinic_id null), in one transaction; ours no longer shipped are removed. */
export async function syncTemplates(db: Db, templates: readonly TemplateFile[], now = Date.now()): Promise<TemplateSyncOutcome> {
  const at = isoNow(now);
  const outcome: TemplateSyncOutcome = { created: 0, updated: 0, unchanged: 0, removed: 0 };
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('program_templates').select(['id', 'slug', 'name', 'summary', 'sources', 'body']).where('clinic_id', 'is', null).execute();
    const bySlug = new Map(existing.map((r) => [r.slug, r]));
    for (const t of templates) {
      const row = { name: t.name, summary: t.summary, sources: JSON.stringify(t.sources), body: JSON.stringify(t.body) };
      const old = bySlug.get(t.slug);
      if (!old) {
        // Another process starting at the same moment may have written it first (0013's index).
        const inserted = await trx
          .insertInto('program_templates')
          .values({ clinic_id: null, slug: t.slug, ...row, created_by: null, created_at: at, updated_at: at })
          .onConflict((oc) => oc.column('slug').where('clinic_id', 'is', null).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) outcome.created += 1;
        else outcome.unchanged += 1;
      } else if (old.name !== row.name || old.summary !== row.summary || old.sources !== row.sources || old.body !== row.body) {
        await trx.updateTable('program_templates').set({ ...row, updated_at: at }).where('id', '=', old.id).execute();
        outcome.updated += 1;
      } else {
        outcome.unchanged += 1;
      }
    }
    const gone = existing.filter((r) => !templates.some((t) => t.slug === r.slug)).map((r) => r.id);
    if (gone.length > 0) {
      await trx.deleteFrom('program_templates').where('id', 'in', gone).execute();
      outcome.removed = gone.length;
    }
  });
  return outcome;
}

/** Reads data/programs and syncs it: at start-up (`prepareSchema`) and by `fysio import-programs`. */
export function importTemplates(db: Db, dir = PROGRAM_TEMPLATE_DIR, now = Date.now()): Promise<TemplateSyncOutcome> {
  return syncTemplates(db, loadTemplates(dir), now);
}
