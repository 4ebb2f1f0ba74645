import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../web/deps.js';
import { renderDocument } from '../web/layout.js';
import { sendPage } from '../web/respond.js';
import type { SitemapSection } from '../web/sitemap.js';
import { TRUST_PATHS } from './paths.js';
import { AboutPage } from './views/about-page.js';
import { ContactPage } from './views/contact-page.js';
import { EditorialPage } from './views/editorial-page.js';
import { PrivacyPage } from './views/privacy-page.js';

export interface TrustDeps extends RouteDeps {
  /** CONTACT_EMAIL, or null when the operator has not set one. */
  contactEmail: string | null;
}

/** The pages a health site is expected to have: about, contact, privacy, editorial policy. */
export async function trustRoutes(app: FastifyInstance, { ctx, cache, contactEmail }: TrustDeps) {
  const publicRoute = { config: { access: 'public' as const } };
  const pages = [
    [TRUST_PATHS.about, () => <AboutPage ctx={ctx} />],
    [TRUST_PATHS.contact, () => <ContactPage ctx={ctx} contactEmail={contactEmail} />],
    [TRUST_PATHS.privacy, () => <PrivacyPage ctx={ctx} contactEmail={contactEmail} />],
    [TRUST_PATHS.editorial, () => <EditorialPage ctx={ctx} contactEmail={contactEmail} />],
  ] as const;
  for (const [path, view] of pages) {
    app.get(path, publicRoute, async (request, reply) => {
      const page = await cache.get(path, async () => renderDocument(view()), { direct: {} });
      return sendPage(request, reply, page!);
    });
  }
}

/** The trust pages in the sitemap (no lastmod: they change with releases, not with content). */
export const trustSitemapSection: SitemapSection = {
  name: 'om',
  entries: async () => Object.values(TRUST_PATHS).map((path) => ({ path })),
};
