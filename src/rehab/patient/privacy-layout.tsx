import type { ComponentChildren } from 'preact';
import { Notice } from '../../accounts/views/fields.js';
import { Layout, type ViewContext } from '../../web/layout.js';

/** A patient page under /min-side: never indexed, with the way back to the program and the list. */
export function PatientPage(props: {
  ctx: ViewContext;
  title: string;
  path: string;
  program?: { id: number; goal: string };
  children: ComponentChildren;
}) {
  const { ctx, title, path, program } = props;
  const crumbs = [
    { name: 'Min genoptræning', path: '/min-side' },
    ...(program ? [{ name: 'Dit program', path: `/min-side/program/${program.id}` }] : []),
    { name: title, path },
  ];
  return (
    <Layout ctx={ctx} meta={{ title, path, noindex: true, crumbs }}>
      <div class="rehab-privacy">{props.children}</div>
    </Layout>
  );
}

/** A notice after a redirect ("Dine svar er gemt"): the accounts' notice, one look for the whole site. */
export function Flash({ text }: { text: string | null }) {
  return text ? <Notice tone="success">{text}</Notice> : null;
}
