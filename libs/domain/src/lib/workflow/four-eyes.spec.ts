import { ERROR_CATALOGUE } from '../errors/error-catalogue';
import {
  DEFAULT_FOUR_EYES,
  fourEyesRefusal,
  reviewersOfCurrentRound,
  type FourEyesFacts,
  type FourEyesStep,
} from './four-eyes';

const submitted: FourEyesStep[] = [{ action: 'submit', actorUserId: 'editor' }];
const inReview: FourEyesStep[] = [...submitted, { action: 'start_review', actorUserId: 'reviewer' }];

const facts = (over: Partial<FourEyesFacts>): FourEyesFacts => ({
  action: 'approve',
  actor: { userId: 'approver' },
  history: inReview,
  authors: ['editor', 'writer'],
  settings: DEFAULT_FOUR_EYES,
  ...over,
});

describe('four eyes', () => {
  it('is on by default', () => {
    expect(DEFAULT_FOUR_EYES).toEqual({ reviewerMayNotApprove: true, authorMayNotReview: true });
  });

  it('lets a different approver approve what another reviewed', () => {
    expect(fourEyesRefusal(facts({}))).toBeNull();
  });

  it('refuses the approval by whoever started the review of this submission', () => {
    const refusal = fourEyesRefusal(facts({ actor: { userId: 'reviewer' } }));
    expect(refusal?.code).toBe('FOUR_EYES_REVIEWER_APPROVES');
    expect(refusal?.message).toMatch(/四眼原则/);
  });

  it('forgets a reviewer of an earlier submission: the round starts at the last submit', () => {
    const history: FourEyesStep[] = [
      ...inReview,
      { action: 'return', actorUserId: 'reviewer' },
      { action: 'submit', actorUserId: 'editor' },
      { action: 'start_review', actorUserId: 'other' },
    ];
    expect(reviewersOfCurrentRound(history)).toEqual(new Set(['other']));
    expect(fourEyesRefusal(facts({ history, actor: { userId: 'reviewer' } }))).toBeNull();
    expect(fourEyesRefusal(facts({ history, actor: { userId: 'other' } }))?.code).toBe('FOUR_EYES_REVIEWER_APPROVES');
  });

  it('allows the reviewer to approve where the county turned the rule off', () => {
    const settings = { ...DEFAULT_FOUR_EYES, reviewerMayNotApprove: false };
    expect(fourEyesRefusal(facts({ actor: { userId: 'reviewer' }, settings }))).toBeNull();
  });

  it.each(['start_review', 'return', 'approve'] as const)('refuses %s by the submitter', (action) => {
    const refusal = fourEyesRefusal(facts({ action, history: submitted, actor: { userId: 'editor' } }));
    expect(refusal?.code).toBe('FOUR_EYES_AUTHOR_REVIEWS');
  });

  it('refuses review by someone who drafted content without submitting it', () => {
    expect(fourEyesRefusal(facts({ action: 'start_review', actor: { userId: 'writer' } }))?.code).toBe(
      'FOUR_EYES_AUTHOR_REVIEWS',
    );
  });

  it('does not apply the author rule to the department’s own steps or to reopening', () => {
    for (const action of ['submit', 'withdraw', 'reopen'] as const) {
      expect(fourEyesRefusal(facts({ action, actor: { userId: 'editor' } }))).toBeNull();
    }
  });

  it('allows an author to review where the county turned the rule off', () => {
    const settings = { ...DEFAULT_FOUR_EYES, authorMayNotReview: false };
    expect(fourEyesRefusal(facts({ action: 'return', actor: { userId: 'editor' }, settings }))).toBeNull();
  });

  it('holds a stand-in and the principal it acts for to the rules alike', () => {
    // the stand-in itself started the review
    expect(fourEyesRefusal(facts({ actor: { userId: 'reviewer', onBehalfOfUserId: 'approver' } }))?.code).toBe(
      'FOUR_EYES_REVIEWER_APPROVES',
    );
    // the approval is made in the name of the reviewer
    expect(fourEyesRefusal(facts({ actor: { userId: 'approver', onBehalfOfUserId: 'reviewer' } }))?.code).toBe(
      'FOUR_EYES_REVIEWER_APPROVES',
    );
    // a review started by a stand-in counts as the principal's too
    const history: FourEyesStep[] = [
      ...submitted,
      { action: 'start_review', actorUserId: 'standin', onBehalfOfUserId: 'principal' },
    ];
    expect(fourEyesRefusal(facts({ history, actor: { userId: 'principal' } }))?.code).toBe(
      'FOUR_EYES_REVIEWER_APPROVES',
    );
    // acting for an author is acting as one
    expect(
      fourEyesRefusal(
        facts({ action: 'return', history: submitted, actor: { userId: 'x', onBehalfOfUserId: 'editor' } }),
      )?.code,
    ).toBe('FOUR_EYES_AUTHOR_REVIEWS');
  });

  it('has a forbidden (403) code with a Chinese message in the catalogue for each refusal', () => {
    expect(ERROR_CATALOGUE.FOUR_EYES_AUTHOR_REVIEWS.kind).toBe('forbidden');
    expect(ERROR_CATALOGUE.FOUR_EYES_REVIEWER_APPROVES.kind).toBe('forbidden');
  });
});
