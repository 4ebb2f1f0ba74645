import { dirname } from 'node:path';
import type { FileResult } from '../content/import/import-files.js';
import type { TitleRule } from '../content/import/draft.js';

/** What the import prints: one line per file, its warnings indented below it, and the summary. */

const TITLE_RULE: Record<TitleRule, string> = {
  title: 'titel fra feltet title',
  h1: 'titel fra første H1',
  metaTitle: 'titel fra metaTitle',
  filename: 'titel fra filnavnet',
  export: 'titel fra eksportens overskrift',
};

const SLUG_RULE = { frontmatter: 'slug fra feltet slug', file: 'slug fra filnavnet', title: null } as const;

export function fileLines(result: FileResult): string[] {
  if (result.status === 'rejected') return [`afvist ${result.file}: ${result.reason}`];
  const n = result.warnings.length;
  const label = `${result.status === 'imported' ? 'importeret' : 'opdateret'}${n > 0 ? ` med advarsler (${n})` : ''}`;
  const rules = [TITLE_RULE[result.titleRule], SLUG_RULE[result.slugRule]].filter(Boolean).join(', ');
  return [
    `${label} ${result.file} → ${result.url} (${rules})`,
    ...result.warnings.map((w) => `    ${w.line === null ? '' : `linje ${w.line}: `}${w.message}`),
  ];
}

export function summaryLines(results: readonly FileResult[], seconds: number, dryRun: boolean): string[] {
  const count = (status: FileResult['status'], warned: boolean) =>
    results.filter((r) => r.status === status && (r.status === 'rejected' || r.warnings.length > 0 === warned)).length;
  const warnings = results.reduce((sum, r) => sum + (r.status === 'rejected' ? 0 : r.warnings.length), 0);
  const updatedWarned = count('updated', true);
  const counts = [
    `${count('imported', false)} importeret`,
    `${count('imported', true)} importeret med advarsler`,
    `${count('updated', false)} opdateret`,
    ...(updatedWarned > 0 ? [`${updatedWarned} opdateret med advarsler`] : []),
    `${count('rejected', false)} afvist`,
  ];
  const lines = [
    `${results.length} ${results.length === 1 ? 'fil' : 'filer'}: ${counts.join(', ')} ` +
      `(${warnings} ${warnings === 1 ? 'advarsel' : 'advarsler'}, ${seconds.toFixed(1).replace('.', ',')} s)`,
  ];
  const resolved = results.reduce((n, r) => n + (r.status === 'rejected' ? 0 : r.warnings.filter((w) => w.resolvedLater).length), 0);
  if (resolved > 0) {
    lines.push(`${resolved} ${resolved === 1 ? 'link' : 'links'} til det gamle site fik ${resolved === 1 ? 'sit' : 'deres'} mål senere i kørslen og er rettet til vores adresse.`);
  }
  const hint = slugFromFileHint(results);
  if (hint) lines.push(hint);
  if (dryRun) lines.push('Prøvekørsel (--dry-run): intet er gemt.');
  return lines;
}

/** Folders of 3+ files where most file names differ from their titles' slugs. */
export function slugFromFileHint(results: readonly FileResult[]): string | null {
  const folders = new Map<string, { files: number; differ: number }>();
  for (const r of results) {
    if (r.status === 'rejected' || r.slugRule !== 'title') continue;
    const entry = folders.get(dirname(r.file)) ?? { files: 0, differ: 0 };
    entry.files++;
    if (r.fileNameDiffers) entry.differ++;
    folders.set(dirname(r.file), entry);
  }
  const noted = [...folders].filter(([, f]) => f.files >= 3 && f.differ > f.files / 2);
  if (noted.length === 0) return null;
  const where = noted.map(([dir, f]) => `${dir} (${f.differ} af ${f.files})`).join(', ');
  return (
    `Bemærk: de fleste filnavne i ${where} er ikke deres titels slug, så adresserne er dannet af titlerne. ` +
    'Hvis filnavnene er sidernes adresser på det gamle site, så importér med --slug-from file.'
  );
}
