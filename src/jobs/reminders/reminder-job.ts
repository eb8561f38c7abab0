// The reminder job: per bloc, at the clock times its policy can make a reminder due (and at the
// start of each sending window, where deferred reminders land), queue what is due.

import type { ReminderPolicy } from '../../core/reminder-policy.js';
import { reminderClockTimes } from '../../core/reminder-policy.js';
import { listBlocReminderPolicies } from '../../db/reminder-policies.js';
import type { Bloc } from '../../db/blocs.js';
import { cronAt, localMinuteSlot } from '../../core/cron-times.js';
import { defineJob, type JobScope } from '../job.js';
import { remindBloc } from './remind-bloc.js';

interface BlocPolicyScope extends JobScope {
  blocId: number;
  bloc: Bloc;
  policy: ReminderPolicy;
}

export const reminderJob = defineJob<BlocPolicyScope>({
  name: 'reminders',
  description: 'Nhắc các đơn vị chưa gửi báo cáo tiến độ và báo cáo lên Khối trưởng / thủ trưởng đơn vị',
  schedule: (scope) => (scope.policy.enabled ? reminderClockTimes(scope.policy).map((time) => cronAt(time)) : null),
  async scopes(deps) {
    const rows = await listBlocReminderPolicies(deps.db);
    return rows.map(({ bloc, policy }) => ({ key: `bloc:${bloc.id}`, blocId: bloc.id, bloc, policy }));
  },
  slotOf: (at, _scope, timeZone) => localMinuteSlot(at, timeZone),
  // Reminders look at who is missing now: the newest missed slot covers the older ones.
  catchUp: 'latest',
  run: async (deps, now, scope) => ({ ...(await remindBloc(deps, scope.bloc, scope.policy, now)) }),
});
