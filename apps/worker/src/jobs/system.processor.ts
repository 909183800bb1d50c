import { Processor } from '@nestjs/bullmq';
import { QUEUES } from '@evalflow/jobs';
import { DispatchingProcessor } from './dispatching-processor';
import { PingHandler } from './ping.handler';

@Processor(QUEUES.system)
export class SystemProcessor extends DispatchingProcessor {
  constructor(ping: PingHandler) {
    super(QUEUES.system, [ping]);
  }
}
