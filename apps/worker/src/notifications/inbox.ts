import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@evalflow/config';
import { wantsMail, type DocumentSubject, type ReportKind } from '@evalflow/domain';
import { TenantDb } from '@evalflow/persistence';
import type { EntityManager } from 'typeorm';
import { MAIL_TRANSPORT, refusedForGood, type MailTransport } from '../mail/mail-transport';
import { notificationMail, type MailableNotification } from '../mail/notification-mail';

export interface InboxItem {
  kind: string;
  reportId: string | null;
  title: string;
  body: string;
  /** the event it reports; a user gets one notification per source, however often the job runs */
  sourceKey: string;
}

/** Which side of the review hears of something: the department's staff, or the finance bureau's reviewers. */
export type Audience = { side: 'department'; departmentId: string } | { side: 'finance' };

/**
 * The in-app inbox and its e-mail copy. Writing is idempotent per (user, source); e-mail goes out
 * after the notifications are committed and each message is marked once sent, so a retried job
 * sends only what was not sent yet (at least once, never lost; a duplicate keeps its Message-ID).
 */
@Injectable()
export class Inbox {
  private readonly logger = new Logger(Inbox.name);
  private readonly from: string;

  constructor(
    private readonly db: TenantDb,
    @Inject(MAIL_TRANSPORT) private readonly mail: MailTransport,
    config: ConfigService<AppConfig, true>,
  ) {
    this.from = config.get('mail', { infer: true }).from;
  }

  /** Active users of the audience, in the current tenant transaction, leaving out the one who acted. */
  async recipients(em: EntityManager, audience: Audience, exceptUserId: string | null): Promise<string[]> {
    const rows: Array<{ id: string }> = await em.query(
      `SELECT DISTINCT u.id FROM users u JOIN user_roles r ON r.user_id = u.id
        WHERE u.active AND u.id IS DISTINCT FROM $1
          AND CASE WHEN $2::uuid IS NULL THEN r.role IN ('finance_reviewer', 'finance_approver')
                   ELSE u.department_id = $2::uuid AND r.role IN ('dept_editor', 'dept_head') END`,
      [exceptUserId, audience.side === 'department' ? audience.departmentId : null],
    );
    return rows.map((r) => r.id);
  }

  /** Adds the item to each user's inbox; returns how many were new. */
  async add(em: EntityManager, tenantId: string, userIds: string[], item: InboxItem): Promise<number> {
    if (!userIds.length) return 0;
    const inserted = await em.query(
      `INSERT INTO notifications (tenant_id, user_id, kind, report_id, title, body, source_key)
       SELECT $1, u, $3, $4, $5, $6, $7 FROM unnest($2::uuid[]) AS u
       ON CONFLICT (user_id, source_key) DO NOTHING RETURNING id`,
      [tenantId, userIds, item.kind, item.reportId, item.title, item.body, item.sourceKey],
    );
    return inserted.length;
  }

  /**
   * E-mails the notifications of these sources not e-mailed yet, to users with an address who did not turn
   * that kind off; one transaction each, marked once sent. A message the server refused for good is marked
   * with the reason and not tried again; any other failure is thrown after the rest were tried, so the job
   * fails and BullMQ retries it (the inbox rows are committed already and stay).
   */
  async mailPending(tenantId: string, sourceKeys: string[]): Promise<number> {
    if (!sourceKeys.length) return 0;
    const pending: Array<{ id: string; kind: string; mail_opt_out: string[] }> = await this.db.tx(
      (em) =>
        em.query(
          `SELECT n.id, n.kind, u.mail_opt_out FROM notifications n JOIN users u ON u.id = n.user_id
            WHERE n.source_key = ANY($1) AND n.emailed_at IS NULL AND n.email_error IS NULL
              AND u.email IS NOT NULL AND u.active
            ORDER BY n.created_at, n.id`,
          [sourceKeys],
        ),
      tenantId,
    );
    const wanted = pending.filter((n) => wantsMail(n.mail_opt_out, n.kind));
    let sent = 0;
    let refused = 0;
    const failures: Error[] = [];
    for (const { id } of wanted) {
      try {
        sent += await this.mailOne(tenantId, id);
      } catch (error) {
        if (!refusedForGood(error)) {
          failures.push(error as Error);
          continue;
        }
        refused++;
        await this.db.tx(
          (em) => em.query(`UPDATE notifications SET email_error = $2 WHERE id = $1`, [id, (error as Error).message]),
          tenantId,
        );
      }
    }
    if (sent || refused || failures.length) {
      this.logger.log({ msg: 'notification e-mail', tenantId, sent, refused, failed: failures.length });
    }
    if (failures.length) {
      throw new Error(`${failures.length} of ${wanted.length} notification e-mails not sent: ${failures[0].message}`);
    }
    return sent;
  }

  /** Sends one notification's e-mail and marks it sent, under its row lock; 0 when another worker has it. */
  private mailOne(tenantId: string, id: string): Promise<number> {
    return this.db.tx(async (em) => {
      const [n]: MailableNotification[] = await em.query(
        `SELECT n.id, n.title, n.body, u.email, u.display_name FROM notifications n JOIN users u ON u.id = n.user_id
          WHERE n.id = $1 AND n.emailed_at IS NULL FOR UPDATE OF n SKIP LOCKED`,
        [id],
      );
      if (!n) return 0;
      await this.mail.send(notificationMail(n, this.from));
      await em.query(`UPDATE notifications SET emailed_at = now() WHERE id = $1`, [id]);
      return 1;
    }, tenantId);
  }
}

/** A report row of a notification query (fiscal_year, department_name, kind, project_name), as naming reads it. */
export function subjectOf(report: {
  fiscal_year: number;
  department_name: string;
  kind: ReportKind;
  project_name: string | null;
}): DocumentSubject {
  return {
    kind: report.kind,
    departmentName: report.department_name,
    fiscalYear: report.fiscal_year,
    projectName: report.project_name,
  };
}
