import type { ViewContext } from '../../../web/layout.js';
import type { PrescribedItem } from '../../program-model.js';
import type { Program, ProgramVersion } from '../../programs.js';
import { describeDose, describeTrainingDays } from '../../views/dose.js';
import type { ItemMedia } from '../exercise-pictures.js';
import { lastDayOf } from '../plan.js';
import type { ProgramStatus } from '../program-status.js';
import { dayWithWeekday } from './day-text.js';
import { PatientLayout, PatientNotice, programPath } from './parts.js';
import { formatDanishDate } from '../../../text/dates.js';

/**
 * /min-side/program/{id}: mobile first. What to do today (or when next), a reduction said at
 * once in plain Danish, then each exercise with its pictures, dose in words and notes.
 */

export interface ProgramPageProps {
  ctx: ViewContext;
  program: Program;
  version: ProgramVersion;
  clinicName: string;
  behandlerName: string;
  status: ProgramStatus;
  media: Map<string, ItemMedia>;
  notice: string | null;
  /** The session just saved had pain above 5 (shown even when the rules read a later session). */
  painAboveFive: boolean;
}

export const WHAT_NOW =
  'Hold pause fra øvelsen resten af dagen, hvis den stadig gør ondt. Er smerten ikke faldet til dit normale i morgen tidlig, eller bliver den værre, så kontakt din behandler.';

export function ProgramPage(props: ProgramPageProps) {
  const { ctx, program, version, status, media } = props;
  const itemName = new Map(version.items.map((i) => [i.id, i.name]));
  const painReduction = status.reductions.some((r) => r.rule === 'pain-during');
  return (
    <PatientLayout ctx={ctx} title="Dit træningsprogram" path={programPath(program.id)}>
      {props.notice && <PatientNotice tone="success">{props.notice}</PatientNotice>}
      {(status.reductions.length > 0 || props.painAboveFive) && (
        <PatientNotice tone="warning" title={painReduction || props.painAboveFive ? 'Smerten var over 5 – tag det lettere' : 'Tag det lettere'}>
          {status.reductions.map((r) => (
            <p key={r.itemId}>
              <strong>{itemName.get(r.itemId)}:</strong> {r.text}
            </p>
          ))}
          {props.painAboveFive && !painReduction && <p>Du havde mere end 5 ud af 10 i smerte under træningen. Det er mere, end øvelserne bør gøre ondt.</p>}
          <p>{WHAT_NOW}</p>
        </PatientNotice>
      )}
      <h1>Dit træningsprogram</h1>
      <p class="lede">{version.goal}</p>
      <p class="program-from">
        Fra {props.behandlerName}, {props.clinicName}. {version.sessionsPerWeek} {version.sessionsPerWeek === 1 ? 'gang' : 'gange'} om ugen
        ({describeTrainingDays(version.trainingDays)}) fra {formatDanishDate(version.startDate)} til {formatDanishDate(lastDayOf(version))}.
      </p>

      <section class="today" aria-labelledby="i-dag">
        <h2 id="i-dag">{status.trainingToday ? `I dag, ${dayWithWeekday(status.today)}` : status.started ? 'Næste træning' : 'Før du begynder'}</h2>
        <p>
          {!status.started
            ? `Dit program starter ${dayWithWeekday(version.startDate)}. Indtil da kan du se øvelserne herunder.`
            : status.ended
            ? 'Programmet er slut. Tal med din behandler om, hvad du skal nu.'
            : status.trainingToday
              ? status.loggedToday
                ? 'Du har registreret dagens træning. Godt gået.'
                : 'I dag er en træningsdag. Lav øvelserne herunder, og registrér bagefter, hvordan det gik.'
              : status.nextTraining
                ? `Din næste træningsdag er ${dayWithWeekday(status.nextTraining)}. I dag er en hviledag, men du kan godt registrere træning, hvis du har trænet alligevel.`
                : 'Der er ikke flere træningsdage i programmet.'}
        </p>
        <p class="patient-actions">
          {status.started && (
            <a class="button button-big" href={programPath(program.id, 'log')}>
              Registrér træning
            </a>
          )}
          <a class={`button button-big ${status.checkInDue ? '' : 'button-secondary'}`} href={programPath(program.id, 'morgen')}>
            Morgentjek{status.checkedInToday ? ' (udfyldt i dag)' : ''}
          </a>
        </p>
        {status.checkInDue && <p>Du trænede i går. Fortæl, hvordan det føles i dag: smerten morgenen efter siger, om belastningen passer.</p>}
      </section>

      <section aria-labelledby="oevelser">
        <h2 id="oevelser">Øvelserne</h2>
        <ol class="program-items">
          {version.items.map((item, i) => (
            <Item key={item.id} item={item} index={i} media={media.get(item.id)} />
          ))}
        </ol>
      </section>

      <nav class="program-links" aria-label="Mere om programmet">
        <ul>
          <li>
            <a href={programPath(program.id, 'historik')}>Din historik: smerte, belastning og træninger</a>
          </li>
          <li>
            <a href={programPath(program.id, 'spoergeskemaer')}>Spørgeskemaer fra din behandler</a>
          </li>
          <li>
            <a href={programPath(program.id, 'paamindelser')}>Påmindelser på e-mail</a>
          </li>
          <li>
            <a href={programPath(program.id, 'deling')}>Hvem på klinikken ser programmet</a>
          </li>
          <li>
            <a href={programPath(program.id, 'print')}>Udskriv programmet</a>
          </li>
          <li>
            <a href={programPath(program.id, 'kalender.ics')} download={`traeningsprogram-${program.id}.ics`}>
              Læg træningsdagene i din kalender (.ics)
            </a>{' '}
            <span class="hint">(kl. 17–17.30; du kan flytte dem i kalenderen)</span>
          </li>
        </ul>
      </nav>
    </PatientLayout>
  );
}

