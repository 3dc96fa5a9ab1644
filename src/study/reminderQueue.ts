/** One reminder to send: to a member, for their local date (never two on one date). */
export interface DueReminder {
	readonly userId: string;
	readonly localDate: string;
}

/** Where reminders wait to be sent, one job each, so a slow DM never holds up the sweep. */
export interface ReminderQueue {
	enqueueReminders(reminders: readonly DueReminder[]): Promise<void>;
}
