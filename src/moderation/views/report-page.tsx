import type { ComponentChildren } from 'preact';
import { type PostedForm, TextAreaField } from '../../web/form-fields.js';
import { Layout, type ViewContext } from '../../web/layout.js';
import { PlainText } from '../../web/plain-text.js';

/** Report a published review or comment as inappropriate; it goes back to an editor. */
export function ReportPage(props: {
  ctx: ViewContext;
  path: string;
  what: 'anmeldelse' | 'kommentar';
  text: string;
  byline: string;
  back: { path: string; name: string };
  form: PostedForm<unknown>;
  sent: boolean;
  csrf: ComponentChildren;
}) {
  const { ctx, what, form } = props;
  const title = `Anmeld ${what === 'anmeldelse' ? 'en anmeldelse' : 'en kommentar'} som upassende`;
  return (
    <Layout ctx={ctx} meta={{ title, path: props.path, noindex: true, crumbs: [props.back, { name: title, path: props.path }] }}>
      <section class="community-page">
        <h1>{title}</h1>
        {props.sent ? (
          <div class="notice notice-success" role="status">
            <p>Tak. En redaktør læser {what === 'anmeldelse' ? 'anmeldelsen' : 'kommentaren'} igen og beslutter, om den skal fjernes. Den bliver vist, indtil det er besluttet.</p>
            <p>
              <a href={props.back.path}>Tilbage til {props.back.name}</a>
            </p>
          </div>
        ) : (
          <>
            <blockquote class="quoted">
              <PlainText text={props.text} />
              <p class="muted">{props.byline}</p>
            </blockquote>
            <form method="post" action={props.path} class="community-form" novalidate>
              {props.csrf}
              <TextAreaField name="reason" label="Hvad er galt?" hint={`Fx personangreb, oplysninger om andre, reklame eller noget, der ikke handler om ${what === 'anmeldelse' ? 'klinikken' : 'indlægget'}.`} form={form} maxLength={1000} rows={4} />
              <button type="submit" class="button">
                Send til redaktionen
              </button>
            </form>
          </>
        )}
      </section>
    </Layout>
  );
}
