import type { Db } from '../db/engine.js';
import type { ViewContext } from './layout.js';
import type { PageCache } from './page-cache.js';

/** What route modules receive from the app: passed in, never imported as globals. */
export interface RouteDeps {
  db: Db;
  ctx: ViewContext;
  cache: PageCache;
}
