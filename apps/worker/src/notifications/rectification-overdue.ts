import type { EntityManager } from 'typeorm';
import type { Inbox } from './inbox';

interface OverdueItem {
  id: string;
  title: string;
  due_on: string;
  report_id: string;
  department_id: string;
  department_name: string;
  owner_name: string;
}

function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * Tells both sides of each 整改事项 past its due date and not closed (逾期): the report's department and
 * the finance bureau. One notification per user, item and due date (a moved date tells again), however
 * often the deadline tick runs; run in the county's transaction by the deadline reminders.
 */
export async function notifyOverdueRectifications(
  em: EntityManager,
  inbox: Inbox,
  tenantId: string,
  today: string,
): Promise<{ notified: number; sourceKeys: string[] }> {
  const overdue: OverdueItem[] = await em.query(
    `SELECT i.id, i.title, to_char(i.due_on, 'YYYY-MM-DD') AS due_on, i.report_id, r.department_id,
            d.name AS department_name, i.owner_name
       FROM rectification_items i
       JOIN reports r ON r.tenant_id = i.tenant_id AND r.id = i.report_id
       JOIN departments d ON d.id = r.department_id
      WHERE i.status <> 'closed' AND i.due_on < $1::date
      ORDER BY i.due_on, i.id`,
    [today],
  );
  let notified = 0;
  const sourceKeys: string[] = [];
  for (const item of overdue) {
    const sourceKey = `rectification-overdue-${item.id}-${item.due_on}`;
    sourceKeys.push(sourceKey);
    const recipients = [
      ...(await inbox.recipients(em, { side: 'department', departmentId: item.department_id }, null)),
      ...(await inbox.recipients(em, { side: 'finance' }, null)),
    ];
    notified += await inbox.add(em, tenantId, recipients, {
      kind: 'rectification.overdue',
      reportId: item.report_id,
      title: `整改事项已逾期（期限${chineseDate(item.due_on)}）`,
      body: `${item.department_name}：${item.title.length > 60 ? `${item.title.slice(0, 60)}…` : item.title}（责任人：${item.owner_name}）`,
      sourceKey,
    });
  }
  return { notified, sourceKeys };
}
