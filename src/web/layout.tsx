import type { ComponentChildren, VNode } from 'preact';
import { render } from 'preact-render-to-string';
import type { MapSettings } from '../config.js';
import type { Assets } from './assets.js';
import { headHtml } from './head.js';
import {
  type Crumb,
  type JsonLd,
  type Site,
  absoluteUrl,
  breadcrumbJsonLd,
  documentTitle,
  serializeJsonLd,
} from './seo.js';

/** What every view needs from the app: who we are, where assets live, demo mode. */
export interface ViewContext {
  site: Site;
  assets: Assets;
  /** Demo data is present: show the "demodata" marker. */
  demoData: boolean;
  /** The map's tile server and credit; null: no map (MAP_TILE_URL=off). */
  map: MapSettings | null;
}

export interface PageMeta {
  title: string;
  metaTitle?: string | null;
  description?: string;
  /** Canonical path (no query string unless it is part of the identity, like ?side=2). */
  path: string;
  noindex?: boolean;
  ogType?: 'website' | 'article';
  published?: string;
  modified?: string;
  /** Home is implicit; the last crumb is this page. */
  crumbs?: Crumb[];
  jsonLd?: JsonLd[];
  /** Enhancement scripts (never needed for content). */
  scripts?: string[];
  styles?: string[];
  /** Prefills the search box in the header. */
  query?: string;
  /** False on a page with its own search box (the home page): the header's would compete with it. */
  headerSearch?: boolean;
}

export function renderDocument(page: VNode): string {
  return `<!doctype html>${render(page)}`;
}

/**
 * The header's account link. Pages are rendered once for everyone (the page cache shares
 * them), with the link for visitors; a signed-in visitor gets the same page with this one
 * link swapped (`withAccountLink`), so no page holds anything personal but that.
 */
const ACCOUNT_LINK_ANONYMOUS = '<a class="account-link" href="/konto/log-ind">Log ind</a>';
const ACCOUNT_LINK_SIGNED_IN = '<a class="account-link" href="/konto">Min konto</a>';

/** The page for a signed-in visitor: "Min konto" instead of "Log ind" in the header. */
export function withAccountLink(html: string): string {
  return html.replace(ACCOUNT_LINK_ANONYMOUS, ACCOUNT_LINK_SIGNED_IN);
}

const NAV = [
  { href: '/ordbog', label: 'Ordbog' },
  { href: '/blog', label: 'Blog' },
  { href: '/find/fysioterapeut', label: 'Find fysioterapeut' },
  { href: '/specialer', label: 'Specialer' },
  { href: '/oevelser', label: 'Øvelser' },
  { href: '/vaerktoejer', label: 'Værktøjer' },
];

export function Layout({ ctx, meta, children }: { ctx: ViewContext; meta: PageMeta; children: ComponentChildren }) {
  const { site, assets } = ctx;
  const title = documentTitle(site, meta.title, meta.metaTitle);
  const canonical = absoluteUrl(site, meta.path);
  const crumbs: Crumb[] = [{ name: 'Forside', path: '/' }, ...(meta.crumbs ?? [])];
  const jsonLd = [...(meta.jsonLd ?? []), ...(meta.path === '/' ? [] : [breadcrumbJsonLd(site, crumbs)])];
  return (
    <html lang="da">
      <head dangerouslySetInnerHTML={{ __html: headHtml(ctx, meta, title, canonical, jsonLd) }} />
      <body>
        <a class="skip-link" href="#indhold">
          Spring til indhold
        </a>
        <header class="site-header" dangerouslySetInnerHTML={{ __html: headerHtml(ctx, meta) }} />
        <main id="indhold" class="wrap" tabindex={-1}>
          {meta.crumbs && meta.crumbs.length > 0 && <Breadcrumbs crumbs={crumbs} />}
          {children}
        </main>
        <footer class="site-footer" dangerouslySetInnerHTML={{ __html: footerHtml(ctx) }} />
        {(meta.scripts ?? []).map((src) => (
          <script src={src} defer key={src} />
        ))}
      </body>
    </html>
  );
}

/**
 * The header and footer are the same on nearly every page, and rendering them was most of the
 * cost of a page made per request (a calculator result, an uncached article: preact walks every
 * attribute). They are rendered once per variant (which menu item is current, demo marker) and
 * kept as HTML; a header with a search query in it is rendered each time.
 */
const chrome = new WeakMap<ViewContext, Map<string, string>>();

