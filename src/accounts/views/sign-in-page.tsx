import type { ViewContext } from '../../web/layout.js';
import type { AccountForm } from '../forms.js';
import { AccountLayout, FormProblems, Notice, PostForm, TextField } from './fields.js';

export interface SignInPageProps {
  ctx: ViewContext;
  csrf: string;
  form: AccountForm<unknown>;
  returnTo: string;
  /** One message for the whole form: wrong password, locked, disabled. */
  problem?: string;
  notice?: string;
  scripts: string[];
}

export function SignInPage({ ctx, csrf, form, returnTo, problem, notice, scripts }: SignInPageProps) {
  return (
    <AccountLayout ctx={ctx} title="Log ind" path="/konto/log-ind" scripts={scripts}>
      <h1>Log ind</h1>
      {notice && <Notice tone="success">{notice}</Notice>}
      {problem && <Notice tone="warning">{problem}</Notice>}
      <FormProblems form={form} />
      <PostForm action="/konto/log-ind" csrf={csrf} id="log-ind">
        <input type="hidden" name="tilbage" value={returnTo} />
        <TextField form={form} name="email" label="E-mailadresse" type="email" autocomplete="username webauthn" />
        <TextField form={form} name="adgangskode" label="Adgangskode" type="password" autocomplete="current-password" />
        <div class="field checkbox-field">
          <label class="choice-option">
            <input type="checkbox" name="husk" value="ja" checked={form.values.husk === 'ja'} aria-describedby="husk-hjaelp" /> Husk mig i 30 dage
          </label>
          <p class="hint" id="husk-hjaelp">
            Kun på din egen enhed. Gælder ikke for behandlere og administratorer, der altid logges ud efter 12 timer uden aktivitet.
          </p>
        </div>
        <button type="submit">Log ind</button>
      </PostForm>
      <div class="passkey-sign-in" data-passkey-sign-in data-return={returnTo} hidden>
        <p>Eller log ind uden adgangskode:</p>
        <button type="button" class="button-secondary" data-passkey-button>
          Log ind med adgangsnøgle
        </button>
        <p class="field-error" data-passkey-error role="alert" hidden></p>
      </div>
      <ul class="link-list account-links">
        <li>
          <a href="/konto/glemt">Glemt din adgangskode?</a>
        </li>
        <li>
          Ingen konto? <a href={returnTo === '/konto' ? '/konto/opret' : `/konto/opret?tilbage=${encodeURIComponent(returnTo)}`}>Opret en konto</a>
        </li>
      </ul>
    </AccountLayout>
  );
}
