import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { YAMLParseError, parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { dataPath } from '../paths.js';
import { type Prop, sceneProblems } from './scene.js';
import { type Exercise, exerciseSchema } from './schema.js';
import type { Equipment } from './vocabulary.js';

/**
 * Reads every `{slug}.yaml` in the exercise folder, validates each with the zod schema and then
 * checks the library as a whole: easier/harder links point at existing exercises, are mutual,
 * and the level rises along every chain. All problems are reported at once, in Danish, each
 * naming the file and the field.
 */

export const EXERCISE_DIR = dataPath('exercises');

export class ExerciseDataError extends Error {
  constructor(readonly problems: string[]) {
    super(`Øvelsesdata er ugyldige (${problems.length} fejl):\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'ExerciseDataError';
  }
}

export function loadExercises(dir: string = EXERCISE_DIR): Exercise[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const problems: string[] = [];
  const exercises: Exercise[] = [];
  for (const file of files) {
    const result = parseExerciseFile(file, readFileSync(join(dir, file), 'utf8'));
    if (Array.isArray(result)) problems.push(...result);
    else exercises.push(result);
  }
  if (files.length === 0) problems.push(`ingen øvelser i ${dir}`);
  problems.push(...progressionProblems(exercises));
  if (problems.length > 0) throw new ExerciseDataError(problems);
  return exercises;
}

/** A data file's YAML that does not parse, said with its file and line. */
export class YamlProblem {
  constructor(readonly message: string) {}
}

/** The parsed YAML of one of our data files, or the problem (file and line) in Danish. */
export function readYaml(file: string, source: string): unknown {
  try {
    return parseYaml(source);
  } catch (error) {
    if (error instanceof YAMLParseError) return new YamlProblem(`${file}: ugyldig YAML på linje ${error.linePos?.[0]?.line ?? '?'}`);
    throw error;
  }
}

/** The exercise in one file, or the file's problems. The slug is the file name. */
export function parseExerciseFile(file: string, source: string): Exercise | string[] {
  const slug = basename(file, '.yaml');
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) return [`${file}: filnavnet skal være øvelsens slug (små bogstaver, tal og bindestreg)`];
  const data = readYaml(file, source);
  if (data instanceof YamlProblem) return [data.message];
  const parsed = exerciseSchema.safeParse(data);
  if (!parsed.success) return parsed.error.issues.map((issue) => `${file}: ${fieldName(issue)} ${messageOf(issue)}`);
  const exercise = { slug, ...parsed.data };
  const problems = [...equipmentProblems(exercise), ...sceneProblems(exercise.pose)].map((p) => `${file}: ${p}`);
  return problems.length > 0 ? problems : exercise;
}

function fieldName(issue: z.core.$ZodIssue): string {
  return issue.path.length === 0 ? 'filen' : `feltet "${issue.path.join('.')}"`;
}

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'mangler';
  if (issue.code === 'unrecognized_keys') return `kender ikke ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'too_small' && typeof issue.minimum !== 'undefined' && issue.origin === 'number') return `skal være mindst ${issue.minimum}`;
  if (issue.code === 'too_big' && issue.origin === 'number') return `må højst være ${issue.maximum}`;
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'skal være et helt tal';
  return issue.message;
}

/** Equipment that has a drawing must be in the picture, and the picture shows no other props. */
const PROP_FOR: Partial<Record<Equipment, Prop['kind']>> = {
  elastik: 'band',
  stol: 'chair',
  trappetrin: 'step',
  bold: 'ball',
  haandvaegte: 'dumbbells',
  maatte: 'mat',
  vaeg: 'wall',
};

function equipmentProblems(exercise: Exercise): string[] {
  const drawn = new Set(exercise.pose.props.map((p) => p.kind));
  const listed = new Set(exercise.equipment.map((e) => PROP_FOR[e]).filter(Boolean));
  const problems: string[] = [];
  for (const e of exercise.equipment) {
    const prop = PROP_FOR[e];
    if (prop && !drawn.has(prop)) problems.push(`feltet "equipment" nævner ${e}, men "pose.props" tegner ingen ${prop}`);
  }
  for (const kind of drawn) {
    if (!listed.has(kind)) problems.push(`feltet "pose.props" tegner ${kind}, som ikke står i "equipment"`);
  }
  if (exercise.equipment.includes('ingen') && exercise.equipment.length > 1) problems.push('feltet "equipment" kan ikke både være "ingen" og noget andet');
  return problems;
}

/** Problems with the easier/harder graph; empty when every chain is sound. */
export function progressionProblems(exercises: Exercise[]): string[] {
  const bySlug = new Map(exercises.map((e) => [e.slug, e]));
  const problems: string[] = [];
  for (const e of exercises) {
    const file = `${e.slug}.yaml`;
    for (const [field, back, rises] of [
      ['harder', 'easier', true],
      ['easier', 'harder', false],
    ] as const) {
      const target = e[field];
      if (!target) continue;
      const other = bySlug.get(target);
      if (target === e.slug) problems.push(`${file}: feltet "${field}" peger på øvelsen selv`);
      else if (!other) problems.push(`${file}: feltet "${field}" peger på "${target}", som ikke findes`);
      else if (other[back] !== e.slug) problems.push(`${file}: feltet "${field}" peger på "${target}", men ${target}.yaml har ${back}: ${other[back] ?? 'ingen'} (skal være ${e.slug})`);
      else if (rises ? other.level <= e.level : other.level >= e.level) {
        problems.push(`${file}: feltet "${field}" peger på "${target}" med niveau ${other.level}, men niveauet skal ${rises ? 'stige' : 'falde'} fra ${e.level}`);
      }
    }
  }
  return problems;
}

/** Every chain from its easiest exercise, in order; exercises without links form no chain. */
export function progressionChains(exercises: Exercise[]): Exercise[][] {
  const bySlug = new Map(exercises.map((e) => [e.slug, e]));
  const chains: Exercise[][] = [];
  for (const first of exercises.filter((e) => !e.easier && e.harder)) {
    const chain = [first];
    let next = first.harder ? bySlug.get(first.harder) : undefined;
    while (next && !chain.includes(next)) {
      chain.push(next);
      next = next.harder ? bySlug.get(next.harder) : undefined;
    }
    chains.push(chain);
  }
  return chains;
}
