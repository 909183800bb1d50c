import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DocumentSubject, ReportKind } from '@evalflow/domain';
import { TenantDb } from '@evalflow/persistence';
import type { EntityManager } from 'typeorm';
import { MAIL_TRANSPORT, type MailTransport } from '../mail/mail-transport';

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
 * sends only what was not sent yet (at least once, never lost).
 */
@Injectable()
export class Inbox {
  private readonly logger = new Logger(Inbox.name);

  constructor(
    private readonly db: TenantDb,
    @Inject(MAIL_TRANSPORT) private readonly mail: MailTransport,
  ) {}

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

  /** E-mails the notifications of these sources not e-mailed yet, to users with an address; one transaction each. */
  async mailPending(tenantId: string, sourceKeys: string[]): Promise<number> {
    if (!sourceKeys.length) return 0;
    const pending: Array<{ id: string }> = await this.db.tx(
      (em) =>
        em.query(
          `SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id
            WHERE n.source_key = ANY($1) AND n.emailed_at IS NULL AND u.email IS NOT NULL`,
          [sourceKeys],
        ),
      tenantId,
    );
    let sent = 0;
    for (const { id } of pending) {
      sent += await this.db.tx(async (em) => {
        const [n] = await em.query(
          `SELECT n.title, n.body, u.email FROM notifications n JOIN users u ON u.id = n.user_id
            WHERE n.id = $1 AND n.emailed_at IS NULL FOR UPDATE OF n SKIP LOCKED`,
          [id],
        );
        if (!n) return 0; // another worker has it
        await this.mail.send({
          to: n.email,
          subject: n.title,
          text: `${n.title}\n\n${n.body ? `${n.body}\n\n` : ''}请登录 EvalFlow 预算绩效自评系统查看。\n（本邮件由系统自动发送，请勿回复。）`,
        });
        await em.query(`UPDATE notifications SET emailed_at = now() WHERE id = $1`, [id]);
        return 1;
      }, tenantId);
    }
    if (sent) this.logger.log({ msg: 'notification e-mail sent', tenantId, sent });
    return sent;
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
