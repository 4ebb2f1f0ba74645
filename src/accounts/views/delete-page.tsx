import type { ViewContext } from '../../web/layout.js';
import type { AccountForm } from '../forms.js';
import { AccountLayout, FormProblems, Notice, PostForm, TextField } from './fields.js';

export function DeletePage(props: {
  ctx: ViewContext;
  csrf: string;
  form: AccountForm<unknown>;
  deleted: string[];
  /** What other domains keep without personal data (the clinics an owner leaves behind). */
  kept: string[];
  /** The account has a password to confirm with; otherwise a fresh passkey sign-in is the proof. */
  hasPassword: boolean;
  /** For a passkey-only account: signed in within the last 10 minutes. */
  freshSignIn: boolean;
  problem?: string;
}) {
  const { ctx, csrf, form, deleted, kept, hasPassword, freshSignIn, problem } = props;
  return (
    <AccountLayout ctx={ctx} title="Slet din konto" path="/konto/slet">
      <h1>Slet din konto</h1>
      {problem && <Notice tone="warning">{problem}</Notice>}
      <p>Når du sletter din konto, sletter vi med det samme:</p>
      <ul>
        {deleted.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {kept.length > 0 && (
        <>
          <p>Vi beholder:</p>
          <ul>
            {kept.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <p>
        Vores logbog over handlinger på sitet beholder hændelserne, men uden personoplysninger: dér står du derefter kun som
        «slettet bruger» med et nummer. IP-adresser i logbogen slettes efter 12 måneder.
      </p>
      <p>
        <strong>Det kan ikke fortrydes.</strong> Vil du have en kopi først, så <a href="/konto/data">hent dine data</a>.
      </p>
      <FormProblems form={form} />
      {hasPassword ? (
        <PostForm action="/konto/slet" csrf={csrf}>
          <TextField form={form} name="adgangskode" label="Bekræft med din adgangskode" type="password" autocomplete="current-password" />
          <button type="submit" class="button-danger">
            Slet min konto
          </button>
        </PostForm>
      ) : freshSignIn ? (
        <PostForm action="/konto/slet" csrf={csrf}>
          <p>Du har lige logget ind med din adgangsnøgle, og det gælder som bekræftelse.</p>
          <button type="submit" class="button-danger">
            Slet min konto
          </button>
        </PostForm>
      ) : (
        <p>
          Din konto har ingen adgangskode. Bekræft, at det er dig, ved at logge ud og ind igen med din adgangsnøgle; derefter kan
          du slette kontoen her inden for 10 minutter.
        </p>
      )}
    </AccountLayout>
  );
}
