import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The two workers take the next file from one queue. Started last, a 30 s file keeps one worker
// busy while the other has nothing left; so the long files (measured on the two-core machine,
// issue 12) go first, longest first, and the many short ones fill in behind them. The rest keep
// vitest's own order (by the last run's durations, or by size).
const LONGEST_FIRST = [
  'test/ops/deployment-scripts.test.ts',
  'test/browser/admin-journeys.test.ts',
  'test/ops/deployment-upgrade.test.ts',
  'test/browser/telegram-journeys.test.ts',
  'test/ops/telegram-outage.test.ts',
  'test/process/start.test.ts',
  'test/browser/admin-personal-links.test.ts',
  'test/delivery/crash.test.ts',
  'test/delivery/worker.test.ts',
  'test/browser/web-report.test.ts',
  'test/ops/deployment.test.ts',
  'test/cli/demo-ids.test.ts',
  'test/summaries/demo-documents.test.ts',
  'test/process/telegram-outage.test.ts',
  'test/process/email-wave.test.ts',
  'test/ops/restore.test.ts',
  'test/ops/backup-command.test.ts',
];

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rest = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FIRST.indexOf(relative(f.project.config.root, f.moduleId));
      return i === -1 ? LONGEST_FIRST.length : i;
    };
    // A stable sort: the files not listed keep vitest's order, after the listed ones.
    return rest.sort((a, b) => rank(a) - rank(b));
  }
}
