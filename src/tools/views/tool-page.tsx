import { Layout, type ViewContext } from '../../web/layout.js';
import { type JsonLd, type Site, absoluteUrl } from '../../web/seo.js';
import { type Calculator, TOOLS_PATH, toolPath } from '../calculator.js';
import type { FormState } from '../form.js';

/**
 * WebApplication JSON-LD for a calculator (Google accepts it for apps used in the browser;
 * HealthApplication is one of its listed categories). Free, so the offer is 0 kr.
 */
export function webApplicationJsonLd(site: Site, tool: { slug: string; name: string; summary: string }): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebApplication',
    name: tool.name,
    description: tool.summary,
    url: absoluteUrl(site, toolPath(tool.slug)),
    applicationCategory: 'HealthApplication',
    operatingSystem: 'Alle med en webbrowser',
    inLanguage: 'da',
    isAccessibleForFree: true,
    offers: { '@type': 'Offer', price: '0', priceCurrency: 'DKK' },
  };
}

/** The crumbs of a tool page: Værktøjer › the tool. */
export const toolCrumbs = (slug: string, name: string) => [
  { name: 'Værktøjer', path: TOOLS_PATH },
  { name, path: toolPath(slug) },
];

/**
 * A calculator page: the GET form, the result (a live region that tools.js refreshes while you
 * type) and how we calculate. With input it is a result page: noindex, canonical to the blank tool.
 */
export function ToolPage({ ctx, tool, state }: { ctx: ViewContext; tool: Calculator; state: FormState<unknown> }) {
  const path = toolPath(tool.slug);
  const invalid = Object.keys(state.errors).length;
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: tool.title,
        description: tool.summary,
        path,
        noindex: state.submitted,
        crumbs: toolCrumbs(tool.slug, tool.name),
        jsonLd: [webApplicationJsonLd(ctx.site, tool)],
        scripts: [ctx.assets.url('tools.js')],
      }}
    >
      <article class="tool">
        <h1>{tool.title}</h1>
        <p class="lede">{tool.summary}</p>
        <div class="tool-grid">
          <form method="get" action={path} class="tool-form" data-tool-form novalidate>
            <tool.Fields state={state} />
            <button type="submit">Beregn</button>
          </form>
          <section class="tool-result" aria-labelledby="resultat" aria-live="polite" data-tool-result>
            <h2 id="resultat">Resultat</h2>
            {state.data !== null ? (
              <tool.Result data={state.data} />
            ) : invalid > 0 ? (
              <p class="tool-waiting">
                {invalid === 1 ? 'Ret det markerede felt' : `Ret de ${invalid} markerede felter`}, så regner vi resultatet ud.
              </p>
            ) : (
              <p class="tool-waiting">Udfyld felterne, så står resultatet her.</p>
            )}
          </section>
        </div>
        <section class="tool-about prose">
          <tool.About />
        </section>
      </article>
    </Layout>
  );
}
