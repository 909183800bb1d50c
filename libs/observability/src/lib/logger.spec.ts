import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { PinoNestLogger } from './nest-logger';
import { MissingContextError, RequestContext } from './request-context';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', service: 'unit', destination }) };
}

describe('createLogger', () => {
  it('writes JSON lines with service, level label and time', () => {
    const { lines, logger } = capture();
    logger.info({ n: 1 }, 'hello');
    expect(lines[0]).toMatchObject({ level: 'info', service: 'unit', n: 1, msg: 'hello' });
    expect(typeof lines[0]['time']).toBe('string');
  });

  it('adds the request, tenant and user of the current context', () => {
    const { lines, logger } = capture();
    RequestContext.run({ requestId: 'req-1', tenantId: 't-1', userId: 'u-1' }, () => logger.info('inside'));
    logger.info('outside');
    expect(lines[0]).toMatchObject({ requestId: 'req-1', tenantId: 't-1', userId: 'u-1', msg: 'inside' });
    expect(lines[1]).not.toHaveProperty('requestId');
  });

  it('redacts credentials', () => {
    const { lines, logger } = capture();
    logger.info({ body: { password: 'secret', refreshToken: 'tok' }, req: { headers: { authorization: 'Bearer x' } } });
    expect(JSON.stringify(lines[0])).not.toMatch(/secret|tok|Bearer/);
  });
});

describe('RequestContext', () => {
  it('is fail-closed outside a context', () => {
    expect(RequestContext.current()).toBeUndefined();
    expect(() => RequestContext.require()).toThrow(MissingContextError);
  });

  it('follows async continuations and keeps concurrent contexts apart', async () => {
    const seen = await Promise.all(
      ['a', 'b', 'c'].map((id) =>
        RequestContext.run({ requestId: id }, async () => {
          await new Promise((r) => setTimeout(r, 5));
          return RequestContext.require().requestId;
        }),
      ),
    );
    expect(seen).toEqual(['a', 'b', 'c']);
  });
});

describe('PinoNestLogger', () => {
  it("routes Nest's calls with their context, and errors with their stack", () => {
    const { lines, logger } = capture();
    const nest = new PinoNestLogger(logger);
    nest.log('started', 'NestApplication');
    nest.error('boom', 'Error: boom\n    at x', 'ExceptionHandler');
    nest.warn({ msg: 'structured', queue: 'q' }, 'Queue');
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'started', context: 'NestApplication' });
    expect(lines[1]).toMatchObject({
      level: 'error',
      msg: 'boom',
      context: 'ExceptionHandler',
      stack: 'Error: boom\n    at x',
    });
    expect(lines[2]).toMatchObject({ level: 'warn', msg: 'structured', queue: 'q', context: 'Queue' });
  });
});
