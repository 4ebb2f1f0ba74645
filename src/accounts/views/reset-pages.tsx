import type { ViewContext } from '../../web/layout.js';
import type { AccountForm } from '../forms.js';
import { MIN_PASSWORD_LENGTH } from '../passwords.js';
import { AccountLayout, FormProblems, Notice, PostForm, TextField } from './fields.js';

export function ForgotPage({ ctx, csrf, form, sentTo }: { ctx: ViewContext; csrf: string; form: AccountForm<unknown>; sentTo?: string }) {
  return (
    <AccountLayout ctx={ctx} title="Glemt adgangskode" path="/konto/glemt">
      <h1>Glemt adgangskode</h1>
      {sentTo ? (
        <Notice tone="success">
          Hvis der findes en konto med adressen <strong>{sentTo}</strong>, har vi sendt et link, så du kan lave en ny adgangskode. Linket
          virker i 1 time.
        </Notice>
      ) : (
        <p class="lede">Skriv din e-mailadresse, så sender vi et link, hvor du kan vælge en ny adgangskode.</p>
      )}
      <FormProblems form={form} />
      <PostForm action="/konto/glemt" csrf={csrf}>
        <TextField form={form} name="email" label="E-mailadresse" type="email" autocomplete="email" />
        <button type="submit">Send link</button>
      </PostForm>
    </AccountLayout>
  );
}

export function ResetPage(props: {
  ctx: ViewContext;
  csrf: string;
  form: AccountForm<unknown>;
  token: string;
  problem: 'unknown' | 'expired' | 'used' | null;
}) {
  const { ctx, csrf, form, token, problem } = props;
  if (problem) {
    return (
      <AccountLayout ctx={ctx} title="Linket virker ikke" path="/konto/nulstil">
        <h1>Linket virker ikke</h1>
        <p>
          {problem === 'expired'
            ? 'Linket er mere end 1 time gammelt.'
            : problem === 'used'
              ? 'Linket er allerede brugt.'
              : 'Vi kender ikke linket. Tjek, at du har kopieret hele linket fra mailen.'}{' '}
          <a href="/konto/glemt">Bed om et nyt link</a>.
        </p>
      </AccountLayout>
    );
  }
  return (
    <AccountLayout ctx={ctx} title="Vælg en ny adgangskode" path="/konto/nulstil">
      <h1>Vælg en ny adgangskode</h1>
      <FormProblems form={form} />
      <PostForm action="/konto/nulstil" csrf={csrf}>
        <input type="hidden" name="token" value={token} />
        <TextField
          form={form}
          name="adgangskode"
          label="Ny adgangskode"
          type="password"
          autocomplete="new-password"
          hint={`Mindst ${MIN_PASSWORD_LENGTH} tegn. Du bliver logget ud på alle enheder, når du har gemt den.`}
        />
        <button type="submit">Gem ny adgangskode</button>
      </PostForm>
    </AccountLayout>
  );
}
