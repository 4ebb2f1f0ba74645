import { createHash } from 'node:crypto';
import type { Db } from '../db/engine.js';
import type { ProposalStatus } from '../db/schema-rehab.js';
import { isoNow } from '../accounts/tokens.js';
import { checkInsOf, logsOf } from './logs.js';
import type { PrescribedItem } from './program-model.js';
import { type Program, type ProgramVersion, currentVersion, reviseProgram } from './programs.js';
import { type Change, type Proposal, proposeProgression } from './progression.js';

/**
 * Proposals stored: after each log or check-in the rules run on the current version's logs
 * (never an older version's: an accepted reduction must not fire again) and every new
 * proposal is kept once (by the logs and check-ins it read). The behandler accepts one (a new
 * version with the change, the proposal's explanation as the change note) or rejects it with a
 * reason. A new version for any reason makes the pending ones stale.
 */

export interface StoredProposal {
  id: number;
  programId: number;
  versionId: number;
  itemId: string;
  status: ProposalStatus;
  proposal: Proposal;
  decidedBy: number | null;
  decidedAt: string | null;
  reason: string | null;
  createdAt: string;
}

type Row = {
  id: number;
  program_id: number;
  version_id: number;
  item_id: string;
  status: ProposalStatus;
  body: string;
  decided_by: number | null;
  decided_at: string | null;
  reason: string | null;
  created_at: string;
};
const COLUMNS = ['id', 'program_id', 'version_id', 'item_id', 'status', 'body', 'decided_by', 'decided_at', 'reason', 'created_at'] as const;
const fromRow = (r: Row): StoredProposal => ({
  id: r.id,
  programId: r.program_id,
  versionId: r.version_id,
  itemId: r.item_id,
  status: r.status,
  proposal: JSON.parse(r.body) as Proposal,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  reason: r.reason,
  createdAt: r.created_at,
});

const fingerprint = (p: Proposal) =>
  createHash('sha256')
    .update(JSON.stringify([p.rule, p.direction, p.read.sessionLogs.map((l) => l.id), p.read.checkIns.map((c) => c.id)]))
    .digest('hex')
    .slice(0, 32);

/** What the rules propose now for each item of the current version (nothing stored). */
export async function currentProposals(db: Db, program: Pick<Program, 'id' | 'currentVersion'>, version?: ProgramVersion): Promise<Proposal[]> {
  const v = version ?? (await currentVersion(db, program));
  const [logs, checkIns] = await Promise.all([logsOf(db, program.id, { versionId: v.id }), checkInsOf(db, program.id)]);
  return v.items.flatMap((item) => proposeProgression({ item, logs, checkIns }) ?? []);
}

/** Runs the rules and stores what is new; returns the proposals made now (new ones only). */
export async function refreshProposals(db: Db, program: Pick<Program, 'id' | 'currentVersion'>, now = Date.now()): Promise<StoredProposal[]> {
  const version = await currentVersion(db, program);
  const made: StoredProposal[] = [];
  for (const p of await currentProposals(db, program, version)) {
    const row = await db
      .insertInto('proposals')
      .values({
        program_id: program.id,
        version_id: version.id,
        item_id: p.itemId,
        rule: p.rule,
        fingerprint: fingerprint(p),
        body: JSON.stringify(p),
        created_at: isoNow(now),
      })
      .onConflict((oc) => oc.columns(['version_id', 'item_id', 'fingerprint']).doNothing())
      .returning(COLUMNS)
      .executeTakeFirst();
    if (row) {
      // A newer proposal for the same item replaces an older one still waiting.
      await db
        .updateTable('proposals')
        .set({ status: 'foraeldet' })
        .where('version_id', '=', version.id)
        .where('item_id', '=', p.itemId)
        .where('status', '=', 'afventer')
        .where('id', '!=', row.id)
        .execute();
      made.push(fromRow(row));
    }
  }
  return made;
}

export async function proposalsOf(db: Db, programId: number, status?: ProposalStatus): Promise<StoredProposal[]> {
  let q = db.selectFrom('proposals').select(COLUMNS).where('program_id', '=', programId);
  if (status) q = q.where('status', '=', status);
  return (await q.orderBy('id', 'desc').execute()).map(fromRow);
}

export async function proposalById(db: Db, id: number): Promise<StoredProposal | null> {
  const row = await db.selectFrom('proposals').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : null;
}

/** The item after the change (a level change takes the new exercise's own neighbours). */
export async function applyChange(db: Db, item: PrescribedItem, change: Change): Promise<PrescribedItem> {
  switch (change.kind) {
    case 'load':
      return { ...item, load: change.to };
    case 'reps':
      return { ...item, reps: change.to };
    case 'holdSeconds':
      return { ...item, holdSeconds: change.to };
    case 'level': {
      const next = await db.selectFrom('exercises').select(['slug', 'name', 'easier_slug', 'harder_slug']).where('slug', '=', change.to.exercise).executeTakeFirst();
      const neighbour = async (slug: string | null) =>
        slug ? ((await db.selectFrom('exercises').select(['slug as exercise', 'name']).where('slug', '=', slug).executeTakeFirst()) ?? null) : null;
      return {
        ...item,
        exercise: change.to.exercise,
        name: next?.name ?? change.to.name,
        easier: next ? await neighbour(next.easier_slug) : item.easier,
        harder: next ? await neighbour(next.harder_slug) : null,
        // A new exercise starts at body weight when the old one was.
        load: item.load,
      };
    }
  }
}

export type Decision = { ok: true; version: ProgramVersion | null } | { ok: false; reason: 'not-pending' | 'stale' };

/**
 * Accepts a waiting proposal of the current version: a new version with the change (none for
 * a "hold"), the proposal's explanation as the change note. Authorise before calling.
 */
export async function acceptProposal(db: Db, proposalId: number, behandlerId: number, now = Date.now()): Promise<Decision> {
  return db.transaction().execute(async (trx) => {
    const stored = await proposalById(trx, proposalId);
    if (!stored || stored.status !== 'afventer') return { ok: false, reason: 'not-pending' } as const;
    const program = await trx.selectFrom('programs').select(['id', 'current_version']).where('id', '=', stored.programId).executeTakeFirstOrThrow();
    const version = await currentVersion(trx, { id: program.id, currentVersion: program.current_version });
    if (version.id !== stored.versionId) return { ok: false, reason: 'stale' } as const;
    let next: ProgramVersion | null = null;
    const change = stored.proposal.change;
    if (change) {
      const items = await Promise.all(version.items.map((item) => (item.id === stored.itemId ? applyChange(trx, item, change) : item)));
      next = await reviseProgram(trx, program.id, version.version, { ...version, items }, {
        createdBy: behandlerId,
        changeNote: `Forslag accepteret: ${stored.proposal.forBehandler}`,
        proposalId,
      }, now);
      if (!next) return { ok: false, reason: 'stale' } as const;
    }
    await trx
      .updateTable('proposals')
      .set({ status: 'accepteret', decided_by: behandlerId, decided_at: isoNow(now) })
      .where('id', '=', proposalId)
      .execute();
    return { ok: true, version: next } as const;
  });
}

/** Rejects a waiting proposal with the behandler's short reason. */
export async function rejectProposal(db: Db, proposalId: number, behandlerId: number, reason: string, now = Date.now()): Promise<boolean> {
  const result = await db
    .updateTable('proposals')
    .set({ status: 'afvist', decided_by: behandlerId, decided_at: isoNow(now), reason })
    .where('id', '=', proposalId)
    .where('status', '=', 'afventer')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
