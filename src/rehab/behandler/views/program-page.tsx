import type { VNode } from 'preact';
import { exercisePictures } from '../../../exercises/picture.js';
import { formatDanishDate, formatDanishDateTime } from '../../../text/dates.js';
import type { ViewContext } from '../../../web/layout.js';
import type { PrescribedItem } from '../../program-model.js';
import type { Program, ProgramVersion } from '../../programs.js';
import { RULE_LABELS, describeDose, describeTrainingDays } from '../../views/dose.js';
import { type ExerciseInstructions, choiceValue } from '../exercise-choices.js';
import { STATUS_LABELS } from '../queries.js';
import { BehandlerLayout, ErrorSummary, FieldError, Flash, invalid, patientPagePath, programPath } from './parts.js';

export const programLabel = (program: Pick<Program, 'id' | 'patientLabel'>) => program.patientLabel ?? `Program ${program.id}`;

export interface ProgramPageProps {
  ctx: ViewContext;
  csrf: () => VNode;
  program: Program;
  version: ProgramVersion;
  clinicName: string;
  prescriber: string;
  instructions: ReadonlyMap<string, ExerciseInstructions>;
  invite: { allowed: true } | { allowed: false; reason: string };
  inviteValues: { email: string };
  templateValues: { name: string; summary: string };
  errors: Record<string, string>;
  flash: string | null;
}

