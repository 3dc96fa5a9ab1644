/** A guild's daily quiz is running, paused (kept, not posting) or turned off. */
export const QUIZ_STATUSES = ['active', 'paused', 'disabled'] as const;
export type QuizStatus = (typeof QUIZ_STATUSES)[number];

export interface QuizSettings {
	readonly guildId: string;
	readonly channelId: string;
	readonly roleId: string | null;
	/** Local posting time, `HH:MM`. */
	readonly postTime: string;
	/** IANA time zone name. */
	readonly timezone: string;
	readonly answerWindowHours: number;
	readonly status: QuizStatus;
	readonly recapEnabled: boolean;
	/** ISO weekday of the weekly recap, 1 = Monday … 7 = Sunday. */
	readonly recapWeekday: number;
	/** Local time of the weekly recap, `HH:MM`. */
	readonly recapTime: string;
	/** Where `/quiz setup` was last run: a post that fails for good is reported there. */
	readonly adminChannelId: string | null;
}

export type QuizSettingsInput = Omit<QuizSettings, 'status' | 'recapEnabled' | 'recapWeekday' | 'recapTime'>;

export interface RecapSettings {
	readonly recapEnabled: boolean;
	readonly recapWeekday: number;
	readonly recapTime: string;
}

/** The longest a question may stay open, in hours. */
export const MAX_ANSWER_WINDOW_HOURS = 24;
export const DEFAULT_ANSWER_WINDOW_HOURS = 24;

/** When a question posted at `start` stops taking answers: the one place this is computed. */
export function answerWindowEnd(start: Date, answerWindowHours: number): Date {
	return new Date(start.getTime() + answerWindowHours * 3_600_000);
}
