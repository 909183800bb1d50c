import type { CheckSummary } from '@evalflow/domain';
import type { ReportRecord } from '@evalflow/persistence';

/** the most check results held; past it the least recently used go */
const MAX_ENTRIES = 500;

/** Everything the checks of a report are a function of, each by a version that moves whenever it changes. */
export interface ChecksInputs {
  report: Pick<ReportRecord, 'id' | 'version' | 'schemaVersion' | 'templateVersionId'>;
  /** last year's approved report compared with, if any */
  previous: Pick<ReportRecord, 'id' | 'version'> | null;
  /** the county's settings version (its grade bands); 0 while it has the defaults */
  settingsVersion: number;
}

/**
 * The checks of a report version, computed once per process. The rules are pure (no clock, no other input than
 * the content, the year, the template, the bands and last year's report), and each input is named by a version
 * that any change raises: an entry can never be stale, only unused. The editor saves and reviewers re-open a
 * report far more often than its content changes.
 */
export class ChecksCache {
  private readonly entries = new Map<string, CheckSummary>();

  static key({ report, previous, settingsVersion }: ChecksInputs): string {
    const last = previous ? `${previous.id}@${previous.version}` : 'none';
    return `${report.id}@${report.version}/${report.schemaVersion}|${report.templateVersionId}|${last}|${settingsVersion}`;
  }

  get(inputs: ChecksInputs): CheckSummary | undefined {
    const key = ChecksCache.key(inputs);
    const found = this.entries.get(key);
    if (found) {
      this.entries.delete(key); // most recently used last
      this.entries.set(key, found);
    }
    return found;
  }

  set(inputs: ChecksInputs, checks: CheckSummary): void {
    const key = ChecksCache.key(inputs);
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, checks);
  }

  get size(): number {
    return this.entries.size;
  }
}
