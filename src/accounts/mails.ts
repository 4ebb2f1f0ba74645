import type { OutgoingMail } from './outbox.js';
import { signInHref } from './forms.js';

/**
 * The account e-mails, in plain Danish. Text only (every mail client shows it, and links stay
 * visible as links); the site's name and address come from the configuration.
 */
export interface MailSite {
  name: string;
  baseUrl: string;
}

const signature = (site: MailSite) => `Venlig hilsen\n${site.name}\n${site.baseUrl}`;

/** `returnTo`: where the person was going when they registered (an invitation's page), kept through the link. */
export function verificationMail(site: MailSite, to: string, name: string, token: string, returnTo: string | null = null): OutgoingMail {
  const link = `${site.baseUrl}/konto/bekraeft?token=${token}${returnTo ? `&tilbage=${encodeURIComponent(returnTo)}` : ''}`;
  return {
    to,
    subject: `Bekræft din e-mailadresse hos ${site.name}`,
    text: `Hej ${name}

Tak, fordi du har oprettet en konto hos ${site.name}. Bekræft din e-mailadresse ved at åbne dette link:

${link}

Linket virker i 24 timer og kan bruges én gang. Har du ikke oprettet en konto, kan du se bort fra denne mail.

${signature(site)}
`,
  };
}

/** To an address that already has an account, when someone tries to register it again. */
export function alreadyRegisteredMail(site: MailSite, to: string, returnTo: string | null = null): OutgoingMail {
  return {
    to,
    subject: `Du har allerede en konto hos ${site.name}`,
    text: `Hej

Nogen (forhåbentlig dig) har forsøgt at oprette en konto hos ${site.name} med denne e-mailadresse. Der findes allerede en konto med adressen.

Log ind her: ${site.baseUrl}${signInHref(returnTo)}
Har du glemt din adgangskode, kan du lave en ny her: ${site.baseUrl}/konto/glemt

Var det ikke dig, behøver du ikke gøre noget.

${signature(site)}
`,
  };
}

export function resetMail(site: MailSite, to: string, name: string, token: string): OutgoingMail {
  const link = `${site.baseUrl}/konto/nulstil?token=${token}`;
  return {
    to,
    subject: `Lav en ny adgangskode hos ${site.name}`,
    text: `Hej ${name}

Du har bedt om at lave en ny adgangskode. Åbn dette link for at vælge en ny:

${link}

Linket virker i 1 time og kan bruges én gang. Når du har valgt en ny adgangskode, bliver du logget ud på alle enheder.

Har du ikke bedt om det, kan du se bort fra denne mail: din adgangskode er ikke ændret.

${signature(site)}
`,
  };
}

export function passwordChangedMail(site: MailSite, to: string, name: string): OutgoingMail {
  return {
    to,
    subject: `Din adgangskode hos ${site.name} er ændret`,
    text: `Hej ${name}

Adgangskoden til din konto er netop blevet ændret, og du er logget ud på alle enheder.

Var det ikke dig, så lav straks en ny adgangskode her: ${site.baseUrl}/konto/glemt

${signature(site)}
`,
  };
}
