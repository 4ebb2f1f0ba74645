import type { ViewContext } from '../../web/layout.js';
import { type AccountForm, signInHref } from '../forms.js';
import { MIN_PASSWORD_LENGTH } from '../passwords.js';
import { AccountLayout, FormProblems, Notice, PostForm, TextField } from './fields.js';


export function RegisterPage({ ctx, csrf, form, returnTo = null }: { ctx: ViewContext; csrf: string; form: AccountForm<unknown>; returnTo?: string | null }) {
  return (
    <AccountLayout ctx={ctx} title="Opret konto" path="/konto/opret">
      <h1>Opret en konto</h1>
      <p class="lede">Med en konto kan du skrive anmeldelser af klinikker, kommentere og følge dit genoptræningsprogram.</p>
      <FormProblems form={form} />
      <PostForm action="/konto/opret" csrf={csrf}>
        {returnTo && <input type="hidden" name="tilbage" value={returnTo} />}
        <TextField form={form} name="navn" label="Navn" autocomplete="name" hint="Vises som fornavn og forbogstav, hvis du skriver en anmeldelse." />
        <TextField form={form} name="email" label="E-mailadresse" type="email" autocomplete="email" hint="Vi sender et link, så du kan bekræfte adressen." />
        <TextField
          form={form}
          name="adgangskode"
          label="Adgangskode"
          type="password"
          autocomplete="new-password"
          hint={`Mindst ${MIN_PASSWORD_LENGTH} tegn. Flere tilfældige ord sat sammen er både stærkt og let at huske.`}
        />
        <button type="submit">Opret konto</button>
      </PostForm>
      <p>
        Har du allerede en konto? <a href={signInHref(returnTo)}>Log ind</a>
      </p>
    </AccountLayout>
  );
}

/** After registration, whether or not the address had an account (no enumeration). */
export function CheckMailPage({ ctx, email, returnTo = null }: { ctx: ViewContext; email: string; returnTo?: string | null }) {
  return (
    <AccountLayout ctx={ctx} title="Tjek din e-mail" path="/konto/opret">
      <h1>Tjek din e-mail</h1>
      <Notice tone="success">
        Vi har sendt en mail til <strong>{email}</strong>. Åbn linket i mailen for at bekræfte adressen, og log så ind.
      </Notice>
      <p>Linket virker i 24 timer. Kan du ikke finde mailen, så kig i mappen med uønsket post.</p>
      <p>
        <a href={signInHref(returnTo)}>Gå til log ind</a>
      </p>
    </AccountLayout>
  );
}

/** After the link in the verification mail; `returnTo` is where the person was going when they registered (an invitation). */
export function VerifiedPage({ ctx, problem, returnTo = null }: { ctx: ViewContext; problem: 'unknown' | 'expired' | 'used' | null; returnTo?: string | null }) {
  const title = problem ? 'Linket virker ikke' : 'Din e-mailadresse er bekræftet';
  return (
    <AccountLayout ctx={ctx} title={title} path="/konto/bekraeft">
      <h1>{title}</h1>
      {problem === null && (
        <p>
          Tak. Nu kan du <a href={signInHref(returnTo)}>logge ind</a>
          {returnTo ? ' og fortsætte, hvor du slap.' : '.'}
        </p>
      )}
      {problem === 'expired' && <p>Linket er mere end 24 timer gammelt. Log ind, og bed om et nyt link på din kontoside.</p>}
      {problem === 'used' && (
        <p>
          Linket er allerede brugt, så din adresse er bekræftet. <a href={signInHref(returnTo)}>Log ind</a>.
        </p>
      )}
      {problem === 'unknown' && <p>Vi kender ikke linket. Tjek, at du har kopieret hele linket fra mailen.</p>}
    </AccountLayout>
  );
}
