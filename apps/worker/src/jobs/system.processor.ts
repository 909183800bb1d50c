import { Processor } from '@nestjs/bullmq';
import { QUEUES } from '@evalflow/jobs';
import { DispatchingProcessor } from './dispatching-processor';
import { SweepStuckWorkHandler } from '../recovery/sweep-stuck-work.handler';
import { PingHandler } from './ping.handler';

@Processor(QUEUES.system)
export class SystemProcessor extends DispatchingProcessor {
  constructor(ping: PingHandler, sweep: SweepStuckWorkHandler) {
    super(QUEUES.system, [ping, sweep]);
  }
}
