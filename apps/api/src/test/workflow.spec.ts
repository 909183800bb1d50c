import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  dataSourceOptions,
  deriveAuditHeadKey,
  signChainHead,
  TenantDb,
  verifyAuditChains,
} from '@evalflow/persistence';
import type { TestDatabase } from '@evalflow/testing';
import { DataSource } from 'typeorm';
import { as, idOf, unionReport2024, loginAll, startSeededApi, type Session } from './support/harness';

/** The report workflow through the real API and database: the whole journey, refusals, and what it records. */
describe('report workflow (real API and PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;
  let editor: Session;
  let head: Session;
  let reviewer: Session;
  let approver: Session;
  let admin: Session;
  let foreign: Session;
  let id: string;

  /** GETs the report (or one of its sub-resources) as `s`. */
  const get = (s: Session, path = '') => as(app, s)({ method: 'GET', url: `/api/reports/${id}${path}` });
  const report = async () => (await get(editor)).json();
  /** PUTs one part as the editor, with If-Match set to `version`. */
  const putPart = (part: string, version: number, payload: object) =>
    as(
      app,
      editor,
    )({
      method: 'PUT',
      url: `/api/reports/${id}/parts/${part}`,
      headers: { 'if-match': `"${version}"` },
      payload,
    });
  const act = async (
    s: Session,
    action: string,
    extra: { reason?: string; expectedVersion?: number; teamConfirmed?: boolean } = {},
  ) =>
    as(
      app,
      s,
    )({
      method: 'POST',
      url: `/api/reports/${id}/transitions`,
      payload: {
        action,
        expectedVersion: extra.expectedVersion ?? (await report()).version,
        reason: extra.reason,
        teamConfirmed: extra.teamConfirmed,
      },
    });
  const edit = async (part: string, change: (content: Record<string, unknown>) => Record<string, unknown>) => {
    const current = (await report()).parts[part];
    const res = await putPart(part, current.version, change(structuredClone(current.content)));
    expect(res.statusCode).toBe(200);
  };

  beforeAll(async () => {
    ({ db, app, close } = await startSeededApi());
    [editor, head, reviewer, approver, admin, foreign] = await loginAll(app, [
      'zhaoxian.union.editor',
      'zhaoxian.union.head',
      'zhaoxian.finance.reviewer',
      'zhaoxian.finance.approver',
      'zhaoxian.admin',
      'luancheng.finance.approver',
    ]);
    id = await unionReport2024(db);
  });
  afterAll(async () => {
    await close?.();
  });

  it('the whole journey: refused while wrong, submitted, returned with two comments, fixed, diffed, approved', async () => {
    // a wrong total blocks submission, naming the rule and the numbers
    // a slip: 82 typed as 28 in the second budget line
    const setLine = (amount: string) => (b: Record<string, unknown>) => {
      const lines = b['lines'] as Array<Record<string, string>>;
      lines[1] = { ...lines[1], amount };
      return { ...b, lines };
    };
    await edit('budget', setLine('28'));
    const blocked = await act(editor, 'submit');
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json()).toMatchObject({
      code: 'REPORT_CHECKS_FAILING',
      message: '报告仍有 1 处错误未改正，不能提交',
      details: {
        failing: [
          {
            ruleId: 'budget.lines-sum-to-total',
            path: 'budget.expenditure.project.budget',
            message: '项目预算明细合计 124.646 万元，与填报的年初项目预算 178.646 万元不一致',
          },
        ],
      },
    });
    expect((await report()).status).toBe('draft');

    await edit('budget', setLine('82'));
    const submitted = await act(editor, 'submit');
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({
      report: { status: 'submitted' },
      transition: { action: 'submit', from: 'draft', to: 'submitted' },
      revision: { number: 1 },
    });

    // content is frozen while the bureau has it
    const locked = await putPart('problems', (await report()).parts.problems.version, {
      problems: '提交后修改',
      measures: '',
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('REPORT_NOT_EDITABLE');

    // what each may do now, for the buttons
    const actionsOf = async (s: Session) => (await get(s)).json().availableActions;
    expect(await actionsOf(editor)).toEqual([]);
    expect(await actionsOf(head)).toEqual(['withdraw']);
    expect(await actionsOf(approver)).toEqual(['start_review', 'return', 'approve']);
    expect((await act(reviewer, 'start_review')).statusCode).toBe(200);
    const noReason = await act(reviewer, 'return', { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'TRANSITION_REASON_REQUIRED', message: '退回修改须填写原因' });
    // two comments, each anchored to the field it is about
    const comment = async (part: string, fieldPath: string, body: string) => {
      const res = await as(
        app,
        reviewer,
      )({ method: 'POST', url: `/api/reports/${id}/comments`, payload: { part, fieldPath, body } });
      expect(res.statusCode).toBe(201);
      return res.json();
    };
    const onAmount = await comment('budget', 'budget.lines.2.amount', '第 3 项预算金额与批复不符，批复为 0.5 万元');
    const onTitle = await comment('team', 'team.members.0.title', '评价工作组组长缺少职称');
    expect(onAmount).toMatchObject({ status: 'open', revisionNumber: 1, comments: [{ side: 'finance' }] });
    const returned = await act(reviewer, 'return', { reason: '第 3 项预算金额与批复不符；评价工作组缺少职称' });
    expect(returned.statusCode).toBe(200);
    expect(returned.json().report).toMatchObject({ status: 'returned', openComments: 2 });
    // the return hands back the open comments, as they stood
    expect(returned.json().openComments).toEqual([
      {
        id: onAmount.id,
        part: 'budget',
        fieldPath: 'budget.lines.2.amount',
        body: '第 3 项预算金额与批复不符，批复为 0.5 万元',
      },
      { id: onTitle.id, part: 'team', fieldPath: 'team.members.0.title', body: '评价工作组组长缺少职称' },
    ]);
    // the department sees them by field, and answers one
    const seen = (await get(editor, '/comments?status=open')).json();
    expect(seen.map((t: { fieldPath: string }) => t.fieldPath)).toEqual([
      'budget.lines.2.amount',
      'team.members.0.title',
    ]);
    const answer = await as(
      app,
      editor,
    )({
      method: 'POST',
      url: `/api/reports/${id}/comments/${onAmount.id}/replies`,
      payload: { body: '已按批复改为 0.5 万元' },
    });
    expect(answer.statusCode).toBe(201);
    expect(answer.json().comments.map((c: { side: string }) => c.side)).toEqual(['finance', 'department']);

    // the department fixes exactly two things and resubmits
    await edit('budget', (b) => {
      const lines = b['lines'] as Array<Record<string, string>>;
      lines[2] = { ...lines[2], amount: '0.5' };
      const project = { budget: '178.146', actual: '178.146' };
      return { ...b, lines, expenditure: { ...(b['expenditure'] as object), project } };
    });
    // the 绩效自评表 covers the same money: it follows (a rule says so otherwise)
    await edit('scoreTable', (t) => {
      const funding = t['funding'] as Record<string, unknown>;
      const all = { initialBudget: '178.146', adjustedBudget: '178.146', executed: '178.146' };
      return { ...t, funding: { ...funding, total: all, currentYearAppropriation: all } };
    });
    await edit('team', (t) => {
      const members = t['members'] as Array<Record<string, string>>;
      members[0] = { ...members[0], title: '高级会计师' };
      return { members };
    });
    const resubmitted = await act(editor, 'submit', { teamConfirmed: true });
    if (resubmitted.statusCode !== 200) throw new Error(resubmitted.body);
    expect(resubmitted.json().revision).toMatchObject({ number: 2 });

    // the revision records who confirmed the evaluation team's sign-off, and the team — when the submitter said
    // so; the first submission did not, and records no confirmation
    const revisions = (await get(approver, '/revisions')).json();
    expect(revisions[0].signOffs.team).toBeNull();
    expect(revisions[1].signOffs).toMatchObject({
      head: null,
      team: {
        members: expect.arrayContaining([expect.any(String)]),
        confirmedBy: expect.any(String),
        at: expect.any(String),
      },
    });
    expect(revisions[1].signOffs.team.members).toHaveLength(4);

    // the reviewer resolves both comments once the fixes are in
    for (const thread of [onAmount, onTitle]) {
      const resolved = await as(
        app,
        reviewer,
      )({
        method: 'PATCH',
        url: `/api/reports/${id}/comments/${thread.id}`,
        headers: { 'if-match': `"${thread.version}"` },
        payload: { status: 'resolved' },
      });
      expect(resolved.statusCode).toBe(200);
      expect(resolved.json()).toMatchObject({ status: 'resolved', resolvedBy: expect.any(String) });
    }
    expect((await report()).openComments).toBe(0);

    const diff = await get(approver, '/diff?from=1&to=2');
    expect(diff.statusCode).toBe(200);
    const paths = diff
      .json()
      .changes.map((c: { path: string }) => c.path)
      .sort();
    expect(paths).toEqual(
      [
        'budget.lines.2.amount',
        'budget.expenditure.project.budget',
        'budget.expenditure.project.actual',
        ...['total', 'currentYearAppropriation'].flatMap((row) =>
          ['initialBudget', 'adjustedBudget', 'executed'].map((col) => `scoreTable.funding.${row}.${col}`),
        ),
        'team.members.0.title',
      ].sort(),
    );
    expect(diff.json().changes).toContainEqual({
      kind: 'changed',
      path: 'budget.lines.2.amount',
      from: '1',
      to: '0.5',
    });

    // a stale version is a conflict, never a silent approval of something else
    const stale = await act(approver, 'approve', { expectedVersion: (await report()).version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('REPORT_VERSION_CONFLICT');
    const opinion = '同意。请按整改措施于年底前完成佐证材料归档。';
    const approved = await act(approver, 'approve', { reason: opinion });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().report.status).toBe('approved');
    // the approver's 审批意见 stays in the history and goes onto the approved documents
    expect(approved.json().transition).toMatchObject({ action: 'approve', reason: opinion });
    const approvedDocs = await db.owner(
      async (c) =>
        (await c.query(`SELECT approval FROM documents WHERE report_id = $1 AND approval IS NOT NULL`, [id])).rows,
    );
    expect(approvedDocs.length).toBeGreaterThan(0);
    expect(approvedDocs.every((d) => d.approval.opinion === opinion)).toBe(true);

    const history = (await get(editor, '/history')).json();
    expect(history.map((h: { action: string; to: string }) => `${h.action}→${h.to}`)).toEqual([
      'submit→submitted',
      'start_review→in_review',
      'return→returned',
      'submit→submitted',
      'approve→approved',
    ]);
    expect(history[4]).toMatchObject({ action: 'approve', reason: opinion });
    expect(history[2]).toMatchObject({
      reason: '第 3 项预算金额与批复不符；评价工作组缺少职称',
      actorName: expect.any(String),
      openComments: [{ id: onAmount.id }, { id: onTitle.id }],
    });
    // an approved report takes no more comments
    const late = await as(
      app,
      reviewer,
    )({
      method: 'POST',
      url: `/api/reports/${id}/comments`,
      payload: { part: 'budget', body: '补充意见' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('REPORT_COMMENTS_CLOSED');
    expect(history.map((h: { revision: number | null }) => h.revision)).toEqual([1, null, null, 2, null]);
  });

  it('every refusal on an approved report: illegal 409 for the department, forbidden 403 for the wrong role', async () => {
    expect((await report()).status).toBe('approved');
    const cases: Array<[Session, string, number, string]> = [
      [editor, 'submit', 409, 'TRANSITION_ILLEGAL'],
      [head, 'withdraw', 409, 'TRANSITION_ILLEGAL'],
      [reviewer, 'start_review', 409, 'TRANSITION_ILLEGAL'],
      [reviewer, 'return', 409, 'TRANSITION_ILLEGAL'],
      [approver, 'approve', 409, 'TRANSITION_ILLEGAL'],
      [reviewer, 'reopen', 403, 'TRANSITION_FORBIDDEN'],
      [editor, 'approve', 403, 'TRANSITION_FORBIDDEN'],
      [editor, 'withdraw', 403, 'TRANSITION_FORBIDDEN'],
      [admin, 'submit', 403, 'FORBIDDEN'],
      [foreign, 'reopen', 404, 'REPORT_NOT_FOUND'],
    ];
    const got = [];
    for (const [session, action, ,] of cases) {
      const res = await act(session, action, { reason: '原因' });
      got.push([session.username, action, res.statusCode, res.json().code]);
    }
    expect(got).toEqual(cases.map(([s, a, status, code]) => [s.username, a, status, code]));
  });

  it('the approver reopens with a reason; the department may then edit again', async () => {
    expect((await act(approver, 'reopen')).statusCode).toBe(400);
    const reopened = await act(approver, 'reopen', { reason: '抽查发现绩效目标表述需完善' });
    expect(reopened.json().report.status).toBe('returned');
    await edit('problems', (p) => ({ ...p, problems: `${p['problems']}（补充）` }));
  });

  it('a withdrawal before review takes the report back to draft; only the head may withdraw', async () => {
    expect((await act(editor, 'submit')).statusCode).toBe(200);
    expect((await act(editor, 'withdraw')).statusCode).toBe(403);
    // a withdrawal says why: it is recorded in the history
    const unexplained = await act(head, 'withdraw');
    expect(unexplained.statusCode).toBe(400);
    expect(unexplained.json()).toMatchObject({ code: 'TRANSITION_REASON_REQUIRED', message: '撤回须填写原因' });
    const withdrawn = await act(head, 'withdraw', { reason: '发现人员数填错，撤回修改' });
    expect(withdrawn.json()).toMatchObject({
      report: { status: 'draft' },
      transition: { to: 'draft', reason: '发现人员数填错，撤回修改' },
    });
    const history = (await get(editor, '/history')).json();
    expect(history[history.length - 1]).toMatchObject({ action: 'withdraw', reason: '发现人员数填错，撤回修改' });
  });

  it('two simultaneous transitions from one version: one wins, the other is a conflict', async () => {
    const version = (await report()).version;
    const [a, b] = await Promise.all([
      act(editor, 'submit', { expectedVersion: version }),
      act(head, 'submit', { expectedVersion: version }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const revisions = (await get(editor, '/revisions')).json();
    expect(revisions.map((r: { number: number }) => r.number)).toEqual([1, 2, 3, 4]);
    // each one frozen by a submit (an import's would say 'import')
    expect(revisions.map((r: { reason: string }) => r.reason)).toEqual(['submit', 'submit', 'submit', 'submit']);
  });

  it('each transition is in the audit trail, and the chain verifies', async () => {
    const actions = await db.owner(async (c) =>
      (
        await c.query(
          `SELECT action FROM audit_log WHERE target_id = $1 AND action LIKE 'report.%' AND action <> 'report.part_updated' ORDER BY id`,
          [id],
        )
      ).rows.map((r) => r.action),
    );
    expect(actions).toEqual([
      'report.submit',
      'report.start_review',
      'report.comment_added',
      'report.comment_added',
      'report.return',
      'report.comment_replied',
      'report.submit',
      'report.comment_resolved',
      'report.comment_resolved',
      'report.approve',
      'report.reopen',
      'report.submit',
      'report.withdraw',
      'report.submit',
    ]);
    const chains = await verifyAuditChains((sql, params) => db.owner(async (c) => (await c.query(sql, params)).rows));
    expect(chains.every((c) => c.firstBroken === null)).toBe(true);
    // the county's administrator sees its own chain verified; a forged entry is named
    const verification = () => as(app, admin)({ method: 'GET', url: '/api/audit-log/verification' });
    const ok = (await verification()).json();
    expect(ok).toMatchObject({ firstBroken: null, entries: expect.any(Number) });
    // the intact chain's head comes signed with the key derived from the refresh secret
    expect(ok.head).toEqual({
      chain: ok.tenantId,
      position: ok.entries,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(ok.signedHead).toEqual(signChainHead(deriveAuditHeadKey(db.config().auth.refreshSecret), ok.head));
    const tenant = await idOf(db, `SELECT tenant_id AS id FROM reports WHERE id = $1`, [id]);
    const forged = await idOf(
      db,
      `SELECT id::text AS id FROM audit_log WHERE tenant_id = $1 AND action = 'report.approve' LIMIT 1`,
      [tenant],
    );
    await db.owner((c) => c.query(`UPDATE audit_log SET details = '{}' WHERE id = $1`, [forged]));
    expect((await verification()).json()).toMatchObject({
      tenantId: tenant,
      firstBroken: { id: forged, reason: 'hash_mismatch' },
      signedHead: null,
    });
  });

  it('each transition left one job in the outbox, in the same transaction, with a deterministic id', async () => {
    const rows = await db.owner(
      async (c) =>
        (
          await c.query(
            `SELECT o.queue, o.job_name, o.job_id, o.payload->>'action' AS action, t.id::text AS transition
               FROM outbox o JOIN report_transitions t ON o.job_id = 'report-transition-' || t.id
              WHERE t.report_id = $1 ORDER BY o.id`,
            [id],
          )
        ).rows,
    );
    expect(rows.map((r) => r.action)).toEqual([
      'submit',
      'start_review',
      'return',
      'submit',
      'approve',
      'reopen',
      'submit',
      'withdraw',
      'submit',
    ]);
    expect(rows.every((r) => r.queue === 'notifications' && r.job_name === 'report.transitioned')).toBe(true);
    // the three comments left one job each; the refused and the conflicting attempts left nothing behind
    const comments = await db.owner(
      async (c) => (await c.query(`SELECT job_name, job_id FROM outbox WHERE job_id LIKE 'report-comment-%'`)).rows,
    );
    expect(comments).toHaveLength(3);
    expect(comments.every((r) => r.job_name === 'report.commented')).toBe(true);
    // and each submission and approval asked for its PDF and DOCX (4 submits, 1 approval)
    const documents = await db.owner(
      async (c) => (await c.query(`SELECT job_name FROM outbox WHERE queue = 'documents'`)).rows,
    );
    expect(documents).toHaveLength(10);
    const [{ n }] = await db.owner(async (c) => (await c.query(`SELECT count(*)::int AS n FROM outbox`)).rows);
    expect(n).toBe(rows.length + comments.length + documents.length);
  });

  it('revisions are immutable for the application', async () => {
    const rev = await idOf(db, `SELECT id FROM report_revisions WHERE report_id = $1 AND number = 1`, [id]);
    const ds = new DataSource(dataSourceOptions({ url: db.appUrl, poolSize: 1, applicationName: 'wf-test' }));
    await ds.initialize();
    try {
      const tenant = await idOf(db, `SELECT tenant_id AS id FROM reports WHERE id = $1`, [id]);
      await expect(
        new TenantDb(ds).tx(
          (em) => em.query(`UPDATE report_revisions SET content = '{}' WHERE id = $1`, [rev]),
          tenant,
        ),
      ).rejects.toThrow(/permission denied/);
    } finally {
      await ds.destroy();
    }
  });
});
