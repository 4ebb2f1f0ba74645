import type { ViewContext } from '../../web/layout.js';
import { AdminLayout } from './admin-layout.js';

export interface QueueSummary {
  label: string;
  count: number;
  path: string;
}

/** The editors' start page: what waits in each queue. */
export function AdminDashboard({ ctx, isAdmin, queues }: { ctx: ViewContext; isAdmin: boolean; queues: QueueSummary[] }) {
  return (
    <AdminLayout ctx={ctx} title="Administration" path="/admin" isAdmin={isAdmin}>
      <h2>Venter på behandling</h2>
      <ul class="queue-counts">
        {queues.map((q) => (
          <li key={q.path}>
            <a href={q.path}>
              {q.label}: <span class="queue-count">{q.count}</span>
            </a>
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}
