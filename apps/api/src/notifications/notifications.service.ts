import { Injectable } from '@nestjs/common';
import { AppError, type AppAbility, type Principal } from '@evalflow/domain';
import { abilityFilter, TenantDb } from '@evalflow/persistence';

const COLUMNS = { userId: 'n.user_id' };

function toView(r: Record<string, unknown>) {
  return {
    id: r['id'] as string,
    kind: r['kind'] as string,
    reportId: (r['report_id'] as string | null) ?? null,
    title: r['title'] as string,
    body: r['body'] as string,
    createdAt: (r['created_at'] as Date).toISOString(),
    readAt: r['read_at'] ? (r['read_at'] as Date).toISOString() : null,
  };
}

/** The signed-in user's inbox. */
@Injectable()
export class NotificationsService {
  constructor(private readonly db: TenantDb) {}

  list(ability: AppAbility, unreadOnly: boolean) {
    const filter = abilityFilter(ability, 'read', 'Notification', COLUMNS);
    return this.db.tx(async (em) => {
      const rows = await em.query(
        `SELECT n.id, n.kind, n.report_id, n.title, n.body, n.created_at, n.read_at FROM notifications n
          WHERE ${filter.sql}${unreadOnly ? ' AND n.read_at IS NULL' : ''}
          ORDER BY n.created_at DESC, n.id LIMIT 100`,
        filter.params,
      );
      const [{ unread }] = await em.query(
        `SELECT count(*)::int AS unread FROM notifications n WHERE ${filter.sql} AND n.read_at IS NULL`,
        filter.params,
      );
      return { items: rows.map(toView), unread };
    });
  }

  markRead(principal: Principal, id: string) {
    return this.db.tx(async (em) => {
      // another user's notification is answered as if it did not exist
      // (TypeORM answers an UPDATE with [rows, affected count])
      const [[row]] = await em.query(
        `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2
         RETURNING id, kind, report_id, title, body, created_at, read_at`,
        [id, principal.userId],
      );
      if (!row) throw new AppError('NOT_FOUND', undefined, '通知不存在');
      return toView(row);
    });
  }

  /** Marks every unread notification of the caller as read; answers how many it marked. */
  markAllRead(principal: Principal) {
    return this.db.tx(async (em) => {
      const [rows] = await em.query(
        `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id`,
        [principal.userId],
      );
      return { marked: rows.length, unread: 0 };
    });
  }
}
