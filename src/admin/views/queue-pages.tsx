import type { ComponentChildren } from 'preact';
import type { QueuedComment } from '../../content/comments/comments.js';
import type { QueuedAnswer } from '../../directory/reviews/answers.js';
import type { QueuedReview } from '../../directory/reviews/moderation.js';
import { Stars } from '../../directory/reviews/views/review-list.js';
import { formatDanishMonth } from '../../text/dates.js';
import type { ViewContext } from '../../web/layout.js';
import { PlainText } from '../../web/plain-text.js';
import { AdminLayout } from './admin-layout.js';

export interface QueuePageProps<T> {
  ctx: ViewContext;
  isAdmin: boolean;
  items: T[];
  csrf: ComponentChildren;
  notice?: string | undefined;
  /** A rejection without a reason, shown again at its item. */
  failed?: { id: number; message: string } | undefined;
}

const stamp = new Intl.DateTimeFormat('da-DK', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });
export const when = (iso: string) => stamp.format(new Date(iso));

/** Publish, or reject with a reason the author receives by e-mail; one form, two buttons, no JavaScript. */
function DecisionForm({ action, id, csrf, failed, keepLabel }: { action: string; id: number; csrf: ComponentChildren; failed: { id: number; message: string } | undefined; keepLabel: string }) {
  const field = `begrundelse-${id}`;
  const error = failed?.id === id ? failed.message : undefined;
  return (
    <form method="post" action={action} class="community-form decision-form">
      {csrf}
      <div class="field">
        <label for={field}>Begrundelse til forfatteren (kun ved afvisning)</label>
        <textarea id={field} name="reason" rows={2} maxLength={1000} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${field}-fejl` : undefined} />
        {error && (
          <p class="field-error" id={`${field}-fejl`}>
            {error}
          </p>
        )}
      </div>
      <div class="button-row">
        <button type="submit" name="decision" value="publish" class="button">
          {keepLabel}
        </button>
        <button type="submit" name="decision" value="reject" class="button-secondary">
          Afvis
        </button>
      </div>
    </form>
  );
}

function Reports({ reports }: { reports: string[] }) {
  if (reports.length === 0) return null;
  return (
    <div class="reports">
      <p>
        <strong>Anmeldt som upassende ({reports.length}):</strong>
      </p>
      <ul>
        {reports.map((r, i) => (
          <li key={i}>
            <PlainText text={r} />
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ReviewQueuePage(props: QueuePageProps<QueuedReview>) {
  return (
    <AdminLayout ctx={props.ctx} title="Anmeldelser til moderation" path="/admin/anmeldelser" isAdmin={props.isAdmin} notice={props.notice}>
      {props.items.length === 0 && <p class="muted">Ingen anmeldelser venter.</p>}
      <ul class="queue">
        {props.items.map((r) => (
          <li key={r.id} class="queue-item" id={`anmeldelse-${r.id}`}>
            <h2>
              <a href={`/klinik/${r.clinicSlug}`}>{r.clinicName}</a>
            </h2>
            <p class="muted">
              {r.status === 'published' ? 'Offentliggjort, anmeldt' : r.editedAt ? 'Rettet' : 'Ny'} · {r.authorName} · skrevet {when(r.editedAt ?? r.createdAt)}
              {r.visitMonth && <> · besøg {formatDanishMonth(r.visitMonth)}</>}
            </p>
            <Stars rating={r.rating} />
            <PlainText text={r.text} />
            <Reports reports={r.reports} />
            <DecisionForm action={`/admin/anmeldelser/${r.id}`} id={r.id} csrf={props.csrf} failed={props.failed} keepLabel={r.status === 'published' ? 'Behold' : 'Offentliggør'} />
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}

export function AnswerQueuePage(props: QueuePageProps<QueuedAnswer>) {
  return (
    <AdminLayout ctx={props.ctx} title="Svar fra klinikker til moderation" path="/admin/svar" isAdmin={props.isAdmin} notice={props.notice}>
      {props.items.length === 0 && <p class="muted">Ingen svar venter.</p>}
      <ul class="queue">
        {props.items.map((a) => (
          <li key={a.id} class="queue-item" id={`svar-${a.id}`}>
            <h2>
              <a href={`/klinik/${a.clinicSlug}`}>{a.clinicName}</a>
            </h2>
            <p class="muted">Svar på anmeldelsen:</p>
            <blockquote class="quoted">
              <Stars rating={a.reviewRating} />
              <PlainText text={a.reviewText} />
            </blockquote>
            <p class="muted">Klinikkens svar, skrevet {when(a.createdAt)}:</p>
            <PlainText text={a.text} />
            <DecisionForm action={`/admin/svar/${a.id}`} id={a.id} csrf={props.csrf} failed={props.failed} keepLabel="Offentliggør" />
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}

export function CommentQueuePage(props: QueuePageProps<QueuedComment>) {
  return (
    <AdminLayout ctx={props.ctx} title="Kommentarer til moderation" path="/admin/kommentarer" isAdmin={props.isAdmin} notice={props.notice}>
      {props.items.length === 0 && <p class="muted">Ingen kommentarer venter.</p>}
      <ul class="queue">
        {props.items.map((c) => (
          <li key={c.id} class="queue-item" id={`kommentar-${c.id}`}>
            <h2>
              <a href={`/blog/${c.articleSlug}`}>{c.articleTitle}</a>
            </h2>
            <p class="muted">
              {c.status === 'published' ? 'Offentliggjort, anmeldt' : 'Ny'} · {c.authorName} · skrevet {when(c.createdAt)}
            </p>
            <PlainText text={c.text} />
            <Reports reports={c.reports} />
            <DecisionForm action={`/admin/kommentarer/${c.id}`} id={c.id} csrf={props.csrf} failed={props.failed} keepLabel={c.status === 'published' ? 'Behold' : 'Offentliggør'} />
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}
