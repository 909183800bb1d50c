import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { setupDatabase } from '@evalflow/persistence';
import { startSeededSystem, TestDatabase, waitFor, type SeededSystem } from '@evalflow/testing';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/**
 * 预算一体化 hears of a report the moment it moves: a real submit and return through the API process reach a receiver
 * started here, through the outbox, BullMQ and the worker process, signed with the endpoint's secret; the receiver's
 * first answer fails, and the worker's retry delivers the same delivery id again.
 */
describe('webhooks: a workflow move delivered by the worker, signed, retried after a failure', () => {
  let db: TestDatabase;
  let system: SeededSystem;
  let receiver: Server;
  let base: string;
  let receiverUrl: string;
  const received: Received[] = [];
  // the receiver answers 500 to the first request, 200 to the rest
  const answers = [500];

  const json = { 'content-type': 'application/json' };
  const login = async (username: string) => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username, password: 'evalflow-demo' }),
    });
    return { authorization: `Bearer ${(await res.json()).accessToken}`, ...json };
  };
  const call = async (headers: Record<string, string>, method: string, path: string, body?: object) => {
    const res = await fetch(`${base}${path}`, { method, headers, body: body && JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const answered = answers.shift() ?? 200;
        received.push({ headers: req.headers, body, answered });
        res.writeHead(answered).end(answered === 200 ? 'ok' : 'busy');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const address = receiver.address();
    receiverUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hooks/evalflow`;

    db = await TestDatabase.create(setupDatabase);
    system = await startSeededSystem(db, {
      OUTBOX_POLL_MS: '200',
      // a failed delivery is tried again after 200 ms (then 400, …) instead of a minute
      WEBHOOK_BACKOFF_MS: '200',
    });
    base = system.base;
  });

  afterAll(async () => {
    await system?.stop();
    await db?.destroy();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('submit and return reach the receiver signed; the failed first attempt is retried under the same delivery id', async () => {
    const admin = await login('zhaoxian.admin');
    const endpoint = await call(admin, 'POST', '/api/webhooks', {
      url: receiverUrl,
      events: ['report.submitted', 'report.returned'],
      description: '预算一体化（测试）',
    });
    expect(endpoint.secret).toEqual(expect.any(String));

    const editor = await login('zhaoxian.union.editor');
    const reviewer = await login('zhaoxian.finance.reviewer');
    const list = await call(editor, 'GET', '/api/reports?fiscalYear=2024&kind=department_overall');
    const reportId = list.items[0].id as string;
    const move = async (who: Record<string, string>, action: string, reason?: string) => {
      const { version } = await call(who, 'GET', `/api/reports/${reportId}`);
      return call(who, 'POST', `/api/reports/${reportId}/transitions`, { action, expectedVersion: version, reason });
    };
    await move(editor, 'submit');
    await move(reviewer, 'start_review');
    await move(reviewer, 'return', '请补充佐证材料');

    // 500 for the submit, then its retry, then the return
    await waitFor(
      async () => (received.filter((r) => r.answered === 200).length >= 2 ? true : undefined),
      'two successful deliveries',
    );
    // the return may arrive before the submit's retry: group by delivery
    expect(received).toHaveLength(3);
    const byEvent = (event: string) => received.filter((r) => r.headers['x-evalflow-event'] === event);
    const [failed, retried] = byEvent('report.submitted');
    const [returned] = byEvent('report.returned');
    expect([failed.answered, retried.answered, returned.answered]).toEqual([500, 200, 200]);
    expect(failed.headers['x-evalflow-delivery']).toBe(retried.headers['x-evalflow-delivery']);
    expect(failed.body).toBe(retried.body);
    expect(returned.headers['x-evalflow-delivery']).not.toBe(failed.headers['x-evalflow-delivery']);
    for (const r of [failed, retried, returned]) {
      const timestamp = String(r.headers['x-evalflow-timestamp']);
      const expected = createHmac('sha256', endpoint.secret).update(`${timestamp}.${r.body}`).digest('hex');
      expect(r.headers['x-evalflow-signature']).toBe(`sha256=${expected}`);
      expect(Math.abs(Date.now() / 1000 - Number(timestamp))).toBeLessThan(300);
    }
    expect(JSON.parse(retried.body)).toMatchObject({
      event: 'report.submitted',
      data: expect.objectContaining({ reportId }),
    });
    expect(JSON.parse(returned.body).data).toMatchObject({ reportId });

    // the delivery log says the same once the worker has recorded the answer: two attempts, [500, 200]
    const submitted = await waitFor(async () => {
      const deliveries: Array<{ event: string; status: string; attempts: Array<{ status: number }> }> = await call(
        admin,
        'GET',
        `/api/webhooks/${endpoint.id}/deliveries`,
      );
      const found = deliveries.find((d) => d.event === 'report.submitted');
      return found?.status === 'succeeded' ? found : undefined;
    }, 'the submit delivery recorded as succeeded');
    expect(submitted.attempts.map((a) => a.status)).toEqual([500, 200]);
  }, 90000);
});
