import { PERIODS, type Period } from '../scores/rules.js';
import type { QueryReference } from '../search/savedQueries.js';
import { DISCORD_LIMITS } from './render/limits.js';

/**
 * Buttons carry their whole state in their custom id, `<feature>:<action>:<arg>:…`, so they
 * keep working after a restart. Parsing is strict: anything else is treated as a stale button.
 */
export type CustomId =
	| { readonly feature: 'search'; readonly action: 'page'; readonly page: number; readonly query: QueryReference }
	| { readonly feature: 'note'; readonly action: 'open'; readonly sectionId: string; readonly passage: number }
	| { readonly feature: 'note'; readonly action: 'page'; readonly sectionId: string; readonly page: number }
	| { readonly feature: 'note'; readonly action: 'share'; readonly sectionId: string; readonly page: number }
	| { readonly feature: 'quiz'; readonly action: 'answer'; readonly roundId: number; readonly choice: number }
	/** The menu of a "Select TWO/THREE" question: the picks come as the menu's values. */
	| { readonly feature: 'quiz'; readonly action: 'pick'; readonly roundId: number }
	| {
			readonly feature: 'leaderboard';
			readonly action: 'page' | 'period' | 'share';
			readonly period: Period;
			readonly page: number;
	  }
	| { readonly feature: 'stats'; readonly action: 'share'; readonly userId: string }
	/** An option of a practice or review session's question; `pick` is the menu of a multi-answer one. */
	| {
			readonly feature: 'study';
			readonly action: 'answer';
			readonly sessionId: number;
			readonly position: number;
			readonly choice: number;
	  }
	| {
			readonly feature: 'study';
			readonly action: 'pick' | 'next';
			readonly sessionId: number;
			readonly position: number;
	  }
	| { readonly feature: 'review'; readonly action: 'unsuspend'; readonly questionId: string }
	| { readonly feature: 'privacy'; readonly action: 'delete' | 'confirm' | 'cancel' };

const SECTION_ID = /^[a-z0-9-]+\.[a-z0-9-]+$/u;
const MAX_INDEX = 999;

export function encodeCustomId(id: CustomId): string {
	const parts: (string | number)[] = ((): (string | number)[] => {
		switch (id.feature) {
			case 'search':
				return [
					id.feature,
					id.action,
					id.page,
					...(id.query.kind === 'inline' ? ['q', id.query.query] : ['k', id.query.key]),
				];
			case 'quiz':
				return id.action === 'answer'
					? [id.feature, id.action, id.roundId, id.choice]
					: [id.feature, id.action, id.roundId];
			case 'leaderboard':
				return [id.feature, id.action, id.period, id.page];
			case 'stats':
				return [id.feature, id.action, id.userId];
			case 'note':
				return [id.feature, id.action, id.sectionId, id.action === 'open' ? id.passage : id.page];
			case 'study':
				return id.action === 'answer'
					? [id.feature, id.action, id.sessionId, id.position, id.choice]
					: [id.feature, id.action, id.sessionId, id.position];
			case 'review':
				return [id.feature, id.action, id.questionId];
			case 'privacy':
				return [id.feature, id.action];
		}
	})();
	const encoded = parts.join(':');
	if (encoded.length > DISCORD_LIMITS.customId) {
		throw new Error(`custom id "${encoded}" is longer than Discord's ${DISCORD_LIMITS.customId} characters`);
	}
	return encoded;
}

function parseIndex(text: string | undefined): number | undefined {
	if (text === undefined || !/^\d{1,3}$/u.test(text)) {
		return undefined;
	}
	const value = Number(text);
	return value <= MAX_INDEX ? value : undefined;
}

const ROUND_ID = /^[1-9]\d{0,9}$/u;
const MAX_OPTIONS = 6;

const USER_ID = /^\d{17,20}$/u;
const SESSION_ID = /^[1-9]\d{0,9}$/u;
const QUESTION_ID = /^[a-z0-9][a-z0-9-]{0,79}$/u;
const QUERY_KEY = /^[0-9a-f]{16}$/u;

function isPeriod(text: string | undefined): text is Period {
	return PERIODS.some((period) => period === text);
}

export function decodeCustomId(raw: string): CustomId | undefined {
	const [feature, action, ...args] = raw.split(':');
	if (
		feature === 'leaderboard' &&
		(action === 'page' || action === 'period' || action === 'share') &&
		args.length === 2
	) {
		const [period, pageText] = args;
		const page = parseIndex(pageText);
		return isPeriod(period) && page !== undefined ? { feature, action, period, page } : undefined;
	}
	if (feature === 'stats' && action === 'share' && args.length === 1) {
		const [userId] = args;
		return userId !== undefined && USER_ID.test(userId) ? { feature, action, userId } : undefined;
	}
	if (feature === 'quiz' && action === 'pick' && args.length === 1) {
		const [roundText] = args;
		return roundText !== undefined && ROUND_ID.test(roundText)
			? { feature, action, roundId: Number(roundText) }
			: undefined;
	}
	if (feature === 'quiz' && action === 'answer' && args.length === 2) {
		const [roundText, choiceText] = args;
		const choice = parseIndex(choiceText);
		if (roundText === undefined || !ROUND_ID.test(roundText) || choice === undefined || choice >= MAX_OPTIONS) {
			return undefined;
		}
		return { feature, action, roundId: Number(roundText), choice };
	}
	if (feature === 'search' && action === 'page' && args.length >= 3) {
		const [pageText, kind, ...rest] = args;
		const page = parseIndex(pageText);
		// The query may itself hold colons: everything after its marker is the query.
		const text = rest.join(':');
		if (page === undefined) {
			return undefined;
		}
		if (kind === 'q' && text.trim() !== '') {
			return { feature, action, page, query: { kind: 'inline', query: text } };
		}
		return kind === 'k' && QUERY_KEY.test(text)
			? { feature, action, page, query: { kind: 'saved', key: text } }
			: undefined;
	}
	if (feature === 'study') {
		return decodeStudy(action, args);
	}
	if (feature === 'review' && action === 'unsuspend' && args.length === 1) {
		const [questionId] = args;
		return questionId !== undefined && QUESTION_ID.test(questionId) ? { feature, action, questionId } : undefined;
	}
	if (
		feature === 'privacy' &&
		(action === 'delete' || action === 'confirm' || action === 'cancel') &&
		args.length === 0
	) {
		return { feature, action };
	}
	if (feature === 'note' && args.length === 2) {
		const [sectionId, indexText] = args;
		const index = parseIndex(indexText);
		if (sectionId === undefined || !SECTION_ID.test(sectionId) || index === undefined) {
			return undefined;
		}
		switch (action) {
			case 'open':
				return { feature, action, sectionId, passage: index };
			case 'page':
			case 'share':
				return { feature, action, sectionId, page: index };
			default:
				return undefined;
		}
	}
	return undefined;
}

function decodeStudy(action: string | undefined, args: readonly string[]): CustomId | undefined {
	const [sessionText, positionText, choiceText] = args;
	const position = parseIndex(positionText);
	if (sessionText === undefined || !SESSION_ID.test(sessionText) || position === undefined) {
		return undefined;
	}
	const sessionId = Number(sessionText);
	if (action === 'answer' && args.length === 3) {
		const choice = parseIndex(choiceText);
		return choice !== undefined && choice < MAX_OPTIONS
			? { feature: 'study', action, sessionId, position, choice }
			: undefined;
	}
	return (action === 'pick' || action === 'next') && args.length === 2
		? { feature: 'study', action, sessionId, position }
		: undefined;
}
