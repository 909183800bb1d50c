import { Processor } from '@nestjs/bullmq';
import { QUEUES } from '@evalflow/jobs';
import { DispatchingProcessor } from '../jobs/dispatching-processor';
import { CommentAddedHandler } from './comment-added.handler';
import { DeadlineRemindersHandler } from './deadline-reminders.handler';
import { DepartmentReminderHandler } from './department-reminder.handler';
import { ReportTransitionedHandler } from './report-transitioned.handler';

@Processor(QUEUES.notifications)
export class NotificationsProcessor extends DispatchingProcessor {
  constructor(
    transitioned: ReportTransitionedHandler,
    commented: CommentAddedHandler,
    deadlines: DeadlineRemindersHandler,
    reminder: DepartmentReminderHandler,
  ) {
    super(QUEUES.notifications, [transitioned, commented, deadlines, reminder]);
  }
}
