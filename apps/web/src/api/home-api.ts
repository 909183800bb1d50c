import type { ReportKind, ReportStatus } from '@evalflow/domain';
import type { ApiClient } from './client';
import type { ReportDeadline } from './report-types';

/** A report still in the department's hands, with what it still lacks (GET /api/home). */
export interface HomeDraft {
  id: string;
  fiscalYear: number;
  kind: ReportKind;
  projectName: string | null;
  status: ReportStatus;
  deadline: ReportDeadline | null;
  /** required fields still empty */
  missing: number;
  /** other failing checks that block submission */
  errors: number;
  warnings: number;
  openComments: number;
  updatedAt: string;
}

export interface HomeQueuedReport {
  id: string;
  departmentName: string;
  fiscalYear: number;
  kind: ReportKind;
  projectName: string | null;
  status: ReportStatus;
  submittedAt: string | null;
  openComments: number;
}

export interface HomeOverdueDepartment {
  departmentId: string;
  departmentName: string;
  fiscalYear: number;
  dueOn: string;
  daysOverdue: number;
  reportId: string | null;
  reportStatus: ReportStatus | null;
  lastRemindedAt: string | null;
  reminders: number;
  /** when the next 催报 may go; null: now */
  nextReminderAt: string | null;
}

export interface HomeSetupStep {
  key: 'departments' | 'finance' | 'users' | 'deadline' | 'bands' | 'template';
  title: string;
  done: boolean;
  detail: string;
  link: string;
}

/** The home page's lists: those of the caller's roles only. */
export interface HomeView {
  drafts?: HomeDraft[];
  review?: { queue: HomeQueuedReport[]; queueTotal: number; overdue: HomeOverdueDepartment[] };
  setup?: { fiscalYear: number; steps: HomeSetupStep[] };
}

export interface ReminderView {
  id: string;
  departmentId: string;
  fiscalYear: number;
  sentAt: string;
  nextReminderAt: string;
}

export async function getHome(api: ApiClient, signal?: AbortSignal): Promise<HomeView> {
  return (await api.request<HomeView>('/home', { signal })).data;
}

/** 催报: reminds an overdue department (429 REMINDER_TOO_SOON within 24 hours of the last). */
export async function sendReminder(
  api: ApiClient,
  reminder: { departmentId: string; fiscalYear: number },
): Promise<ReminderView> {
  return (await api.request<ReminderView>('/reminders', { method: 'POST', body: reminder })).data;
}
