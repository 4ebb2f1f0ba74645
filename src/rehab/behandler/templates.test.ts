import { describe, expect, it } from 'vitest';
import { loadTemplates, parseTemplateFile } from './templates.js';

const file = (items: string, extra = 'sources:\n  - text: Silbernagel KG et al. 2007.\n') => `name: Prøve
summary: En prøve.
weeks: 8
sessionsPerWeek: 3
trainingDays: [1, 3, 5]
${extra}items:
${items}`;

const item = (exercise: string, rest = 'reps: 10\n    load: { kind: bodyweight }\n    rule: none') => `  - exercise: ${exercise}\n    sets: 3\n    ${rest}\n`;

describe('our program templates', () => {
  it('are at least eight, each with sources, 2–4 exercises from our library, and the knee in three levels', () => {
    const templates = loadTemplates();
    expect(templates.length).toBeGreaterThanOrEqual(8);
    for (const t of templates) {
      expect(t.sources.length, t.slug).toBeGreaterThan(0);
      expect(t.body.items.length, t.slug).toBeGreaterThanOrEqual(2);
      expect(t.body.items.length, t.slug).toBeLessThanOrEqual(4);
      expect(t.body.trainingDays.length, t.slug).toBeGreaterThanOrEqual(Math.min(t.body.sessionsPerWeek, 7));
    }
    const slugs = templates.map((t) => t.slug);
    expect(slugs).toEqual(expect.arrayContaining(['knaeartrose-niveau-1', 'knaeartrose-niveau-2', 'knaeartrose-niveau-3', 'laenderyg', 'skulder-subakromiale-smerter', 'achillessene', 'ankel-forstuvning', 'knaeskal-patellofemorale-smerter', 'nakke', 'styrke-aeldre']));
    const achilles = templates.find((t) => t.slug === 'achillessene')!;
    expect(achilles.body.phases.length).toBeGreaterThanOrEqual(3);
    expect(achilles.sources.map((s) => s.text).join(' ')).toContain('Silbernagel');
  });

  it('reports each problem with the file and the field', () => {
    expect(parseTemplateFile('proeve.yaml', file(item('findes-ikke') + item('baekkenloeft')))).toEqual(['proeve.yaml: items.0.exercise: øvelsen findes-ikke findes ikke i data/exercises']);
    expect(parseTemplateFile('proeve.yaml', file(item('baekkenloeft') + item('kat-og-ko', 'reps: 10\n    load: { kind: bodyweight }\n    rule: level')))).toEqual([
      'proeve.yaml: items.1.rule: kat-og-ko har ingen sværere øvelse, så reglen level kan aldrig gå videre',
    ]);
    expect(parseTemplateFile('proeve.yaml', file(item('baekkenloeft') + item('kat-og-ko'), ''))).toEqual(['proeve.yaml: sources: mangler']);
    expect(parseTemplateFile('proeve.yaml', file(item('baekkenloeft')))).toEqual(['proeve.yaml: items: en skabelon har mindst 2 øvelser']);
    const both = parseTemplateFile('proeve.yaml', file(item('baekkenloeft', 'reps: 10\n    hold: 20\n    load: { kind: bodyweight }\n    rule: none') + item('kat-og-ko')));
    expect(both).toEqual(['proeve.yaml: items.0.reps: angiv enten reps eller hold']);
    expect(parseTemplateFile('proeve.yaml', 'name: [')).toEqual([expect.stringMatching(/^proeve\.yaml: ugyldig YAML på linje \d+$/)]);
  });
});
