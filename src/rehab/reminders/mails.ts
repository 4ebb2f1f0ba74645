import type { OutgoingMail } from '../../accounts/outbox.js';
import { formatDanishDate } from '../../text/dates.js';
import { WEEKDAY_NAMES, type PrescribedItem, isoWeekday } from '../program-model.js';
import { describeDose } from '../views/dose.js';
import { NUDGE_AFTER_DAYS } from './due.js';
import { unsubscribeUrl } from './settings.js';

/**
 * The reminder and the nudge in plain Danish text. Health data stays out of the subject line
 * (it shows on lock screens and in mail lists); the body lists the day's exercises, since that
 * is what the patient asked for, with the way to change or stop the mails.
 */

export interface MailProgram {
  id: number;
  email: string;
  patientName: string;
  clinicName: string;
  items: readonly PrescribedItem[];
}

export interface MailSite {
  baseUrl: string;
  siteName: string;
}

const footer = (site: MailSite, program: MailProgram, token: string) => [
  '',
  `Skift tidspunkt og dage: ${site.baseUrl}/min-side/program/${program.id}/paamindelser`,
  `Stop disse e-mails med ét klik (uden at logge ind): ${unsubscribeUrl(site.baseUrl, token)}`,
  '',
  `Du får denne e-mail, fordi du har slået påmindelser til for dit træningsprogram fra ${program.clinicName} på ${site.siteName}.`,
];

/** RFC 2369 and RFC 8058: the mail program's own unsubscribe button, one click, no sign-in. */
const oneClick = (site: MailSite, token: string) => ({
  'List-Unsubscribe': `<${unsubscribeUrl(site.baseUrl, token)}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});

export function reminderMail(site: MailSite, program: MailProgram, day: string, token: string): OutgoingMail {
  const weekday = WEEKDAY_NAMES[isoWeekday(day) - 1]!;
  return {
    to: program.email,
    subject: `Påmindelse: træning i dag, ${weekday} ${formatDanishDate(day)}`,
    headers: oneClick(site, token),
    text: [
      `Hej ${program.patientName}`,
      '',
      `I dag er en træningsdag i dit program fra ${program.clinicName}. Dagens øvelser:`,
      '',
      ...program.items.map((item) => `- ${item.name}: ${describeDose(item)}`),
      '',
      `Se programmet med billeder, og skriv i loggen, hvordan det gik: ${site.baseUrl}/min-side/program/${program.id}`,
      ...footer(site, program, token),
    ].join('\n'),
  };
}

export function nudgeMail(site: MailSite, program: MailProgram, since: string, token: string): OutgoingMail {
  return {
    to: program.email,
    subject: 'Hvordan går det med træningen?',
    headers: oneClick(site, token),
    text: [
      `Hej ${program.patientName}`,
      '',
      `Vi har ikke fået en træningslog fra dig siden ${formatDanishDate(since)}, og det er mere end ${NUDGE_AFTER_DAYS} dage siden.`,
      'Det er helt i orden at holde pause, men skriv det gerne i loggen ("sprang over" med en grund), så din behandler ved, hvordan det går.',
      'Gør øvelserne ondt, eller passer de ikke til din hverdag, så sig det til din behandler: programmet kan ændres.',
      '',
      `Dit program: ${site.baseUrl}/min-side/program/${program.id}`,
      ...footer(site, program, token),
    ].join('\n'),
  };
}
