import {
  availableActions,
  canSignOff,
  fourEyesRefusal,
  type DelegableRole,
  type Principal,
  type TransitionAction,
} from '@evalflow/domain';
import type {
  DelegationRecord,
  FourEyesFacts,
  PartRecord,
  ReportRecord,
  TemplateVersionRecord,
} from '@evalflow/persistence';
import type { StoredSettings } from '../settings/grade-bands.store';
import { headSignOffOf, pinnedTemplateView, toPartView, toSummary } from './report-store';
import type { PartView, ReportView } from './reports.dto';

/** Everything a report view is built from, however it was read (one transaction, or one round trip). */
export interface ReportViewFacts {
  report: ReportRecord;
  settings: StoredSettings;
  template: TemplateVersionRecord;
  /** in the current schema version */
  parts: PartRecord[];
  fourEyes: FourEyesFacts;
  /** the delegations the caller holds in force today */
  standIns: DelegationRecord[];
}

export function ownDepartment(principal: Principal, report: Pick<ReportRecord, 'departmentId'>): boolean {
  return report.departmentId === principal.departmentId;
}

/** The report as the caller sees it: content, the actions offered, and why any would be refused (四眼原则). */
export function reportView(principal: Principal, facts: ReportViewFacts): ReportView {
  const { report, settings, template } = facts;
  const summary = toSummary(report, template.definition.gradeBands ?? settings.gradeBands);
  const own = ownDepartment(principal, report);
  const actions = availableActions(summary.status, principal.roles, own);
  return {
    ...summary,
    template: pinnedTemplateView(template),
    parts: Object.fromEntries(facts.parts.map((p) => [p.part, toPartView(p)])) as Record<string, PartView>,
    prefilledFrom: report.prefilledFrom,
    carriedOver: report.carriedOver,
    availableActions: actions,
    actionBlocks: actionBlocks(principal, actions, facts),
    standInFor: actions.length
      ? facts.standIns.map((d) => ({ userId: d.principalUserId, name: d.principalName, role: d.role as DelegableRole }))
      : [],
    signOff: { required: settings.requireHeadSignOff, head: headSignOffOf(report) },
    canSignOff: canSignOff(summary.status, principal.roles, own),
  };
}

/** Why an offered action would be refused for who the user is (四眼原则), for the button's reason. */
function actionBlocks(
  principal: Principal,
  actions: TransitionAction[],
  { fourEyes, settings }: ReportViewFacts,
): Partial<Record<TransitionAction, string>> {
  const blocks: Partial<Record<TransitionAction, string>> = {};
  for (const action of actions) {
    const refusal = fourEyesRefusal({
      action,
      actor: { userId: principal.userId },
      history: fourEyes.history,
      authors: fourEyes.authors,
      settings: settings.fourEyes,
    });
    if (refusal) blocks[action] = refusal.message;
  }
  return blocks;
}
