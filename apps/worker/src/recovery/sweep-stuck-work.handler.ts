import { Injectable } from '@nestjs/common';
import { JOBS, type SweepStuckWorkJobData } from '@evalflow/jobs';
import type { JobHandler } from '../jobs/job-handler';
import { StuckWorkSweeper, type SweepResult } from './stuck-work-sweeper.service';

/** The sweeper's scheduled run (system queue). */
@Injectable()
export class SweepStuckWorkHandler implements JobHandler<SweepStuckWorkJobData, SweepResult> {
  readonly jobName = JOBS.sweepStuckWork.name;

  constructor(private readonly sweeper: StuckWorkSweeper) {}

  handle(): Promise<SweepResult> {
    return this.sweeper.sweepOnce();
  }
}
