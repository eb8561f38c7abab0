// Every scheduled job. A feature adds its job with one entry here (see job.ts for the shape);
// main.ts hands this list to startScheduler and the CLI's `job run` finds jobs by name in it.

import type { Job } from './job.js';
import { reminderJob } from './reminders/reminder-job.js';
import { periodDigestJob } from './digest-jobs.js';
import { summaryJob } from './summary-jobs.js';
import { housekeepingJob } from './housekeeping-job.js';
import { type BackupJobSettings, createBackupJob } from './backup-job.js';

export const jobs: readonly Job[] = [reminderJob, periodDigestJob, summaryJob, housekeepingJob];

/** The jobs of a running server: the list above and the daily backup, which needs the settings. */
export function jobsWithBackup(backup: BackupJobSettings): readonly Job[] {
  return [...jobs, createBackupJob(backup)];
}

/** The job with that name, if any. */
export function findJob(name: string, list: readonly Job[] = jobs): Job | undefined {
  return list.find((j) => j.name === name);
}
