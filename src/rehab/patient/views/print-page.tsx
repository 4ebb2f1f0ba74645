import { formatDanishDate } from '../../../text/dates.js';
import type { ViewContext } from '../../../web/layout.js';
import type { Program, ProgramVersion } from '../../programs.js';
import { describeDose, describeTrainingDays } from '../../views/dose.js';
import type { ItemMedia } from '../exercise-pictures.js';
import { lastDayOf } from '../plan.js';
import { PatientLayout, programPath } from './parts.js';

/** The program on paper (A4): the exercises with pictures and doses, and a week grid to tick off. */
export function PrintPage(props: { ctx: ViewContext; program: Program; version: ProgramVersion; clinicName: string; behandlerName: string; media: Map<string, ItemMedia> }) {
  const { ctx, program, version, media } = props;
  const weeks = Math.min(version.weeks, 12);
  return (
    <PatientLayout ctx={ctx} title="Udskriv programmet" path={programPath(program.id, 'print')} crumbs={[{ name: 'Dit træningsprogram', path: programPath(program.id) }]}>
      <div class="patient-print">
        <p class="print-hide">
          Brug din browsers udskriftsfunktion (fx Ctrl+P eller ⌘+P). Siden er sat op til A4. <a href={programPath(program.id)}>Tilbage til programmet</a>
        </p>
        <h1>Træningsprogram</h1>
        <p class="print-goal">
          <strong>Mål:</strong> {version.goal}
        </p>
        <p>
          Fra {props.behandlerName}, {props.clinicName}. {version.sessionsPerWeek} {version.sessionsPerWeek === 1 ? 'gang' : 'gange'} om ugen (
          {describeTrainingDays(version.trainingDays)}), {formatDanishDate(version.startDate)} – {formatDanishDate(lastDayOf(version))}.
        </p>
        <ol class="print-items">
          {version.items.map((item) => {
            const { pictures, photo } = media.get(item.id) ?? { pictures: null, photo: null };
            return (
              <li key={item.id} class="print-item">
                <div class="print-item-text">
                  <h2>{item.name}</h2>
                  <p class="program-dose">{describeDose(item)}</p>
                  {item.notes && <p>{item.notes}</p>}
                </div>
                {photo ? (
                  <div class="print-pictures print-photo">
                    <img src={photo.src} alt={photo.alt} width={photo.size?.width} height={photo.size?.height} />
                  </div>
                ) : pictures && (
                  <div class="print-pictures">
                    <div dangerouslySetInnerHTML={{ __html: pictures.start }} />
                    <div dangerouslySetInnerHTML={{ __html: pictures.end }} />
                  </div>
                )}
              </li>
            );
          })}
        </ol>
        <table class="print-grid">
          <caption>Sæt kryds, når du har trænet{weeks < version.weeks ? ` (uge 1–${weeks} af ${version.weeks}; udskriv igen til resten)` : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Uge</th>
              {Array.from({ length: version.sessionsPerWeek }, (_, i) => (
                <th scope="col" key={i}>
                  {i + 1}. gang
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: weeks }, (_, w) => (
              <tr key={w}>
                <th scope="row">{w + 1}</th>
                {Array.from({ length: version.sessionsPerWeek }, (_, i) => (
                  <td key={i}>☐</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p class="print-rule">Smerte under øvelserne: 0–2 er sikkert, 3–5 er acceptabelt, over 5 er for meget. Smerten skal have lagt sig næste morgen.</p>
      </div>
    </PatientLayout>
  );
}
