import { loadConfig } from './load-config';

/** The relay's poll bounds how long a committed job (a submitted report's PDF) waits before BullMQ has it. */
describe('OUTBOX_POLL_MS', () => {
  it('is 200 ms unless told otherwise, and may be set up to a minute', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).worker.outboxPollMs).toBe(200);
    expect(loadConfig({ NODE_ENV: 'development', OUTBOX_POLL_MS: '60000' }).worker.outboxPollMs).toBe(60000);
    expect(() => loadConfig({ NODE_ENV: 'development', OUTBOX_POLL_MS: '60001' })).toThrow(/OUTBOX_POLL_MS/);
  });
});
