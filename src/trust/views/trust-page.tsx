import type { ComponentChildren } from 'preact';
import { Layout, type ViewContext } from '../../web/layout.js';

/** What every trust page shares: one crumb, the heading, an introduction, canonical URL. */
export function TrustPage({ ctx, path, title, description, lead, children }: { ctx: ViewContext; path: string; title: string; description: string; lead: ComponentChildren; children: ComponentChildren }) {
  return (
    <Layout ctx={ctx} meta={{ title, description, path, crumbs: [{ name: title, path }] }}>
      <article class="prose trust-page">
        <h1>{title}</h1>
        <p class="lead">{lead}</p>
        {children}
      </article>
    </Layout>
  );
}

/** The contact address, or a plain statement that none is set up (CONTACT_EMAIL). */
export function ContactAddress({ email }: { email: string | null }) {
  if (email) return <a href={`mailto:${email}`}>{email}</a>;
  return <span class="muted">(vores e-mailadresse er ikke oplyst endnu)</span>;
}
