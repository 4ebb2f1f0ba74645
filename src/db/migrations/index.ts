import type { Kysely } from 'kysely';
import * as m0001 from './0001-content-and-search.js';
import * as m0002 from './0002-directory.js';
import * as m0003 from './0003-content-import.js';
import * as m0004 from './0004-clinic-event-caps.js';
import * as m0005 from './0005-clinic-specialties-only.js';
import * as m0006 from './0006-exercises-and-body-regions.js';
import * as m0007 from './0007-accounts.js';
import * as m0008 from './0008-clinic-owners.js';
import * as m0009 from './0009-reviews-and-comments.js';
import * as m0010 from './0010-genoptraening.js';
import * as m0011 from './0011-search-sizes.js';
import * as m0012 from './0012-behandler-invitations.js';
import * as m0013 from './0013-program-template-slugs.js';
import * as m0016 from './0016-rehab-retention.js';
import * as m0017 from './0017-outbox-headers.js';
import * as m0018 from './0018-article-review.js';
import * as m0019 from './0019-session-log-done.js';
import * as m0020 from './0020-tariffs.js';
import * as m0022 from './0022-vederlagsfri.js';
import * as m0023 from './0023-clinic-exercise-photo-size.js';

export type MigrationUp = (db: Kysely<any>, engine: 'sqlite' | 'postgres') => Promise<void>;

/** In order. Names never change once released. */
export const migrations: ReadonlyArray<readonly [name: string, up: MigrationUp]> = [
  ['0001-content-and-search', m0001.up],
  ['0002-directory', m0002.up],
  ['0003-content-import', m0003.up],
  ['0004-clinic-event-caps', m0004.up],
  ['0005-clinic-specialties-only', m0005.up],
  ['0006-exercises-and-body-regions', m0006.up],
  ['0007-accounts', m0007.up],
  ['0008-clinic-owners', m0008.up],
  ['0009-reviews-and-comments', m0009.up],
  ['0010-genoptraening', m0010.up],
  ['0011-search-sizes', m0011.up],
  ['0012-behandler-invitations', m0012.up],
  ['0013-program-template-slugs', m0013.up],
  ['0016-rehab-retention', m0016.up],
  ['0017-outbox-headers', m0017.up],
  ['0018-article-review', m0018.up],
  ['0019-session-log-done', m0019.up],
  ['0020-tariffs', m0020.up],
  ['0022-vederlagsfri', m0022.up],
  ['0023-clinic-exercise-photo-size', m0023.up],
];
