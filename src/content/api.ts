import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { RouteDeps } from '../web/deps.js';
import { notFound, parseInput } from '../web/errors.js';
import { type ApiDoc, errorResponses } from '../web/openapi.js';
import { absoluteUrl, isoDate } from '../web/seo.js';
import { type Article, articleBySlug } from './articles.js';

const params = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,200}$/, 'ugyldig slug') });
const query = z.object({ kind: z.enum(['ordbog', 'blog']).optional().meta({ description: 'Hvis samme slug findes i begge' }) });

const articleSchema = z.object({
  slug: z.string(),
  kind: z.enum(['ordbog', 'blog']),
  title: z.string(),
  metaTitle: z.string().nullable(),
  description: z.string(),
  url: z.string(),
  author: z.object({ slug: z.string(), name: z.string() }).nullable(),
  datePublished: z.iso.date(),
  dateModified: z.iso.date(),
  readingMinutes: z.int(),
  toc: z.array(z.object({ id: z.string(), text: z.string() })),
  faq: z.array(z.object({ question: z.string(), answer: z.string() })),
  reviewedBy: z
    .object({ name: z.string(), title: z.string().nullable(), lastReviewed: z.iso.date() })
    .nullable()
    .meta({ description: 'Fagpersonen, der har gennemgået artiklen, og hvornår' }),
  sources: z.array(z.object({ text: z.string(), url: z.string().nullable() })).meta({ description: 'Kilderne, artiklen bygger på' }),
  html: z.string().meta({ description: 'Artiklens brødtekst som renset HTML' }),
});

const articleApi: ApiDoc = {
  summary: 'Én artikel fra ordbogen eller bloggen',
  params,
  query,
  responses: { 200: { description: 'Artiklen', schema: articleSchema }, ...errorResponses({ 404: 'Ingen artikel med den slug' }) },
};

/** The presenter: exactly these fields leave the server. */
export function presentArticle(article: Article, site: RouteDeps['ctx']['site']): z.output<typeof articleSchema> {
  return {
    slug: article.slug,
    kind: article.kind,
    title: article.title,
    metaTitle: article.metaTitle,
    description: article.description,
    url: absoluteUrl(site, article.url),
    author: article.author ? { slug: article.author.slug, name: article.author.name } : null,
    datePublished: isoDate(article.datePublished),
    dateModified: isoDate(article.dateModified),
    readingMinutes: article.readingMinutes,
    toc: article.toc.map((t) => ({ id: t.id, text: t.text })),
    faq: article.faq.items.map((f) => ({ question: f.question, answer: f.answer })),
    reviewedBy: article.reviewedBy ? { name: article.reviewedBy.name, title: article.reviewedBy.title, lastReviewed: article.reviewedBy.lastReviewed } : null,
    sources: article.sources.map((s) => ({ text: s.text, url: s.url })),
    html: article.html,
  };
}

export async function contentApiRoutes(app: FastifyInstance, { db, ctx }: RouteDeps) {
  app.get('/api/v1/articles/:slug', { config: { access: 'public', api: articleApi } }, async (request) => {
    const { slug } = parseInput(params, request.params);
    const { kind } = parseInput(query, request.query);
    const article = kind
      ? await articleBySlug(db, kind, slug)
      : ((await articleBySlug(db, 'ordbog', slug)) ?? (await articleBySlug(db, 'blog', slug)));
    if (!article) throw notFound('article_not_found', `Ingen artikel med slug "${slug}"`);
    return presentArticle(article, ctx.site);
  });
}
