import { Injectable } from '@nestjs/common';
import { AppError, isMailKind, MAIL_KINDS, type AppAbility, type Principal } from '@evalflow/domain';
import { TenantDb } from '@evalflow/persistence';
import type { EntityManager } from 'typeorm';
import { assertCan } from '../access/object-checks';
import { AuditService } from '../audit/audit.service';
import { versionMismatch } from '../http/versioning';
import type { NotificationSettingsDto, NotificationSettingsView } from './notification-settings.dto';

function toView(row: { email: string | null; mail_opt_out: string[]; version: number }): NotificationSettingsView {
  return { email: row.email, mailOptOut: row.mail_opt_out.filter(isMailKind), version: row.version };
}

/**
 * One's own e-mail address and the kinds of notification not to e-mail. They live on the user's row,
 * so they share its version with the administrator's edits: whoever saves second on a stale copy gets 412.
 */
@Injectable()
export class NotificationSettingsService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  get(ability: AppAbility, principal: Principal): Promise<NotificationSettingsView> {
    return this.db.tx(async (em) => toView(await this.own(em, ability, principal, false)));
  }

  update(
    ability: AppAbility,
    principal: Principal,
    version: number,
    dto: NotificationSettingsDto,
  ): Promise<NotificationSettingsView> {
    return this.db.tx(async (em) => {
      const current = await this.own(em, ability, principal, true);
      if (current.version !== version) throw versionMismatch(current.version, toView(current));
      const email = dto.email?.trim().toLowerCase() || null;
      // stored in MAIL_KINDS order, each once
      const mailOptOut = MAIL_KINDS.filter((kind) => dto.mailOptOut.includes(kind));
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      if (email !== current.email) changes['email'] = { from: current.email, to: email };
      if (mailOptOut.join() !== current.mail_opt_out.join()) {
        changes['mailOptOut'] = { from: current.mail_opt_out, to: mailOptOut };
      }
      if (Object.keys(changes).length === 0) return toView(current);
      const [[row]] = await em.query(
        `UPDATE users SET email = $2, mail_opt_out = $3, version = version + 1, updated_at = now()
          WHERE id = $1 RETURNING email, mail_opt_out, version`,
        [principal.userId, email, mailOptOut],
      );
      await this.audit.record(em, {
        tenantId: principal.tenantId,
        action: 'user.notification_settings_changed',
        targetType: 'user',
        targetId: principal.userId,
        details: { changes },
      });
      return toView(row);
    });
  }

  private async own(em: EntityManager, ability: AppAbility, principal: Principal, forUpdate: boolean) {
    assertCan(ability, forUpdate ? 'update' : 'read', 'Notification', { userId: principal.userId });
    const [row] = await em.query(
      `SELECT email, mail_opt_out, version FROM users WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [principal.userId],
    );
    if (!row) throw new AppError('USER_NOT_FOUND');
    return row as { email: string | null; mail_opt_out: string[]; version: number };
  }
}
