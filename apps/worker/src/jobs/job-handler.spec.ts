import { handlerMap, type JobHandler } from './job-handler';

const handler = (jobName: string): JobHandler => ({ jobName, handle: async () => jobName });

describe('handlerMap (checked at start-up)', () => {
  it('maps each job name of the queue to its handler', () => {
    const map = handlerMap('q', ['a', 'b'], [handler('a'), handler('b')]);
    expect([...map.keys()]).toEqual(['a', 'b']);
  });

  it('fails when a job name has no handler', () => {
    expect(() => handlerMap('q', ['a', 'b'], [handler('a')])).toThrow('Queue "q" has no handler for job(s): b');
  });

  it('fails when a job name has two handlers', () => {
    expect(() => handlerMap('q', ['a'], [handler('a'), handler('a')])).toThrow('two handlers for job "a"');
  });

  it('fails when a handler serves a job the queue does not know', () => {
    expect(() => handlerMap('q', ['a'], [handler('a'), handler('z')])).toThrow('unknown job "z"');
  });
});
