import { fourEyesRefusal, type FourEyesRefusal, type FourEyesSettings, type TransitionAction } from '@evalflow/domain';
import { loadFourEyesFacts, type TenantTx } from '@evalflow/persistence';

export type FourEyesActor = { userId: string; onBehalfOfUserId?: string | null };
export type FourEyesCheck = (action: TransitionAction, actor: FourEyesActor) => FourEyesRefusal | null;

/** The county's four-eyes rules bound to one report's history and authors, for one or several checks. */
export async function fourEyesOf(tx: TenantTx, reportId: string, settings: FourEyesSettings): Promise<FourEyesCheck> {
  const { history, authors } = await loadFourEyesFacts(tx, reportId);
  return (action, actor) => fourEyesRefusal({ action, actor, history, authors, settings });
}