/** One exercise with its pictures, dose and rule (the program page and the print). */
export function ItemCard({ item, index, instructions, forPatient }: { item: PrescribedItem; index: number; instructions: ExerciseInstructions | undefined; forPatient: boolean }) {
  const pictures = instructions?.scene && !instructions.photo ? exercisePictures(instructions.scene, { id: `punkt-${index}`, name: item.name }) : null;
  return (
    <li class="program-item-card">
      <h3>
        {index + 1}. {item.name}
      </h3>
      {instructions?.photo ? (
        <figure class="program-photo">
          <img src={instructions.photo.src} alt={item.name} width={instructions.photo.size?.width} height={instructions.photo.size?.height} />
        </figure>
      ) : pictures && (
        <div class="program-item-pictures">
          <div dangerouslySetInnerHTML={{ __html: pictures.start }} />
          <div dangerouslySetInnerHTML={{ __html: pictures.end }} />
        </div>
      )}
      <p class="program-dose">{describeDose(item)}</p>
      {item.notes && <p class="program-notes">{item.notes}</p>}
      {instructions && instructions.steps.length > 0 && (
        <div class="program-how">
          {instructions.startPosition && <p>{instructions.startPosition}</p>}
          <ol>
            {instructions.steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
          {instructions.stopIf && <p class="program-stop">{instructions.stopIf}</p>}
        </div>
      )}
      {!forPatient && (
        <p class="card-meta">
          Progression: {RULE_LABELS[item.rule]}
          {item.rule === 'reps' && item.repCeiling !== null ? ` op til ${item.repCeiling} gentagelser` : ''}
          {item.rule === 'level' && item.harder ? ` (næste: ${item.harder.name})` : ''}
          {item.source === 'clinic' ? ' · klinikkens egen øvelse' : ''}
        </p>
      )}
    </li>
  );
}

export function ProgramPage(props: ProgramPageProps) {
  const { program, version, errors } = props;
  const label = programLabel(program);
  const path = programPath(program.id);
  return (
    <BehandlerLayout ctx={props.ctx} title={label} path={path} crumbs={[{ name: label, path }]}>
      <h1>{label}</h1>
      <Flash message={props.flash} />
      <p class="program-meta">
        <span class={`program-status status-${program.status}`}>{STATUS_LABELS[program.status]}</span> · {props.clinicName} · ordineret af {props.prescriber} · version{' '}
        {version.version}, ændret {formatDanishDateTime(version.createdAt)}
      </p>
      {program.patientId !== null && (
        <p class="notice">
          Patienten har taget imod programmet. Træningslog, morgentjek, forslag og spørgeskemaer finder du på{' '}
          <a href={patientPagePath(program.id)}>patientens side</a>.
        </p>
      )}
      <nav class="program-actions" aria-label="Programmets handlinger">
        <ul>
          <li>
            <a class="button" href={programPath(program.id, 'rediger')}>
              Rediger
            </a>
          </li>
          <li>
            <a class="button button-secondary" href={programPath(program.id, 'versioner')}>
              Versioner ({program.currentVersion})
            </a>
          </li>
          <li>
            <a class="button button-secondary" href={programPath(program.id, 'print')}>
              Udskriv
            </a>
          </li>
        </ul>
      </nav>
      <ErrorSummary errors={errors} />
      <dl class="program-facts">
        <div>
          <dt>Mål</dt>
          <dd>{version.goal}</dd>
        </div>
        <div>
          <dt>Periode</dt>
          <dd>
            {version.weeks} uger fra {formatDanishDate(version.startDate)}
          </dd>
        </div>
        <div>
          <dt>Træning</dt>
          <dd>
            {version.sessionsPerWeek} {version.sessionsPerWeek === 1 ? 'gang' : 'gange'} om ugen: {describeTrainingDays(version.trainingDays)}
          </dd>
        </div>
      </dl>
      <h2>Øvelser</h2>
      <ol class="program-items">
        {version.items.map((item, i) => (
          <ItemCard key={item.id} item={item} index={i} instructions={props.instructions.get(choiceValue(item.source, item.exercise))} forPatient={false} />
        ))}
      </ol>

      <section class="program-invite" aria-labelledby="inviter-titel">
        <h2 id="inviter-titel">Send programmet til patienten</h2>
        {program.patientId !== null ? (
          <p>Patienten har allerede taget imod programmet.</p>
        ) : !props.invite.allowed ? (
          <p class="notice">{props.invite.reason}</p>
        ) : (
          <form method="post" action={programPath(program.id, 'inviter')}>
            {props.csrf()}
            <p>
              {program.status === 'inviteret'
                ? 'Patienten er inviteret, men har ikke taget imod endnu. Du kan sende invitationen igen, fx til en anden adresse.'
                : 'Patienten får en e-mail med et link, der virker i 14 dage. Før patienten ser programmet, fortæller vi, hvad vi gemmer, hvem der ser det, og hvor længe.'}
            </p>
            <div class="field">
              <label for="email">Patientens e-mailadresse</label>
              <input id="email" name="email" type="email" autocomplete="off" spellcheck={false} value={props.inviteValues.email} {...invalid('email', errors)} />
              <FieldError id="email" message={errors.email} />
            </div>
            <button type="submit" class="button-primary">
              {program.status === 'inviteret' ? 'Send invitationen igen' : 'Send invitation'}
            </button>
          </form>
        )}
        <p>Har patienten ingen konto eller e-mail, kan du udskrive programmet; så logges træningen ikke.</p>
      </section>

      <section class="program-save-template" aria-labelledby="skabelon-titel">
        <h2 id="skabelon-titel">Gem som klinikkens skabelon</h2>
        <p>Øvelser, doser og regler gemmes; patientens navn og mål gør ikke. Alle behandlere på {props.clinicName} kan starte fra skabelonen.</p>
        <form method="post" action={programPath(program.id, 'gem-som-skabelon')}>
          {props.csrf()}
          <div class="field">
            <label for="name">Skabelonens navn</label>
            <input id="name" name="name" type="text" autocomplete="off" value={props.templateValues.name} {...invalid('name', errors)} />
            <FieldError id="name" message={errors.name} />
          </div>
          <div class="field">
            <label for="summary">Beskrivelse (valgfri)</label>
            <textarea id="summary" name="summary" rows={2} maxLength={2000} {...invalid('summary', errors)}>
              {props.templateValues.summary}
            </textarea>
            <FieldError id="summary" message={errors.summary} />
          </div>
          <button type="submit" class="button-secondary">
            Gem som skabelon
          </button>
        </form>
      </section>
    </BehandlerLayout>
  );
}
