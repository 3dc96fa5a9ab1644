import { seededFraction } from './seededRandom.js';

export interface PickableQuestion {
	readonly id: string;
	readonly topic: string;
}

/**
 * The guild's next question. `history` is every question id the guild has had, oldest first.
 * Questions asked in the current pass through the bank are never repeated until the whole
 * bank has been used; among the rest, the topic asked least recently wins, so topics spread.
 * The draw depends only on the guild, the date and the history: a retry picks the same one.
 */
export function pickQuestion<Q extends PickableQuestion>(
	bank: readonly Q[],
	history: readonly string[],
	guildId: string,
	date: string,
): Q | undefined {
	if (bank.length === 0) {
		return undefined;
	}
	const bankIds = new Set(bank.map((question) => question.id));
	const relevant = history.filter((id) => bankIds.has(id));
	const askedThisPass = new Set(relevant.slice(relevant.length - (relevant.length % bank.length)));
	const fresh = bank.filter((question) => !askedThisPass.has(question.id));
	const candidates = fresh.length > 0 ? fresh : bank;

	const topicOf = new Map(bank.map((question) => [question.id, question.topic]));
	const lastAsked = new Map<string, number>();
	relevant.forEach((id, position) => lastAsked.set(topicOf.get(id) ?? '', position));
	const staleness = (question: Q): number => lastAsked.get(question.topic) ?? -1;
	const oldest = Math.min(...candidates.map(staleness));
	const pool = candidates.filter((question) => staleness(question) === oldest).sort((a, b) => a.id.localeCompare(b.id));
	return pool[Math.floor(seededFraction(`${guildId}:${date}:pick`) * pool.length)];
}
