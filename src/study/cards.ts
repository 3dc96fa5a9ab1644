import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card } from 'ts-fsrs';

/**
 * The spaced-review rules, in one place. Every answer a member gives (daily quiz, practice,
 * review, mock exam) is one FSRS review of that member's card for that question: a wrong answer
 * is Again, a right one Good. Hard and Easy are not used: a click on Discord says whether the
 * member knew the answer, not how hard it felt, and the time to answer mostly measures reading
 * a long scenario.
 *
 * FSRS-6 as `ts-fsrs` implements it, with its defaults: 90% requested retention, learning steps
 * of 1 and 10 minutes, a relearning step of 10 minutes, intervals up to 100 years, and no fuzz,
 * so a schedule is a pure function of the answers and their times.
 */
const SCHEDULER = fsrs(generatorParameters({ enable_fuzz: false }));

/** A card lapses this often before it is a leech: suspended from review, its note to re-read. */
export const LEECH_LAPSES = 8;
/** After it is un-suspended, a leech is one again at every this many further lapses (Anki's rule). */
export const LEECH_REPEAT_LAPSES = LEECH_LAPSES / 2;

const DAY_MS = 24 * 60 * 60 * 1000;

export const CARD_STATES = ['new', 'learning', 'review', 'relearning'] as const;
export type CardState = (typeof CARD_STATES)[number];

/** One member's card for one question. */
export interface StudyCard {
	readonly questionId: string;
	readonly state: CardState;
	readonly due: Date;
	readonly stability: number;
	readonly difficulty: number;
	readonly scheduledDays: number;
	readonly learningSteps: number;
	readonly reps: number;
	readonly lapses: number;
	readonly lastReview: Date | null;
	/** Set while the card is a suspended leech. */
	readonly suspendedAt: Date | null;
	/** The lapse count at which it is next a leech. */
	readonly leechAt: number;
}

/** What one review did to a card: everything a review log keeps. */
export interface CardReview {
	readonly correct: boolean;
	readonly rating: 'again' | 'good';
	readonly stateBefore: CardState;
	readonly stateAfter: CardState;
	readonly dueBefore: Date | null;
	readonly dueAfter: Date;
	readonly stabilityBefore: number | null;
	readonly stabilityAfter: number;
	readonly difficultyBefore: number | null;
	readonly difficultyAfter: number;
	/** Days since the previous review, fractional; 0 for the first. */
	readonly elapsedDays: number;
	readonly scheduledDays: number;
	readonly reviewedAt: Date;
	/** This lapse made the card a leech: it is suspended from now on. */
	readonly becameLeech: boolean;
}

const STATE_OF: Readonly<Record<State, CardState>> = {
	[State.New]: 'new',
	[State.Learning]: 'learning',
	[State.Review]: 'review',
	[State.Relearning]: 'relearning',
};

const FSRS_STATE: Readonly<Record<CardState, State>> = {
	new: State.New,
	learning: State.Learning,
	review: State.Review,
	relearning: State.Relearning,
};

function toFsrs(card: StudyCard): Card {
	return {
		due: card.due,
		stability: card.stability,
		difficulty: card.difficulty,
		// eslint-disable-next-line @typescript-eslint/no-deprecated -- ts-fsrs 5 still requires it on a Card; scheduling ignores it.
		elapsed_days: 0,
		scheduled_days: card.scheduledDays,
		learning_steps: card.learningSteps,
		reps: card.reps,
		lapses: card.lapses,
		state: FSRS_STATE[card.state],
		...(card.lastReview ? { last_review: card.lastReview } : {}),
	};
}

/** A card never reviewed: what FSRS starts from. */
export function newCard(questionId: string, now: Date): StudyCard {
	const empty = createEmptyCard(now);
	return {
		questionId,
		state: 'new',
		due: empty.due,
		stability: empty.stability,
		difficulty: empty.difficulty,
		scheduledDays: empty.scheduled_days,
		learningSteps: empty.learning_steps,
		reps: 0,
		lapses: 0,
		lastReview: null,
		suspendedAt: null,
		leechAt: LEECH_LAPSES,
	};
}

/**
 * One answer as a review: the card after it (a new card if the member never had one) and the
 * log of what changed. The card that lapses for the eighth time becomes a suspended leech.
 */
export function reviewCard(
	previous: StudyCard | undefined,
	questionId: string,
	correct: boolean,
	now: Date,
): { readonly card: StudyCard; readonly review: CardReview } {
	const before = previous ?? newCard(questionId, now);
	const { card: after } = SCHEDULER.next(toFsrs(before), now, correct ? Rating.Good : Rating.Again);
	const becameLeech = before.suspendedAt === null && after.lapses >= before.leechAt && after.lapses > before.lapses;
	const card: StudyCard = {
		questionId,
		state: STATE_OF[after.state],
		due: after.due,
		stability: after.stability,
		difficulty: after.difficulty,
		scheduledDays: after.scheduled_days,
		learningSteps: after.learning_steps,
		reps: after.reps,
		lapses: after.lapses,
		lastReview: now,
		suspendedAt: becameLeech ? now : before.suspendedAt,
		leechAt: becameLeech ? after.lapses + LEECH_REPEAT_LAPSES : before.leechAt,
	};
	return {
		card,
		review: {
			correct,
			rating: correct ? 'good' : 'again',
			stateBefore: before.state,
			stateAfter: card.state,
			dueBefore: previous ? previous.due : null,
			dueAfter: card.due,
			stabilityBefore: previous ? previous.stability : null,
			stabilityAfter: card.stability,
			difficultyBefore: previous ? previous.difficulty : null,
			difficultyAfter: card.difficulty,
			elapsedDays: before.lastReview ? Math.max(0, (now.getTime() - before.lastReview.getTime()) / DAY_MS) : 0,
			scheduledDays: card.scheduledDays,
			reviewedAt: now,
			becameLeech,
		},
	};
}

/** Due for review at `now`: reviewed before, not suspended, and its due time has come. */
export function isDue(card: Pick<StudyCard, 'suspendedAt' | 'reps' | 'due'>, now: Date): boolean {
	return card.suspendedAt === null && card.reps > 0 && card.due.getTime() <= now.getTime();
}

/** The card back in review after a leech, with its schedule kept: due at once. */
export function unsuspend(card: StudyCard, now: Date): StudyCard {
	return { ...card, suspendedAt: null, due: card.due.getTime() < now.getTime() ? card.due : now };
}

/** The rating number FSRS logs use (1 Again, 3 Good), for review logs that parameters are fitted from. */
export function ratingNumber(rating: CardReview['rating']): number {
	return rating === 'good' ? Rating.Good : Rating.Again;
}

/** FSRS's number for a state (0 new … 3 relearning), as review logs store it. */
export function stateNumber(state: CardState): number {
	return FSRS_STATE[state];
}

/** A stored state number back as a state; numbers come from {@link stateNumber}, anything else reads as new. */
export function stateFromNumber(value: number): CardState {
	return CARD_STATES[value] ?? 'new';
}
