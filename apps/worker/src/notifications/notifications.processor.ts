import { Processor } from '@nestjs/bullmq';
import { QUEUES } from '@evalflow/jobs';
import { DispatchingProcessor } from '../jobs/dispatching-processor';
import { ReportTransitionedHandler } from './report-transitioned.handler';

@Processor(QUEUES.notifications)
export class NotificationsProcessor extends DispatchingProcessor {
  constructor(transitioned: ReportTransitionedHandler) {
    super(QUEUES.notifications, [transitioned]);
  }
}