function remembered(ctx: ViewContext, key: string, make: () => VNode): string {
  let byKey = chrome.get(ctx);
  if (!byKey) chrome.set(ctx, (byKey = new Map()));
  let html = byKey.get(key);
  if (html === undefined) {
    html = render(make());
    byKey.set(key, html);
  }
  return html;
}

function headerHtml(ctx: ViewContext, meta: PageMeta): string {
  const current = NAV.map((item) => meta.path.startsWith(item.href));
  const search = meta.headerSearch !== false;
  const make = () => <HeaderInner ctx={ctx} current={current} query={meta.query ?? ''} search={search} />;
  if (meta.query) return render(make());
  return remembered(ctx, `header ${current.map(Number).join('')} ${ctx.demoData} ${search}`, make);
}

function footerHtml(ctx: ViewContext): string {
  return remembered(ctx, 'footer', () => <FooterInner site={ctx.site} />);
}

function HeaderInner({ ctx, current, query, search }: { ctx: ViewContext; current: boolean[]; query: string; search: boolean }) {
  const { site, assets } = ctx;
  return (
    <>
      <div class="wrap header-inner">
        <a class="brand" href="/">
          <img src={assets.url('favicon.svg')} alt="" width={28} height={28} />
          <span>{site.name}</span>
        </a>
        <nav class="site-nav" aria-label="Hovedmenu">
          <ul>
            {NAV.map((item, i) => (
              <li key={item.href}>
                <a href={item.href} aria-current={current[i] ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {search && (
          <form class="header-search" action="/soeg" method="get" role="search" aria-label="Søg på hele sitet">
            <label for="header-q" class="sr-only">
              Søg på {site.name}
            </label>
            <input id="header-q" type="search" name="q" value={query} placeholder="Søg, fx knæsmerter" />
            <button type="submit">Søg</button>
          </form>
        )}
        <a class="account-link" href="/konto/log-ind">
          Log ind
        </a>
      </div>
      {ctx.demoData && (
        <p class="demo-notice">
          <strong>Demodata:</strong> klinikker, behandlere og anmeldelser på denne side er opdigtede eksempler.
        </p>
      )}
    </>
  );
}

/** The trust pages (src/trust/) and the site's feeds, in the footer of every page. */
const FOOTER_LINKS = [
  { href: '/om', label: 'Om os' },
  { href: '/kontakt', label: 'Kontakt' },
  { href: '/privatliv', label: 'Privatliv og cookies' },
  { href: '/redaktionel-politik', label: 'Redaktionel politik' },
  { href: '/blog/feed.xml', label: 'Blogfeed' },
  { href: '/sitemap.xml', label: 'Sitemap' },
];

function FooterInner({ site }: { site: Site }) {
  return (
        <div class="wrap">
          <p>
            {site.name} samler viden om smerter og genoptræning og hjælper dig med at finde en fysioterapeut.
            Indholdet er generel information og erstatter ikke en undersøgelse hos en sundhedsfaglig.
          </p>
          <p>Ved akut sygdom: ring til din læge, lægevagten eller 112.</p>
          <nav aria-label="Om siden">
            <ul class="footer-links">
              {FOOTER_LINKS.map((link) => (
                <li key={link.href}>
                  <a href={link.href}>{link.label}</a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
  );
}

export function Breadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  return (
    <nav class="breadcrumbs" aria-label="Brødkrumme">
      <ol>
        {crumbs.map((c, i) => (
          <li key={c.path}>
            {i === crumbs.length - 1 ? <span aria-current="page">{c.name}</span> : <a href={c.path}>{c.name}</a>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function Pagination({ page, pages, hrefFor }: { page: number; pages: number; hrefFor: (page: number) => string }) {
  if (pages <= 1) return null;
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  return (
    <nav class="pagination" aria-label="Sider">
      <ul>
        {page > 1 && (
          <li>
            <a href={hrefFor(page - 1)} rel="prev">
              ← Forrige
            </a>
          </li>
        )}
        {shown.map((p, i) => (
          <li key={p}>
            {i > 0 && p - (shown[i - 1] ?? p) > 1 && <span class="gap">…</span>}
            {p === page ? (
              <span aria-current="page">{p}</span>
            ) : (
              <a href={hrefFor(p)} aria-label={`Side ${p}`}>
                {p}
              </a>
            )}
          </li>
        ))}
        {page < pages && (
          <li>
            <a href={hrefFor(page + 1)} rel="next">
              Næste →
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
