import type { ComponentChildren } from 'preact';
import { Layout, type ViewContext } from '../../web/layout.js';

export interface AdminNavItem {
  path: string;
  label: string;
  /** Shown only to administrators. */
  adminOnly?: boolean;
}

export const ADMIN_NAV: readonly AdminNavItem[] = [
  { path: '/admin', label: 'Oversigt' },
  { path: '/admin/anmeldelser', label: 'Anmeldelser' },
  { path: '/admin/svar', label: 'Svar fra klinikker' },
  { path: '/admin/kommentarer', label: 'Kommentarer' },
  { path: '/admin/krav', label: 'Klinikkrav', adminOnly: true },
  { path: '/admin/behandlere', label: 'Behandlere', adminOnly: true },
  { path: '/admin/brugere', label: 'Brugere', adminOnly: true },
  { path: '/admin/log', label: 'Log', adminOnly: true },
];

/** Every /admin page: never indexed, a local menu, the page's notice after an action. */
export function AdminLayout(props: { ctx: ViewContext; title: string; path: string; isAdmin: boolean; notice?: string | undefined; children: ComponentChildren }) {
  const { ctx, title, path } = props;
  return (
    <Layout ctx={ctx} meta={{ title, path, noindex: true, crumbs: path === '/admin' ? [{ name: 'Administration', path }] : [{ name: 'Administration', path: '/admin' }, { name: title, path }] }}>
      <div class="admin">
        <nav class="admin-nav" aria-label="Administration">
          <ul>
            {ADMIN_NAV.filter((item) => props.isAdmin || !item.adminOnly).map((item) => (
              <li key={item.path}>
                <a href={item.path} aria-current={item.path === path ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <h1>{title}</h1>
        {props.notice && (
          <p class="notice notice-success" role="status">
            {props.notice}
          </p>
        )}
        {props.children}
      </div>
    </Layout>
  );
}
