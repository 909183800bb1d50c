import { Processor } from '@nestjs/bullmq';
import { QUEUES } from '@evalflow/jobs';
import { DispatchingProcessor } from '../jobs/dispatching-processor';
import { DeliverWebhookHandler } from './deliver-webhook.handler';

@Processor(QUEUES.webhooks)
export class WebhooksProcessor extends DispatchingProcessor {
  constructor(deliver: DeliverWebhookHandler) {
    super(QUEUES.webhooks, [deliver]);
  }
}
