import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { TestDatabase } from '@evalflow/testing';
import type { InjectOptions } from 'fastify';
import { as, login, startSeededApi, versionOf, type Session } from './support/harness';

type Send = (options: InjectOptions) => ReturnType<NestFastifyApplication['inject']>;

/** A user's e-mail address and mail opt-outs: set by the user (通知设置) and the address by the county's administrator. */
describe('notification settings and e-mail addresses (real API and PostgreSQL)', () => {
  let app: NestFastifyApplication;
  let db: TestDatabase;
  let close: () => Promise<unknown>;
  let editor: Session;
  let asEditor: Send;
  let asAdmin: Send;

  const settings = () => asEditor({ method: 'GET', url: '/api/notifications/settings' });
  const put = (payload: object, ifMatch?: string) =>
    asEditor({
      method: 'PUT',
      url: '/api/notifications/settings',
      headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
      payload,
    });
  const currentEtag = async () => `"${await versionOf(db, 'users', editor.me.user.id)}"`;
  const stored = async () =>
    db.owner(
      async (c) =>
        (await c.query(`SELECT email, mail_opt_out FROM users WHERE id = $1`, [editor.me.user.id])).rows[0] as {
          email: string | null;
          mail_opt_out: string[];
        },
    );

  beforeAll(async () => {
    ({ app, db, close } = await startSeededApi());
    editor = await login(app, 'zhaoxian.union.editor');
    asEditor = as(app, editor);
    asAdmin = as(app, await login(app, 'zhaoxian.admin'));
  });
  afterAll(async () => {
    await close?.();
  });

  it("shows one's own settings with the version as ETag: no address, every kind e-mailed", async () => {
    const res = await settings();
    expect(res.statusCode).toBe(200);
    const version = await versionOf(db, 'users', editor.me.user.id);
    expect(res.json()).toEqual({ email: null, mailOptOut: [], version });
    expect(res.headers['etag']).toBe(`"${version}"`);
  });

  it('saves an address (lower-cased) and the kinds not to e-mail, audits it, and bumps the version', async () => {
    const before = await versionOf(db, 'users', editor.me.user.id);
    const res = await put(
      { email: ' WangFang@ZhaoXian.gov.cn ', mailOptOut: ['comment', 'workflow', 'comment'] },
      await currentEtag(),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      email: 'wangfang@zhaoxian.gov.cn',
      mailOptOut: ['comment', 'workflow'],
      version: before + 1,
    });
    expect(await stored()).toEqual({ email: 'wangfang@zhaoxian.gov.cn', mail_opt_out: ['comment', 'workflow'] });
    const [entry] = await db.owner(
      async (c) =>
        (
          await c.query(
            `SELECT actor_username, details FROM audit_log WHERE action = 'user.notification_settings_changed'`,
          )
        ).rows,
    );
    expect(entry.actor_username).toBe('zhaoxian.union.editor');
    expect(entry.details.changes).toEqual({
      email: { from: null, to: 'wangfang@zhaoxian.gov.cn' },
      mailOptOut: { from: [], to: ['comment', 'workflow'] },
    });
    // null: no e-mail at all (the inbox still gets everything)
    const cleared = await put({ email: null, mailOptOut: [] }, await currentEtag());
    expect(cleared.json()).toMatchObject({ email: null, mailOptOut: [] });
  });

  it.each([
    [{ email: 'not-an-address', mailOptOut: [] }, 'email', '电子邮箱格式不正确'],
    [{ email: `${'a'.repeat(250)}@x.cn`, mailOptOut: [] }, 'email', '电子邮箱不能超过 254 个字符'],
    [{ mailOptOut: [] }, 'email', '请填写电子邮箱（不接收邮件时填 null）'],
    [{ email: null, mailOptOut: ['returned', 'spam'] }, 'mailOptOut', '包含未知的邮件类型'],
    [{ email: null, mailOptOut: 'returned' }, 'mailOptOut', '不接收的邮件类型应为列表'],
    [{ email: null }, 'mailOptOut', '不接收的邮件类型应为列表'],
    [{ email: null, mailOptOut: [], phone: '110' }, 'phone', '不允许提交此字段'],
  ])('refuses %j with 400 and a Chinese message for the field', async (payload, field, message) => {
    const res = await put(payload, await currentEtag());
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().details).toContainEqual(expect.objectContaining({ field, message }));
  });

  it('needs If-Match (428) and refuses a stale one (412) with the current settings', async () => {
    expect((await put({ email: null, mailOptOut: [] })).statusCode).toBe(428);
    const stale = await put({ email: null, mailOptOut: ['deadline'] }, '"0"');
    expect(stale.statusCode).toBe(412);
    expect(stale.json().details.current).toMatchObject({ email: null, mailOptOut: [] });
  });

  it("the administrator sets a user's address (validated, 400 in Chinese), and the user's stale copy is then refused", async () => {
    const id = editor.me.user.id;
    const userVersion = async () => `"${await versionOf(db, 'users', id)}"`;
    const mine = await settings();
    const bad = await asAdmin({
      method: 'PATCH',
      url: `/api/users/${id}`,
      headers: { 'if-match': await userVersion() },
      payload: { email: '王芳@' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toContainEqual(
      expect.objectContaining({ field: 'email', message: '电子邮箱格式不正确' }),
    );

    const ok = await asAdmin({
      method: 'PATCH',
      url: `/api/users/${id}`,
      headers: { 'if-match': await userVersion() },
      payload: { email: 'Union.Office@zhaoxian.gov.cn' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().email).toBe('union.office@zhaoxian.gov.cn');
    expect((await settings()).json().email).toBe('union.office@zhaoxian.gov.cn');
    // the settings page opened before the administrator's change is stale now
    const stale = await put({ email: null, mailOptOut: [] }, mine.headers['etag'] as string);
    expect(stale.statusCode).toBe(412);
    // an address is not an identity: a shared office mailbox may serve several staff
    const head = await login(app, 'zhaoxian.union.head');
    const shared = await as(
      app,
      head,
    )({
      method: 'PUT',
      url: '/api/notifications/settings',
      headers: { 'if-match': `"${await versionOf(db, 'users', head.me.user.id)}"` },
      payload: { email: 'union.office@zhaoxian.gov.cn', mailOptOut: [] },
    });
    expect(shared.statusCode).toBe(200);
  });

  it('is not offered to the platform administrator, who has no inbox', async () => {
    const operator = as(app, await login(app, 'platform.admin'));
    expect((await operator({ method: 'GET', url: '/api/notifications/settings' })).statusCode).toBe(403);
  });
});
