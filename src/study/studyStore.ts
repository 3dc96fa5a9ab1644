import type { CardReview, StudyCard } from './cards.js';

/** Where an answer was given; each is a review of the member's card. */
export type ReviewSource = 'daily' | 'practice' | 'review' | 'mock';

/** One answer to record as a review. */
export interface AnswerToReview {
	readonly userId: string;
	readonly questionId: string;
	readonly correct: boolean;
	readonly answeredAt: Date;
	readonly source: ReviewSource;
	/** What the answer belongs to (`round:12`, `session:7:3`): an answer is reviewed once, however often it arrives. */
	readonly sourceRef: string;
	readonly guildId: string | null;
	readonly responseMs: number | null;
}

/** The review of one answer, given the member's card before it (undefined: never reviewed). */
export type ReviewComputer = (previous: StudyCard | undefined) => { card: StudyCard; review: CardReview };

/**
 * What planning needs of a card, with how the member has done on its question over every
 * review: read in one small query, so choosing questions stays fast with a long history.
 */
export interface PlanningCard extends Pick<StudyCard, 'questionId' | 'due' | 'suspendedAt' | 'reps'> {
	readonly answers: number;
	readonly correct: number;
}

export interface PracticeSession {
	readonly id: number;
	readonly userId: string;
	readonly kind: 'practice' | 'review';
	readonly guildId: string | null;
	readonly topic: string | null;
	readonly domain: string | null;
	readonly questionIds: readonly string[];
	/** The question on screen (0-based); equal to the count when the summary is shown. */
	readonly position: number;
	readonly shownAt: Date;
	readonly startedAt: Date;
	readonly finishedAt: Date | null;
}

export interface PracticeAnswer {
	readonly position: number;
	readonly questionId: string;
	readonly optionOrder: readonly number[];
	readonly choices: readonly number[];
	readonly correct: boolean;
	readonly responseMs: number;
	readonly answeredAt: Date;
}

export interface NewPracticeSession {
	readonly userId: string;
	readonly kind: PracticeSession['kind'];
	readonly guildId: string | null;
	readonly topic: string | null;
	readonly domain: string | null;
	readonly questionIds: readonly string[];
	readonly startedAt: Date;
}

export interface ReviewReminder {
	readonly userId: string;
	readonly time: string;
	readonly timezone: string;
	readonly nextAt: Date;
	readonly lastSentOn: string | null;
	readonly dmClosedAt: Date | null;
}

/** What the bot holds about one member's study, as `/privacy` shows it. */
export interface StudyFootprint {
	readonly cards: number;
	readonly reviews: number;
	readonly sessions: number;
	readonly reminder: boolean;
	/** Daily quiz answers, over every server. */
	readonly quizAnswers: number;
	readonly servers: number;
}

/** Where a member's study lives: cards, review logs, practice sessions, reminders. */
export interface StudyStore {
	cardsOf(userId: string): Promise<StudyCard[]>;
	card(userId: string, questionId: string): Promise<StudyCard | undefined>;
	/**
	 * Records an answer as a review in one transaction: the card is locked, `compute` gives the
	 * card after the review, the log is written and the card saved. A second call for the same
	 * `sourceRef` changes nothing and says `duplicate`.
	 */
	recordReview(answer: AnswerToReview, compute: ReviewComputer): Promise<'recorded' | 'duplicate'>;
	/** Every card of the member, as planning and due counts need it, with their right and wrong answers. */
	planningCards(userId: string): Promise<PlanningCard[]>;
	saveCard(userId: string, card: StudyCard): Promise<void>;
	/** Cards due at `now` (reviewed before, not suspended). */
	dueCount(userId: string, now: Date): Promise<number>;
	/** Reviews since an instant: how many, and how many were right. */
	reviewTotals(userId: string, since: Date): Promise<{ readonly answers: number; readonly correct: number }>;
	/**
	 * The member's time zone for "today": their reminder's, else that of the server's quiz,
	 * else undefined.
	 */
	timeZoneOf(userId: string, guildId: string | null): Promise<string | undefined>;

	/** Question ids of the daily rounds open now in a server: never asked in its practice. */
	openDailyQuestions(guildId: string, now: Date): Promise<string[]>;
	/** The daily answers of a round, to review once the round is closed. */
	roundAnswers(roundId: number): Promise<(AnswerToReview & { readonly questionId: string })[]>;

	createSession(session: NewPracticeSession): Promise<PracticeSession>;
	session(id: number): Promise<PracticeSession | undefined>;
	sessionAnswers(id: number): Promise<PracticeAnswer[]>;
	/**
	 * Records a session's answer and its review together; `duplicate` if that position is
	 * already answered.
	 */
	recordSessionAnswer(
		sessionId: number,
		answer: PracticeAnswer,
		review: AnswerToReview,
		compute: ReviewComputer,
	): Promise<'recorded' | 'duplicate'>;
	/** Moves the session from `from` to the next position, if it is still at `from`. */
	advanceSession(id: number, from: number, shownAt: Date, finishedAt: Date | null): Promise<boolean>;

	reminder(userId: string): Promise<ReviewReminder | undefined>;
	saveReminder(reminder: ReviewReminder): Promise<void>;
	deleteReminder(userId: string): Promise<boolean>;
	/**
	 * Takes up to `limit` reminders due at `now` (not with DMs closed), moving each one's next
	 * time on with `next`: two sweeps never take the same reminder.
	 */
	claimDueReminders(now: Date, limit: number, next: (reminder: ReviewReminder) => Date): Promise<ReviewReminder[]>;
	markReminderSent(userId: string, localDate: string): Promise<void>;
	markDmClosed(userId: string, at: Date): Promise<void>;

	footprint(userId: string): Promise<StudyFootprint>;
	/** Deletes everything the bot holds about the member: study, reminders, quiz answers and totals, names. */
	forget(userId: string): Promise<StudyFootprint>;
}
