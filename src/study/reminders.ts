import {
	formatLocalTime,
	isValidTimeZone,
	localDate,
	nextOccurrence,
	parseLocalTime,
	readZonedTime,
} from '../time/zonedTime.js';
import type { StudyDependencies } from './studyDependencies.js';
import type { ReviewReminder } from './studyStore.js';

/** A sweep takes this many due reminders at a time, until none is left. */
export const REMINDER_SWEEP_BATCH = 500;

export type SetReminderOutcome =
	| { readonly status: 'set'; readonly time: string; readonly timezone: string; readonly nextAt: Date }
	| { readonly status: 'invalid-time'; readonly time: string }
	| { readonly status: 'invalid-time-zone'; readonly timezone: string; readonly suggestions: readonly string[] };

/** `/review remind`: a DM at that local time on days when cards are due. Setting it again also re-opens DMs. */
export async function setReminder(
	deps: Pick<StudyDependencies, 'store' | 'clock'>,
	input: { readonly userId: string; readonly time: string; readonly timezone: string },
): Promise<SetReminderOutcome> {
	const read = readZonedTime(input.time, input.timezone);
	if (read.status !== 'ok') {
		return read;
	}
	const { time, timezone } = read;
	const now = deps.clock();
	const existing = await deps.store.reminder(input.userId);
	const reminder: ReviewReminder = {
		userId: input.userId,
		time: formatLocalTime(time),
		timezone,
		nextAt: nextOccurrence(now, time, timezone),
		lastSentOn: existing?.lastSentOn ?? null,
		dmClosedAt: null,
	};
	await deps.store.saveReminder(reminder);
	return { status: 'set', time: reminder.time, timezone, nextAt: reminder.nextAt };
}

/** `/review remind-off`. */
export async function stopReminder(
	deps: Pick<StudyDependencies, 'store'>,
	userId: string,
): Promise<{ readonly status: 'stopped' | 'none' }> {
	return { status: (await deps.store.deleteReminder(userId)) ? 'stopped' : 'none' };
}

/** The reminder's next time after `now`; a reminder whose time cannot be read is looked at again in a day. */
function nextTime(reminder: ReviewReminder, now: Date): Date {
	const time = parseLocalTime(reminder.time);
	return time && isValidTimeZone(reminder.timezone)
		? nextOccurrence(now, time, reminder.timezone)
		: new Date(now.getTime() + 24 * 60 * 60 * 1000);
}

/**
 * The minutely sweep: takes every reminder whose time has come (in batches; each one's next
 * time moves to tomorrow as it is taken) and queues one send each, keyed by the member's local
 * date, so a reminder is sent at most once a day however often the sweep runs. One indexed
 * query a minute however many members opt in, instead of a scheduler per member.
 */
export async function sweepReminders(
	deps: Pick<StudyDependencies, 'store' | 'reminderQueue' | 'clock'>,
): Promise<{ readonly queued: number }> {
	const now = deps.clock();
	let queued = 0;
	for (;;) {
		const due = await deps.store.claimDueReminders(now, REMINDER_SWEEP_BATCH, (reminder) => nextTime(reminder, now));
		const toSend = due
			.map((reminder) => ({
				reminder,
				today: localDate(now, isValidTimeZone(reminder.timezone) ? reminder.timezone : 'UTC'),
			}))
			.filter(({ reminder, today }) => reminder.lastSentOn !== today)
			.map(({ reminder, today }) => ({ userId: reminder.userId, localDate: today }));
		if (toSend.length > 0) {
			await deps.reminderQueue.enqueueReminders(toSend);
		}
		queued += toSend.length;
		if (due.length < REMINDER_SWEEP_BATCH) {
			return { queued };
		}
	}
}

export type SendReminderOutcome =
	| { readonly status: 'sent'; readonly due: number }
	| { readonly status: 'nothing-due' }
	| { readonly status: 'dm-closed' }
	| { readonly status: 'skipped' };

/** One queued reminder: a DM if cards are due and none was sent on that local date. */
export async function sendReminder(
	deps: Pick<StudyDependencies, 'store' | 'reminderSender' | 'clock'>,
	request: { readonly userId: string; readonly localDate: string },
): Promise<SendReminderOutcome> {
	const reminder = await deps.store.reminder(request.userId);
	if (reminder?.dmClosedAt !== null || reminder.lastSentOn === request.localDate) {
		return { status: 'skipped' };
	}
	const now = deps.clock();
	const due = await deps.store.dueCount(request.userId, now);
	if (due === 0) {
		return { status: 'nothing-due' };
	}
	const sent = await deps.reminderSender.sendReviewReminder(request.userId, due);
	if (sent === 'dm-closed') {
		await deps.store.markDmClosed(request.userId, now);
		return { status: 'dm-closed' };
	}
	await deps.store.markReminderSent(request.userId, request.localDate);
	return { status: 'sent', due };
}
