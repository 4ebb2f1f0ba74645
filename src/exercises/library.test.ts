import { describe, expect, it } from 'vitest';
import { loadExercises, progressionChains } from './load.js';
import { exercisePictures } from './picture.js';
import { VIEW } from './scene.js';
import { BODY_REGION_SLUGS } from './vocabulary.js';

/** The exercise library we ship in data/exercises: complete, linked and drawn. */
const exercises = loadExercises();

describe('the exercise library', () => {
  it('has at least 120 exercises and at least 5 in every body region', () => {
    expect(exercises.length).toBeGreaterThanOrEqual(120);
    const thin = BODY_REGION_SLUGS.filter((region) => exercises.filter((e) => e.regions.includes(region)).length < 5);
    expect(thin).toEqual([]);
  });

  it('has progression chains of at least 4 steps for the knee, hip hinge, calf, rotator cuff, core and balance', () => {
    const chains = progressionChains(exercises).filter((chain) => chain.length >= 4);
    const starts = chains.map((chain) => chain[0]?.slug);
    for (const first of ['rejse-saette-sig-fra-stol', 'hofteboejning-mod-vaeg', 'taahaev-siddende', 'udadrotation-liggende', 'bugspaending-liggende', 'staa-med-samlede-foedder']) {
      expect(starts).toContain(first);
    }
  });
});

describe('exercise pictures', () => {
  const numbers = (svg: string, attribute: string) =>
    [...svg.matchAll(new RegExp(` ${attribute}="(-?[\\d.]+)"`, 'g'))].map((m) => Number(m[1]));

  it.each(exercises.map((e) => [e.slug, e] as const))('%s has a start and an end picture inside the frame', (_slug, exercise) => {
    const pictures = exercisePictures(exercise.pose, { id: exercise.slug, name: exercise.name });
    for (const [which, svg] of Object.entries(pictures)) {
      expect(svg, which).toMatch(/^<svg [^>]*role="img"/);
      expect(svg).toContain(`<title id="${exercise.slug}-${which === 'start' ? 'start' : 'slut'}-titel">${exercise.name.replaceAll('&', '&amp;')}: ${which === 'start' ? 'start' : 'slut'}</title>`);
      expect(svg).toMatch(/<desc id="[^"]+">[^<]{3,}<\/desc>/);
      // 15 body segments seen from the side; the front view adds the two halves of the shoulder girdle.
      const pose = which === 'start' ? exercise.pose.start : exercise.pose.end;
      const limbs = [...svg.matchAll(/<line x1="([\d.-]+)" y1="([\d.-]+)" x2="([\d.-]+)" y2="([\d.-]+)"[^>]* data-del="(\w+)"/g)];
      expect(limbs).toHaveLength(pose.view === 'side' ? 15 : 17);
      for (const [, x1, y1, x2, y2, part] of limbs) expect(Math.hypot(Number(x2) - Number(x1), Number(y2) - Number(y1)), `${which} ${part}`).toBeGreaterThan(1);
      for (const x of [...numbers(svg, 'x1'), ...numbers(svg, 'x2'), ...numbers(svg, 'cx')]) expect(x).toBeGreaterThanOrEqual(0), expect(x).toBeLessThanOrEqual(VIEW.width);
      for (const y of [...numbers(svg, 'y1'), ...numbers(svg, 'y2'), ...numbers(svg, 'cy')]) expect(y).toBeGreaterThanOrEqual(0), expect(y).toBeLessThanOrEqual(VIEW.height);
    }
    expect(pictures.start).not.toEqual(pictures.end.replaceAll('-slut', '-start').replaceAll(': slut', ': start'));
    expect(exercisePictures(exercise.pose, { id: exercise.slug, name: exercise.name })).toEqual(pictures);
  });
});
