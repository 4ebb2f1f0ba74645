import type { ViewContext } from '../../../web/layout.js';
import type { Program } from '../../programs.js';
import type { ProgramStatus } from '../program-status.js';
import { dayWithWeekday } from './day-text.js';
import { MIN_SIDE, PatientLayout, PatientNotice, programPath } from './parts.js';

/** /min-side: the patient's programs, each with today's training and the morning check-in. */

export interface ProgramCard {
  program: Program;
  goal: string;
  /** Today's exercises in words ("Rejse-sætte-sig fra stol: 3 sæt × 10 gentagelser med 5 kg"). */
  exercises: string[];
  clinicName: string;
  behandlerName: string;
  status: ProgramStatus | null;
}

export function OverviewPage({ ctx, name, cards }: { ctx: ViewContext; name: string; cards: ProgramCard[] }) {
  return (
    <PatientLayout ctx={ctx} title="Min side" path={MIN_SIDE}>
      <h1>Min side</h1>
      <p class="lede">Hej {name}. Her er dine træningsprogrammer.</p>
      {cards.length === 0 ? (
        <section class="patient-empty" aria-labelledby="ingen-programmer">
          <h2 id="ingen-programmer">Du har ikke et træningsprogram endnu</h2>
          <p>
            Et program kommer fra din fysioterapeut: når hun eller han har lavet det, får du en mail med et link. Åbn linket, log ind med
            denne konto, og giv samtykke — så ligger programmet her.
          </p>
          <p>
            Har du fået en mail, men ser ikke programmet? Tjek, at du er logget ind med den konto, du tog imod invitationen med, og at linket
            ikke er mere end 14 dage gammelt.
          </p>
          <p>
            <a href="/find/fysioterapeut">Find en fysioterapeut</a> · <a href="/oevelser">Se øvelserne</a>
          </p>
        </section>
      ) : (
        <ul class="program-cards">
          {cards.map((card) => (
            <li key={card.program.id} class="program-card">
              <h2>
                <a href={programPath(card.program.id)}>{card.goal}</a>
              </h2>
              <p class="program-card-from">
                Fra {card.behandlerName}, {card.clinicName}
              </p>
              {card.status ? <Today id={card.program.id} status={card.status} exercises={card.exercises} /> : <p>Programmet er afsluttet.</p>}
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="dine-data">
        <h2 id="dine-data">Dine oplysninger</h2>
        <ul class="program-links">
          <li>
            <a href="/min-side/adgang">Hvem har set mine oplysninger</a>
          </li>
          <li>
            <a href="/konto">Min konto: hent en kopi af dine data, eller slet kontoen</a>
          </li>
        </ul>
      </section>
    </PatientLayout>
  );
}

function Today({ id, status, exercises }: { id: number; status: ProgramStatus; exercises: string[] }) {
  return (
    <>
      {status.reductions.length > 0 && (
        <PatientNotice tone="warning" title="Tag det lettere">
          <p>Din seneste træning eller morgen siger, at du skal skrue ned. Se hvordan på programmet.</p>
        </PatientNotice>
      )}
      <p class="program-card-today">
        {!status.started
          ? 'Programmet er ikke begyndt endnu.'
          : status.ended
          ? 'Programmet er slut. Tal med din behandler om, hvad du skal nu.'
          : status.trainingToday
            ? status.loggedToday
              ? 'I dag er en træningsdag, og du har registreret din træning. Godt gået.'
              : 'I dag er en træningsdag.'
            : status.nextTraining
              ? `Næste træningsdag: ${dayWithWeekday(status.nextTraining)}.`
              : 'Der er ikke flere træningsdage i programmet.'}
      </p>
      {status.trainingToday && !status.loggedToday && (
        <ul class="program-card-exercises" aria-label="Dagens øvelser">
          {exercises.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {status.checkInDue && <p class="program-card-morning">Du trænede i går: husk dit morgentjek i dag.</p>}
      <p class="patient-actions">
        <a class="button" href={programPath(id)}>
          Se programmet
        </a>
        {status.trainingToday && !status.loggedToday && (
          <a class="button button-secondary" href={programPath(id, 'log')}>
            Registrér træning
          </a>
        )}
        {status.checkInDue && (
          <a class="button button-secondary" href={programPath(id, 'morgen')}>
            Morgentjek
          </a>
        )}
      </p>
    </>
  );
}
