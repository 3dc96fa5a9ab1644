/** The quiz's scoring rules, in one place. */

export const POINTS_FOR_CORRECT = 10;
/** Extra points for answering at once, falling linearly to nothing at the end of the window. */
export const MAX_EARLY_BONUS = 5;

export interface AnswerTiming {
	readonly postedAt: Date;
	readonly closesAt: Date;
	readonly answeredAt: Date;
}

/** Points for one answer: none when wrong; 10 plus an early bonus of up to 5 when right. */
export function pointsFor(correct: boolean, timing: AnswerTiming): number {
	if (!correct) {
		return 0;
	}
	const window = timing.closesAt.getTime() - timing.postedAt.getTime();
	const elapsed = timing.answeredAt.getTime() - timing.postedAt.getTime();
	const remaining = window <= 0 ? 0 : Math.min(1, Math.max(0, 1 - elapsed / window));
	return POINTS_FOR_CORRECT + Math.round(MAX_EARLY_BONUS * remaining);
}
