import { Injectable } from '@nestjs/common';
import {
  chinaDate,
  daysBetween,
  deadlineStatus,
  nextReminderAllowedAt,
  remainingWork,
  runChecks,
  type AppAbility,
  type GradeBand,
  type ReportContent,
} from '@evalflow/domain';
import {
  findPreviousYearApprovedOf,
  listDepartmentOpenReports,
  loadContents,
  loadPinnedTemplate,
  overdueDepartments,
  reviewQueue,
  setupFacts,
  TenantDb,
  type ReportRecord,
  type TenantTx,
} from '@evalflow/persistence';
import { canOn } from '../access/object-checks';
import type { SessionPrincipal } from '../auth/sessions.service';
import { loadSettings } from '../settings/grade-bands.store';
import type { HomeDraftView, HomeReviewView, HomeSetupView, HomeView } from './home.dto';
import { setupSteps } from './setup-steps';

/** Reports a department sees on its home page at most (its drafts and returns of every year). */
export const HOME_DRAFTS_MAX = 50;
/** Reports of the review queue listed at most (the total is counted). */
export const HOME_QUEUE_MAX = 20;

/**
 * The home page (首页): what is the caller's to do, by role, in one tenant transaction. A department's open
 * reports are checked in a fixed number of statements whatever their number (contents, last year's reports
 * and their contents each read at once); the finance bureau's and the administrator's lists are one query each.
 */
@Injectable()
export class HomeService {
  constructor(private readonly db: TenantDb) {}

  async get(principal: SessionPrincipal, ability: AppAbility): Promise<HomeView> {
    const tenantId = principal.tenantId;
    // the platform's operators have no county work
    if (!tenantId) return {};
    const editsOwn =
      principal.departmentId !== null &&
      canOn(ability, 'update', 'Report', { tenantId, departmentId: principal.departmentId, status: 'draft' });
    const reviews = canOn(ability, 'review', 'Report', { tenantId });
    const administers = canOn(ability, 'update', 'TenantSettings', { tenantId });
    return this.db.tx(async (tx) => {
      const now = new Date();
      const view: HomeView = {};
      if (editsOwn && principal.departmentId) view.drafts = await this.drafts(tx, principal.departmentId, now);
      if (reviews) view.review = await this.review(tx, now);
      if (administers) view.setup = await this.setup(tx, now);
      return view;
    });
  }

  private async drafts(tx: TenantTx, departmentId: string, now: Date): Promise<HomeDraftView[]> {
    const reports = await listDepartmentOpenReports(tx, departmentId, HOME_DRAFTS_MAX);
    if (!reports.length) return [];
    const { gradeBands } = await loadSettings(tx);
    const previous = await findPreviousYearApprovedOf(
      tx,
      reports.map((r) => r.id),
    );
    const contents = await loadContents(tx, [...reports, ...previous.values()]);
    const views: HomeDraftView[] = [];
    for (const report of reports) {
      const work = remainingWork(await this.check(tx, report, previous.get(report.id) ?? null, contents, gradeBands));
      views.push({
        id: report.id,
        fiscalYear: report.fiscalYear,
        kind: report.kind,
        projectName: report.projectName,
        status: report.status,
        deadline: report.dueOn ? deadlineStatus(report.dueOn, report.firstSubmittedAt, now) : null,
        ...work,
        openComments: report.openComments,
        updatedAt: report.updatedAt.toISOString(),
      });
    }
    return views;
  }

  /** The report's checks as the editor runs them (its pinned template: cached per version, not read per report). */
  private async check(
    tx: TenantTx,
    report: ReportRecord,
    previous: ReportRecord | null,
    contents: Map<string, ReportContent>,
    gradeBands: GradeBand[],
  ) {
    const content = contents.get(report.id);
    if (!content) throw new Error(`content of report ${report.id} not loaded`);
    const previousContent = previous ? contents.get(previous.id) : undefined;
    const { definition: template } = await loadPinnedTemplate(tx, report.templateVersionId);
    return runChecks(content, {
      fiscalYear: report.fiscalYear,
      gradeBands,
      previousYear: previous && previousContent ? { fiscalYear: previous.fiscalYear, content: previousContent } : null,
      template,
    });
  }

  private async review(tx: TenantTx, now: Date): Promise<HomeReviewView> {
    const today = chinaDate(now);
    const queue = await reviewQueue(tx, HOME_QUEUE_MAX);
    const overdue = await overdueDepartments(tx, today);
    return {
      queue: queue.items.map((r) => ({ ...r, submittedAt: r.submittedAt ? r.submittedAt.toISOString() : null })),
      queueTotal: queue.total,
      overdue: overdue.map((d) => {
        const next = nextReminderAllowedAt(d.lastRemindedAt);
        return {
          ...d,
          daysOverdue: daysBetween(d.dueOn, today),
          lastRemindedAt: d.lastRemindedAt ? d.lastRemindedAt.toISOString() : null,
          nextReminderAt: next && next > now ? next.toISOString() : null,
        };
      }),
    };
  }

  private async setup(tx: TenantTx, now: Date): Promise<HomeSetupView> {
    // the self-evaluation of a year is done in the next: the year under way is last year
    const fiscalYear = Number(chinaDate(now).slice(0, 4)) - 1;
    return { fiscalYear, steps: setupSteps(fiscalYear, await setupFacts(tx, fiscalYear)) };
  }
}
