import type { TransitionAction } from './workflow';

/**
 * 四眼原则 (separation of duties), as county settings: a report is not reviewed by whoever wrote it,
 * nor approved by whoever reviewed it. Pure, so the api enforces and the web explains the same rule.
 */
export interface FourEyesSettings {
  /** whoever started the review of the current submission may not also approve it */
  reviewerMayNotApprove: boolean;
  /** whoever drafted or submitted the report may not review (start, return) or approve it */
  authorMayNotReview: boolean;
}

/** Both rules hold until the county's administrator turns one off. */
export const DEFAULT_FOUR_EYES: FourEyesSettings = { reviewerMayNotApprove: true, authorMayNotReview: true };

/** The review side of the workflow: what an author may not do to its own report. */
export const REVIEW_ACTIONS: readonly TransitionAction[] = ['start_review', 'return', 'approve'];

/** One recorded step of the report's history, oldest first. */
export interface FourEyesStep {
  action: TransitionAction;
  actorUserId: string | null;
  /** the principal a stand-in acted for; the step counts as both people's */
  onBehalfOfUserId?: string | null;
}

export interface FourEyesFacts {
  action: TransitionAction;
  /** who acts now, and for whom when a stand-in acts: both are held to the rules */
  actor: { userId: string; onBehalfOfUserId?: string | null };
  history: readonly FourEyesStep[];
  /** who wrote the content (created the report, last changed a part); submitters come from the history */
  authors: readonly string[];
  settings: FourEyesSettings;
}

export type FourEyesCode = 'FOUR_EYES_AUTHOR_REVIEWS' | 'FOUR_EYES_REVIEWER_APPROVES';
export interface FourEyesRefusal {
  code: FourEyesCode;
  message: string;
}

const stepPeople = (s: FourEyesStep): string[] =>
  [s.actorUserId, s.onBehalfOfUserId].filter((id): id is string => typeof id === 'string');

/** Who drafted or submitted the report, at any time. */
export function authorsOf(authors: readonly string[], history: readonly FourEyesStep[]): Set<string> {
  return new Set([...authors, ...history.filter((s) => s.action === 'submit').flatMap(stepPeople)]);
}

/** Who started the review of the current submission (the steps after its last submit). */
export function reviewersOfCurrentRound(history: readonly FourEyesStep[]): Set<string> {
  let lastSubmit = -1;
  history.forEach((s, i) => {
    if (s.action === 'submit') lastSubmit = i;
  });
  return new Set(
    history
      .slice(lastSubmit + 1)
      .filter((s) => s.action === 'start_review')
      .flatMap(stepPeople),
  );
}

/** Why this actor may not take this step on this report under the county's rules; null when it may. */
export function fourEyesRefusal(facts: FourEyesFacts): FourEyesRefusal | null {
  const people = [facts.actor.userId, facts.actor.onBehalfOfUserId].filter((id): id is string => !!id);
  const standIn = facts.actor.onBehalfOfUserId ? '（含代理的被代理人）' : '';
  if (facts.settings.authorMayNotReview && REVIEW_ACTIONS.includes(facts.action)) {
    const authors = authorsOf(facts.authors, facts.history);
    if (people.some((p) => authors.has(p))) {
      return {
        code: 'FOUR_EYES_AUTHOR_REVIEWS',
        message: `本县实行四眼原则：报告的填报人或提交人${standIn}不能审核或审批自己的报告`,
      };
    }
  }
  if (facts.settings.reviewerMayNotApprove && facts.action === 'approve') {
    const reviewers = reviewersOfCurrentRound(facts.history);
    if (people.some((p) => reviewers.has(p))) {
      return {
        code: 'FOUR_EYES_REVIEWER_APPROVES',
        message: `本县实行四眼原则：审核本次提交的人${standIn}不能再审批通过，请由另一位审批人审批`,
      };
    }
  }
  return null;
}
