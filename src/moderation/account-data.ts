import type { AccountExtensions } from '../accounts/extensions.js';
import { commentDataOf, deleteCommentsOf } from '../content/comments/comments.js';
import { deleteReviewDataOf, reviewDataOf } from '../directory/reviews/personal-data.js';

/**
 * Reviews, owners' answers, reports and comments in an account's data export (/konto/data) and
 * its deletion (/konto/slet). Deleting takes published reviews out of their clinics' ratings in
 * the deletion's transaction; `changed` then drops cached pages and the list catalog, so the
 * clinic page and lists stop showing them.
 */
export function addCommunityAccountData(extensions: AccountExtensions, changed: () => void): void {
  extensions.exportSections.push(
    { key: 'anmeldelser', collect: async (db, userId) => reviewDataOf(db, userId) },
    { key: 'kommentarer', collect: async (db, userId) => commentDataOf(db, userId) },
  );
  extensions.deletionHooks.push({
    description: 'dine anmeldelser af klinikker (de tæller ikke længere med i klinikkernes gennemsnit), dine svar på anmeldelser, dine kommentarer og dine anmeldelser af upassende indhold',
    run: async (trx, userId) => {
      await deleteReviewDataOf(trx, userId);
      await deleteCommentsOf(trx, userId);
      changed();
    },
  });
}
