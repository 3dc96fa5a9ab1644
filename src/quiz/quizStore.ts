import type { RecordedPostFailure } from './postFailure.js';
import type { QuizRound, RoundStats } from './rounds.js';
import type { QuizSettings, QuizSettingsInput, QuizStatus, RecapSettings } from './settings.js';

/** A round about to be created: the question and its shown option order are fixed from the start. */
export type NewRound = Pick<
	QuizRound,
	'guildId' | 'localDate' | 'questionId' | 'topic' | 'optionOrder' | 'channelId' | 'closesAt'
>;

/** A judged answer, ready to store with the member's name and running totals. */
export interface NewAnswer {
	readonly round: Pick<QuizRound, 'id' | 'guildId' | 'localDate'> & { readonly postedAt: Date };
	readonly userId: string;
	/** The member's name as the interaction showed it: the leaderboard remembers it. */
	readonly displayName: string;
	/** Positions of the chosen options as shown. */
	readonly shownIndices: readonly number[];
	/** The same options' indexes in the bank. */
	readonly optionIndices: readonly number[];
	readonly correct: boolean;
	readonly points: number;
	readonly answeredAt: Date;
}

/**
 * Where the quiz keeps its state (Postgres in production: `src/db`). Every method is one
 * thing the quiz needs to know or record; none of them decides a rule.
 */
export interface QuizStore {
	getSettings(guildId: string): Promise<QuizSettings | undefined>;
	/** Saves a guild's settings; setting up again re-activates a paused or disabled quiz. */
	saveSettings(input: QuizSettingsInput): Promise<QuizSettings>;
	/** Undefined when the guild has never set the quiz up. */
	setStatus(guildId: string, status: QuizStatus): Promise<QuizSettings | undefined>;
	/** Undefined when the guild has never set the quiz up. */
	saveRecapSettings(guildId: string, recap: RecapSettings): Promise<QuizSettings | undefined>;
	listActiveSettings(): Promise<QuizSettings[]>;

	getRound(roundId: number): Promise<QuizRound | undefined>;
	findRound(guildId: string, localDate: string): Promise<QuizRound | undefined>;
	/** Every question id the guild has been asked, oldest first. */
	questionHistory(guildId: string): Promise<string[]>;
	/**
	 * Creates the guild's round for its date, or returns the one that already exists: when two
	 * workers race, one row wins and both get it.
	 */
	createRound(round: NewRound): Promise<QuizRound>;
	/**
	 * Takes the right to post a round, opening its answer window (`now` to `closesAt`); only one
	 * caller gets it while the claim is younger than `staleAfterMs`.
	 */
	claimRoundPost(roundId: number, now: Date, staleAfterMs: number, closesAt: Date): Promise<boolean>;
	/** Records the posted message; the round is posted and any earlier failure is cleared. */
	markRoundPosted(roundId: number, messageId: string): Promise<QuizRound>;
	/** Records a failed attempt and gives up the claim (the answer window closes again). */
	recordPostFailure(roundId: number, failure: Omit<RecordedPostFailure, 'reportedAt'>): Promise<void>;
	markFailureReported(roundId: number, at: Date): Promise<void>;
	/** False when the round was already closed. */
	markRoundClosed(roundId: number, now: Date): Promise<boolean>;
	roundStats(roundId: number): Promise<RoundStats>;
	/**
	 * Stores an answer, the member's name and their totals at once. False when the member had
	 * already answered the round, or the round has closed since it was read (nothing changes then).
	 */
	recordAnswer(answer: NewAnswer): Promise<boolean>;
	findAnswer(
		roundId: number,
		userId: string,
	): Promise<{ readonly correct: boolean; readonly shownIndices: readonly number[] } | undefined>;
	/** Rounds posted and not yet closed. */
	openRounds(): Promise<Pick<QuizRound, 'id' | 'closesAt'>[]>;
	/** The rounds of these guilds on these dates. */
	roundsOn(guildIds: readonly string[], localDates: readonly string[]): Promise<QuizRound[]>;
}
