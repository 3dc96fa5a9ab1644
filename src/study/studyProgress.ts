import { EXAM_DOMAINS, type ExamDomain } from '../quiz/questionBank.js';
import { countDue, DEFAULT_STUDY_TIME_ZONE, type DueCounts } from './practiceSessions.js';
import type { StudyDependencies } from './studyDependencies.js';

/** Retention is measured over the last this many days of reviews. */
export const RETENTION_DAYS = 30;

export interface DomainAccuracy {
	readonly domain: ExamDomain;
	readonly answers: number;
	readonly correct: number;
}

/** `/stats me`: a member's own study, across servers. */
export interface StudyProgress {
	/** Questions the member has a card for. */
	readonly cards: number;
	readonly leeches: number;
	readonly due: DueCounts;
	/** Share right of the reviews of the last {@link RETENTION_DAYS} days. */
	readonly recent: { readonly answers: number; readonly correct: number };
	readonly byDomain: readonly DomainAccuracy[];
	/** Bank questions the member has never answered. */
	readonly unseen: number;
}

export async function getStudyProgress(
	deps: Pick<StudyDependencies, 'store' | 'bank' | 'clock'>,
	input: { readonly userId: string; readonly guildId: string | null },
): Promise<StudyProgress> {
	const now = deps.clock();
	const since = new Date(now.getTime() - RETENTION_DAYS * 24 * 60 * 60 * 1000);
	const [cards, recent, timeZone] = await Promise.all([
		deps.store.planningCards(input.userId),
		deps.store.reviewTotals(input.userId, since),
		deps.store.timeZoneOf(input.userId, input.guildId),
	]);
	const totals = new Map<ExamDomain, { answers: number; correct: number }>();
	for (const record of cards) {
		const domain = deps.bank.get(record.questionId)?.domain;
		if (domain) {
			const sum = totals.get(domain) ?? { answers: 0, correct: 0 };
			totals.set(domain, { answers: sum.answers + record.answers, correct: sum.correct + record.correct });
		}
	}
	const known = new Set(cards.map((card) => card.questionId));
	return {
		cards: cards.length,
		leeches: cards.filter((card) => card.suspendedAt !== null).length,
		due: countDue(cards, now, timeZone ?? DEFAULT_STUDY_TIME_ZONE),
		recent,
		byDomain: EXAM_DOMAINS.map((domain) => ({ domain, answers: 0, correct: 0, ...totals.get(domain) })),
		unseen: deps.bank.questions.filter((question) => !known.has(question.id)).length,
	};
}
