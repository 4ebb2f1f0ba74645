import { formatDanishDateTime } from '../../text/dates.js';
import type { ViewContext } from '../../web/layout.js';
import type { AccountForm } from '../forms.js';
import type { Membership } from '../memberships.js';
import type { PasskeySummary } from '../passkeys.js';
import { MIN_PASSWORD_LENGTH } from '../passwords.js';
import type { SessionSummary } from '../sessions.js';
import type { User } from '../users.js';
import { AccountLayout, FormProblems, Notice, PostForm, TextField } from './fields.js';

export interface AccountPageProps {
  ctx: ViewContext;
  csrf: string;
  user: User;
  currentSessionId: number;
  sessions: SessionSummary[];
  passkeys: PasskeySummary[];
  memberships: Array<Membership & { clinicName: string }>;
  nameForm: AccountForm<unknown>;
  passwordForm: AccountForm<unknown>;
  notice?: string;
  scripts: string[];
}

const ROLE_NAMES = { patient: 'Patient', redaktoer: 'Redaktør', admin: 'Administrator' } as const;
const CLINIC_ROLE_NAMES = { klinikejer: 'Klinikejer', behandler: 'Behandler' } as const;

/** The signed-in person's own areas: genoptræning for everyone, and the pages their roles open. */
export function accountAreas(user: Pick<User, 'role'>, memberships: readonly Pick<Membership, 'role'>[]): { href: string; label: string }[] {
  const holds = (role: Membership['role']) => memberships.some((m) => m.role === role);
  return [
    { href: '/min-side', label: 'Min genoptræning' },
    ...(holds('behandler') ? [{ href: '/behandler', label: 'Behandler' }] : []),
    ...(holds('klinikejer') ? [{ href: '/klinikejer', label: 'Klinikejer' }] : []),
    ...(user.role === 'admin' || user.role === 'redaktoer' ? [{ href: '/admin', label: 'Administration' }] : []),
  ];
}

