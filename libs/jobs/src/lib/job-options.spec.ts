import { deterministicJobId } from './job-options';
import { jobsOfQueue, JOBS, QUEUES } from './queues';
import { redisConnectionOptions } from './redis-connection';

describe('deterministicJobId', () => {
  it('is the same for the same business keys', () => {
    expect(deterministicJobId('render', 'rev-1', 'pdf', 3)).toBe(deterministicJobId('render', 'rev-1', 'pdf', 3));
    expect(deterministicJobId('render', 'rev-1', 'pdf', 3)).not.toBe(deterministicJobId('render', 'rev-1', 'docx', 3));
  });

  it('never contains ":" and is never all digits (BullMQ rejects both)', () => {
    expect(deterministicJobId('a:b', 'c')).toBe('a_b.c');
    expect(deterministicJobId(2024)).toBe('j2024');
    expect(deterministicJobId(20, 24)).toBe('20.24');
  });

  it('needs at least one key', () => {
    expect(() => deterministicJobId()).toThrow();
  });
});

describe('queues', () => {
  it('assigns every job name to exactly one known queue', () => {
    const queues = Object.values(QUEUES) as string[];
    for (const job of Object.values(JOBS)) expect(queues).toContain(job.queue);
    expect(jobsOfQueue(QUEUES.system)).toEqual(['ping', 'recovery.sweep']);
  });
});

describe('redisConnectionOptions', () => {
  it('parses host, port, credentials and database from the URL', () => {
    const o = redisConnectionOptions('redis://user:p%40ss@cache.local:6380/2', 'producer');
    expect(o).toMatchObject({ host: 'cache.local', port: 6380, username: 'user', password: 'p@ss', db: 2 });
    expect(o.tls).toBeUndefined();
    expect(redisConnectionOptions('rediss://h', 'producer').tls).toEqual({});
  });

  it('lets workers wait for Redis but makes producers fail fast', () => {
    expect(redisConnectionOptions('redis://h', 'worker').maxRetriesPerRequest).toBeNull();
    const producer = redisConnectionOptions('redis://h', 'producer');
    expect(producer.maxRetriesPerRequest).toBe(1);
    expect(producer.enableOfflineQueue).toBe(false);
  });
});
