import { audit } from '../../accounts/audit.js';
import { isoNow } from '../../accounts/tokens.js';
import type { Db } from '../../db/engine.js';
import { DPA_VERSION } from '../access.js';

/**
 * The data-processing agreement (databehandleraftale) between a clinic and Fysio, versioned by
 * `DPA_VERSION`: the clinic is the data controller of what its behandlere prescribe and its
 * patients log; Fysio processes it on the clinic's instructions. An owner accepts it for the
 * clinic (who, when, which version); until the current version is accepted the policy lets no
 * behandler of the clinic invite patients (`practice.dpaAccepted`).
 */

export interface AgreementSection {
  heading: string;
  paragraphs: string[];
}

/** The agreement's text by version. A new version is a new entry here and a new DPA_VERSION. */
export const DPA_TEXTS: Record<string, AgreementSection[]> = {
  '2026-12-01': [
    {
      heading: '1. Parterne og formålet',
      paragraphs: [
        'Aftalen er indgået mellem klinikken (den dataansvarlige) og Fysio (databehandleren). Den gælder, når klinikkens behandlere bruger Fysios genoptræning: træningsprogrammer, patienternes træningslog og morgentjek, forslag til ændringer og spørgeskemaer.',
        'Formålet er, at klinikken kan ordinere og følge op på genoptræning, og at patienten kan træne og melde tilbage. Fysio behandler ikke oplysningerne til andre formål.',
      ],
    },
    {
      heading: '2. Hvem er ansvarlig',
      paragraphs: [
        'Klinikken er dataansvarlig for de programmer, logs og spørgeskemaer, dens behandlere ordinerer, og for de oplysninger, patienterne giver i den forbindelse. Det omfatter helbredsoplysninger (databeskyttelsesforordningens artikel 9).',
        'Fysio behandler kun oplysningerne efter klinikkens instruks, som er denne aftale og det, klinikkens behandlere gør i Fysio. Fysio giver klinikken besked, hvis en instruks efter Fysios vurdering strider mod databeskyttelsesreglerne.',
      ],
    },
    {
      heading: '3. Underdatabehandlere',
      paragraphs: [
        'Fysio bruger ingen underdatabehandlere. Oplysningerne ligger i Fysios egen database og sendes ikke til andre, heller ikke til tjenester med kunstig intelligens. Vil Fysio bruge en underdatabehandler, får klinikken skriftlig besked mindst 30 dage før og kan gøre indsigelse.',
      ],
    },
    {
      heading: '4. Sikkerhed',
      paragraphs: [
        'Adgang gives kun til patienten selv og til klinikkens behandlere, hvis autorisations-ID en administrator har kontrolleret i Autorisationsregistret, og kun til patienter med et program fra klinikken. Ejere, redaktører og administratorer ser ingen helbredsoplysninger.',
        'Forbindelser er krypterede, adgangskoder gemmes som hash, og behandlere logges ud efter 12 timer uden aktivitet. Fysio giver klinikken besked uden unødig forsinkelse og senest 24 timer efter at have opdaget et brud på sikkerheden.',
      ],
    },
    {
      heading: '5. Log over opslag',
      paragraphs: [
        'Hver gang en anden end patienten ser patientens helbredsoplysninger, skrives det i en log: hvem, hvornår og hvad. Patienten kan selv se loggen under “Hvem har set mine oplysninger”, og klinikken kan få den udleveret.',
      ],
    },
    {
      heading: '6. Opbevaring og sletning',
      paragraphs: [
        'Sletter patienten sin konto, forsvinder oplysningerne fra alle visninger og opbevares låst i 10 år, som autoriserede sundhedspersoner skal opbevare journaloplysninger. Derefter sletter Fysio dem automatisk.',
        'Ophører aftalen, kan klinikken få oplysningerne udleveret. Fysio opbevarer dem derefter låst i resten af perioden og sletter dem, når den er udløbet, medmindre lovgivningen kræver andet.',
      ],
    },
    {
      heading: '7. Bistand og kontrol',
      paragraphs: [
        'Fysio hjælper klinikken med at besvare patienters anmodninger om indsigt, berigtigelse og sletning; patienten kan også selv hente alle sine data. Klinikken kan få de oplysninger, der er nødvendige for at påvise, at aftalen overholdes.',
      ],
    },
  ],
};

export const currentDpaText = (): AgreementSection[] => DPA_TEXTS[DPA_VERSION] ?? [];

export interface DpaAcceptance {
  version: string;
  acceptedBy: number;
  acceptedByName: string;
  acceptedAt: string;
}

/** Every version the clinic's owners have accepted, newest first. */
export async function dpaAcceptancesOf(db: Db, clinicId: number): Promise<DpaAcceptance[]> {
  const rows = await db
    .selectFrom('clinic_dpa_acceptances as a')
    .leftJoin('users as u', 'u.id', 'a.accepted_by')
    .select(['a.version', 'a.accepted_by', 'a.accepted_at', 'u.name'])
    .where('a.clinic_id', '=', clinicId)
    .orderBy('a.accepted_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
  return rows.map((r) => ({ version: r.version, acceptedBy: r.accepted_by, acceptedByName: r.name ?? `slettet bruger #${r.accepted_by}`, acceptedAt: r.accepted_at }));
}

/** Accepts the current version for the clinic; accepting it again changes nothing. */
export async function acceptCurrentDpa(db: Db, clinicId: number, ownerId: number, address: string | null, now = Date.now()): Promise<'accepted' | 'already'> {
  const inserted = await db
    .insertInto('clinic_dpa_acceptances')
    .values({ clinic_id: clinicId, version: DPA_VERSION, accepted_by: ownerId, accepted_at: isoNow(now) })
    .onConflict((oc) => oc.columns(['clinic_id', 'version']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return 'already';
  await audit(db, { actorId: ownerId, action: 'clinic.dpa_accepted', subjectType: 'clinic', subjectId: clinicId, details: { version: DPA_VERSION }, address }, now);
  return 'accepted';
}