export function AccountPage(props: AccountPageProps) {
  const { ctx, csrf, user, sessions, passkeys, notice } = props;
  return (
    <AccountLayout ctx={ctx} title="Min konto" path="/konto" scripts={props.scripts}>
      <h1>Min konto</h1>
      {notice && <Notice tone="success">{notice}</Notice>}
      <nav class="account-areas" aria-label="Dine sider">
        <ul>
          {accountAreas(user, props.memberships).map((a) => (
            <li key={a.href}>
              <a href={a.href}>{a.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      {user.emailVerifiedAt === null && (
        <div class="notice notice-warning" role="status">
          <p>
            Din e-mailadresse er ikke bekræftet endnu. Du skal bekræfte den, før du kan skrive anmeldelser og kommentarer.
          </p>
          <PostForm action="/konto/bekraeft-igen" csrf={csrf} class="inline-form">
            <button type="submit" class="button-secondary">
              Send linket igen
            </button>
          </PostForm>
        </div>
      )}

      <section aria-labelledby="profil">
        <h2 id="profil">Profil</h2>
        <dl class="facts">
          <dt>E-mailadresse</dt>
          <dd>{user.email}</dd>
          <dt>Rolle</dt>
          <dd>
            {[ROLE_NAMES[user.role], ...props.memberships.map((m) => `${CLINIC_ROLE_NAMES[m.role]} hos ${m.clinicName}`)].join(', ')}
          </dd>
          <dt>Oprettet</dt>
          <dd>{formatDanishDateTime(user.createdAt)}</dd>
        </dl>
        <FormProblems form={props.nameForm} />
        <PostForm action="/konto/navn" csrf={csrf}>
          <TextField form={props.nameForm} name="navn" label="Navn" autocomplete="name" value={user.name} />
          <button type="submit">Gem navn</button>
        </PostForm>
      </section>

      <section aria-labelledby="adgangskode-titel">
        <h2 id="adgangskode-titel">{user.hasPassword ? 'Skift adgangskode' : 'Vælg en adgangskode'}</h2>
        <FormProblems form={props.passwordForm} />
        <PostForm action="/konto/adgangskode" csrf={csrf}>
          {user.hasPassword && (
            <TextField form={props.passwordForm} name="nuvaerende_adgangskode" label="Nuværende adgangskode" type="password" autocomplete="current-password" />
          )}
          <TextField
            form={props.passwordForm}
            name="ny_adgangskode"
            label="Ny adgangskode"
            type="password"
            autocomplete="new-password"
            hint={`Mindst ${MIN_PASSWORD_LENGTH} tegn. Dine andre enheder bliver logget ud.`}
          />
          <button type="submit">Gem adgangskode</button>
        </PostForm>
      </section>

      <section aria-labelledby="noegler">
        <h2 id="noegler">Adgangsnøgler</h2>
        <p>Med en adgangsnøgle (passkey) logger du ind med fingeraftryk, ansigt eller skærmlås i stedet for adgangskode.</p>
        {passkeys.length === 0 ? (
          <p>Du har ingen adgangsnøgler endnu.</p>
        ) : (
          <ul class="item-list">
            {passkeys.map((p) => (
              <li key={p.id}>
                <span>
                  <strong>{p.name}</strong>, tilføjet {formatDanishDateTime(p.createdAt)}
                  {p.lastUsedAt ? `, sidst brugt ${formatDanishDateTime(p.lastUsedAt)}` : ', ikke brugt endnu'}
                </span>
                <PostForm action={`/konto/adgangsnoegler/${p.id}/slet`} csrf={csrf} class="inline-form">
                  <button type="submit" class="button-secondary" aria-label={`Fjern adgangsnøglen ${p.name}`}>
                    Fjern
                  </button>
                </PostForm>
              </li>
            ))}
          </ul>
        )}
        <div data-passkey-register data-csrf={csrf} hidden>
          <button type="button" data-passkey-button>
            Tilføj adgangsnøgle
          </button>
          <p class="field-error" data-passkey-error role="alert" hidden></p>
        </div>
        <noscript>
          <p>Adgangsnøgler kræver JavaScript. Du kan stadig logge ind med din adgangskode.</p>
        </noscript>
      </section>

      <section aria-labelledby="sessioner">
        <h2 id="sessioner">Hvor du er logget ind</h2>
        <ul class="item-list">
          {sessions.map((s) => (
            <li key={s.id}>
              <span>
                <strong>{s.device}</strong>
                {s.id === props.currentSessionId ? ' (denne enhed)' : ''}, sidst set {formatDanishDateTime(s.lastSeenAt)}
                {s.remember ? ', husket i 30 dage' : ''}
              </span>
              {s.id !== props.currentSessionId && (
                <PostForm action={`/konto/sessioner/${s.id}/log-ud`} csrf={csrf} class="inline-form">
                  <button type="submit" class="button-secondary" aria-label={`Log ud på ${s.device}`}>
                    Log ud
                  </button>
                </PostForm>
              )}
            </li>
          ))}
        </ul>
        <div class="button-row">
          <PostForm action="/konto/log-ud" csrf={csrf} class="inline-form">
            <button type="submit" class="button-secondary">
              Log ud
            </button>
          </PostForm>
          <PostForm action="/konto/log-ud-overalt" csrf={csrf} class="inline-form">
            <button type="submit" class="button-secondary">
              Log ud overalt
            </button>
          </PostForm>
        </div>
      </section>

      <section aria-labelledby="data">
        <h2 id="data">Dine data</h2>
        <ul class="link-list">
          <li>
            <a href="/konto/data" download="fysio-mine-data.json">
              Hent alle dine data (JSON)
            </a>
          </li>
          <li>
            <a href="/min-side/adgang">Hvem har set mine oplysninger</a>
          </li>
          <li>
            <a href="/konto/slet">Slet din konto</a>
          </li>
        </ul>
      </section>
    </AccountLayout>
  );
}
