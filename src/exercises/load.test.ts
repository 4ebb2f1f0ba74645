import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ExerciseDataError, loadExercises } from './load.js';

function exercise(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Knæbøjning',
    regions: ['knae'],
    equipment: ['ingen'],
    level: 2,
    startPosition: 'Stå med fødderne i hoftebreddes afstand.',
    steps: ['Bøj i knæene.', 'Rejs dig op igen.'],
    feel: 'Arbejde foran på lårene.',
    mistakes: ['Hælene løfter sig.'],
    stopIf: 'Stop ved skarpe smerter.',
    dose: { sets: 3, reps: 10, perWeek: 3 },
    pose: {
      start: { label: 'Stående' },
      end: { label: 'Nede i knæbøj', torso: 40, hip: 100, knee: 100, ankle: 25 },
    },
    ...overrides,
  };
}

describe('loadExercises', () => {
  let dir: string;
  const write = (slug: string, data: unknown) => writeFileSync(join(dir, `${slug}.yaml`), typeof data === 'string' ? data : stringify(data));
  const problems = () => {
    try {
      loadExercises(dir);
    } catch (error) {
      if (error instanceof ExerciseDataError) return error.problems;
      throw error;
    }
    return [];
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'oevelser-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a chain of exercises with the file name as slug and defaults filled in', () => {
    write('let', exercise({ level: 1, harder: 'svaer' }));
    write('svaer', exercise({ level: 3, easier: 'let' }));
    const loaded = loadExercises(dir);
    expect(loaded.map((e) => e.slug)).toEqual(['let', 'svaer']);
    expect(loaded[0]?.pose.start.hip).toEqual([0, 0]);
    expect(loaded[0]?.dose.perSide).toBe(false);
  });

  it('names the file and the field of every problem, in Danish', () => {
    write('uden-navn', exercise({ name: undefined, regions: ['knaeet'], dose: { sets: 3, perWeek: 3 }, level: 7, farve: 'rød' }));
    expect(problems()).toEqual(
      expect.arrayContaining([
        'uden-navn.yaml: feltet "name" mangler',
        expect.stringMatching(/^uden-navn\.yaml: feltet "regions\.0" skal være en af nakke, skulder, .*kondition$/),
        'uden-navn.yaml: feltet "dose" skal have enten "reps" eller "holdSeconds" (ikke begge)',
        'uden-navn.yaml: feltet "level" må højst være 5',
        'uden-navn.yaml: filen kender ikke "farve"',
      ]),
    );
  });

  it('reports broken YAML with its line, and a file name that is not a slug', () => {
    write('oedelagt', 'name: Knæbøjning\nsteps: [a, b\nlevel: 2\n');
    writeFileSync(join(dir, 'Knæbøj.yaml'), stringify(exercise()));
    expect(problems()).toEqual([
      'Knæbøj.yaml: filnavnet skal være øvelsens slug (små bogstaver, tal og bindestreg)',
      expect.stringMatching(/^oedelagt\.yaml: ugyldig YAML på linje \d+$/),
    ]);
  });

  it('rejects links to missing exercises, one-way links and levels that do not rise', () => {
    write('a', exercise({ level: 2, harder: 'b' }));
    write('b', exercise({ level: 2, easier: 'a' }));
    write('c', exercise({ level: 3, harder: 'findes-ikke' }));
    write('d', exercise({ level: 4, easier: 'c' }));
    expect(problems().sort()).toEqual([
      'a.yaml: feltet "harder" peger på "b" med niveau 2, men niveauet skal stige fra 2',
      'b.yaml: feltet "easier" peger på "a" med niveau 2, men niveauet skal falde fra 2',
      'c.yaml: feltet "harder" peger på "findes-ikke", som ikke findes',
      'd.yaml: feltet "easier" peger på "c", men c.yaml har harder: findes-ikke (skal være d)',
    ]);
  });

  it('requires drawn equipment to be in the picture and nothing else', () => {
    write('elastik-uden-elastik', exercise({ equipment: ['elastik'] }));
    write('stol-uden-stol', exercise({ pose: { ...exercise().pose, props: ['chair front'] } }));
    expect(problems().sort()).toEqual([
      'elastik-uden-elastik.yaml: feltet "equipment" nævner elastik, men "pose.props" tegner ingen band',
      'stol-uden-stol.yaml: feltet "pose.props" tegner chair, som ikke står i "equipment"',
    ]);
  });

  it('rejects pictures that are degenerate: identical, outside the frame, below the floor or with an unknown prop', () => {
    write('ens', exercise({ pose: { start: { label: 'Stående' }, end: { label: 'Også stående' } } }));
    write('for-hoej', exercise({ pose: { props: [], start: { label: 'På trin', on: 'step', shoulder: 180 }, end: { label: 'Stående' } } }));
    write('under-gulvet', exercise({ equipment: ['trappetrin'], pose: { props: ['step'], start: { label: 'Ét ben på trinnet', on: 'step', hip: [90, 0], knee: [90, 0] }, end: { label: 'Stående' } } }));
    write('ukendt-rekvisit', exercise({ pose: { ...exercise().pose, props: ['trampolin'] } }));
    const found = problems();
    expect(found).toContain('ens.yaml: feltet "pose": start- og slutstillingen er ens');
    expect(found).toContain('under-gulvet.yaml: feltet "pose.start": figuren går ned under gulvet');
    expect(found).toContain('ukendt-rekvisit.yaml: feltet "pose.props.0" ukendt rekvisit "trampolin" (kendte: mat, chair, step, ball, band, wall, dumbbells)');
    expect(found.filter((p) => p.startsWith('for-hoej.yaml'))).toEqual(['for-hoej.yaml: feltet "pose.start": tegningen går uden for billedet']);
  });
});