function Item({ item, index, media }: { item: PrescribedItem; index: number; media: ItemMedia | undefined }) {
  const headingId = `oevelse-${index + 1}`;
  return (
    <li class="program-item">
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>{item.name}</h3>
        <p class="program-dose">{describeDose(item)}</p>
        {media?.photo ? (
          <figure class="program-photo">
            <img src={media.photo.src} alt={media.photo.alt} width={media.photo.size?.width} height={media.photo.size?.height} />
          </figure>
        ) : media?.pictures && (
          <div class="program-pictures">
            <figure>
              <div dangerouslySetInnerHTML={{ __html: media.pictures.start }} />
              <figcaption>
                <strong>Start:</strong> {media.pictures.startLabel}
              </figcaption>
            </figure>
            <figure>
              <div dangerouslySetInnerHTML={{ __html: media.pictures.end }} />
              <figcaption>
                <strong>Slut:</strong> {media.pictures.endLabel}
              </figcaption>
            </figure>
          </div>
        )}
        {item.notes && (
          <p class="program-notes">
            <strong>Fra din behandler:</strong> {item.notes}
          </p>
        )}
        {media?.clinicInstructions && (
          <details class="clinic-instructions">
            <summary>Sådan gør du</summary>
            {media.clinicInstructions.startPosition && (
              <p>
                <strong>Start:</strong> {media.clinicInstructions.startPosition}
              </p>
            )}
            {media.clinicInstructions.steps.length > 0 && (
              <ol>
                {media.clinicInstructions.steps.map((step, i) => (
                  <li key={i}>{step}</li>
                ))}
              </ol>
            )}
            {media.clinicInstructions.stop && (
              <p>
                <strong>Hvornår du stopper:</strong> {media.clinicInstructions.stop}
              </p>
            )}
          </details>
        )}
        {media?.instructions && (
          <p>
            <a href={media.instructions}>Hele vejledningen til {item.name}</a>
          </p>
        )}
      </article>
    </li>
  );
}
