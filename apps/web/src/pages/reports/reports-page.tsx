import { permissionsOf } from '../../auth/permissions';
import { useSignedIn } from '../../auth/session-context';
import { MyReportsPage } from './my-reports-page';
import { ReviewQueuePage } from './review-queue-page';

/** /reports: the department's own reports, or the finance bureau's review queue. */
export function ReportsPage() {
  const { me, ability } = useSignedIn();
  return permissionsOf(ability, me).reviewReports ? <ReviewQueuePage /> : <MyReportsPage />;
}
