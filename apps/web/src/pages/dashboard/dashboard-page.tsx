import { useSession, useSignedIn } from '../../auth/session-context';
import { CountyDashboard } from './county-dashboard';

/** /dashboard: the finance bureau's overview of its county, asked through the signed-in session. */
export function DashboardPage() {
  const session = useSession();
  const { me } = useSignedIn();
  return <CountyDashboard api={session} countyName={me.tenant?.name ?? '本县（区）'} />;
}
