import type { Question } from './questionBank.js';

/** The exam's domains: every one must be in the bank. Compared without regard to case. */
export const REQUIRED_TOPICS = [
	'IAM',
	'EC2',
	'Storage',
	'S3',
	'VPC and networking',
	'Route 53 and DNS',
	'ELB and Auto Scaling',
	'Databases',
	'Messaging and streaming',
	'Serverless',
	'Containers',
	'Monitoring and audit',
	'Security and encryption',
	'High availability and disaster recovery',
	'Cost',
	'Architecture principles',
] as const;

/** What a bank of this size must look like, from the issue that commissioned it. */
export const BANK_GOALS = { minimumQuestions: 250, maximumTopicShare: 0.15, minimumScenarioShare: 1 / 3 } as const;

/** Prompts that overlap this much (shared words over all words) and share an answer are near duplicates. */
export const NEAR_DUPLICATE_OVERLAP = 0.5;

const STOP_WORDS = new Set(
	'a an and are as at be by can do does for from has how in is it its of on or that the their them they this to what when which who why will with without you your'.split(
		' ',
	),
);

const SCENARIO_OPENING = /^(?:a|an|your|two|several|one|after|during|in|the company|thousands|millions|twenty)\s/iu;

/**
 * An exam-style scenario: it sets a scene in at least one sentence ("A company runs …") before
 * asking its question.
 */
export function isScenarioQuestion(prompt: string): boolean {
	const text = prompt.trim();
	return SCENARIO_OPENING.test(text) && /[.!]\s+\S[^]*\?$/u.test(text);
}

function contentWords(text: string): Set<string> {
	return new Set(
		text
			.toLowerCase()
			.split(/[^a-z0-9]+/u)
			.filter((word) => word.length > 1 && !STOP_WORDS.has(word)),
	);
}

/** Shared words over all words of the two texts, from 0 (nothing shared) to 1 (same words). */
export function wordOverlap(left: string, right: string): number {
	const a = contentWords(left);
	const b = contentWords(right);
	const shared = [...a].filter((word) => b.has(word)).length;
	const all = new Set([...a, ...b]).size;
	return all === 0 ? 0 : shared / all;
}

export interface NearDuplicate {
	readonly first: string;
	readonly second: string;
	readonly overlap: number;
}

function correctAnswer(question: Pick<Question, 'options' | 'correctIndex'>): string {
	return (question.options[question.correctIndex] ?? '').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** Pairs of questions with the same correct answer and heavily overlapping prompts. */
export function findNearDuplicates(
	questions: readonly Pick<Question, 'id' | 'prompt' | 'options' | 'correctIndex'>[],
	threshold = NEAR_DUPLICATE_OVERLAP,
): NearDuplicate[] {
	const byAnswer = new Map<string, (typeof questions)[number][]>();
	for (const question of questions) {
		byAnswer.set(correctAnswer(question), [...(byAnswer.get(correctAnswer(question)) ?? []), question]);
	}
	const pairs: NearDuplicate[] = [];
	for (const group of byAnswer.values()) {
		for (const [index, first] of group.entries()) {
			for (const second of group.slice(index + 1)) {
				const overlap = wordOverlap(first.prompt, second.prompt);
				if (overlap >= threshold) {
					pairs.push({ first: first.id, second: second.id, overlap });
				}
			}
		}
	}
	return pairs;
}

export interface BankSpread {
	readonly total: number;
	readonly byTopic: ReadonlyMap<string, number>;
	readonly byNoteFile: ReadonlyMap<string, number>;
	readonly byDifficulty: ReadonlyMap<string, number>;
	/** How often the correct option is first, second, … in the files (the bot shuffles per round). */
	readonly byCorrectPosition: ReadonlyMap<number, number>;
	readonly scenarios: number;
}

function countBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, number> {
	const counts = new Map<K, number>();
	for (const item of items) {
		counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
	}
	return new Map([...counts].sort(([, left], [, right]) => right - left));
}

/** Counts per topic, note file, difficulty and answer position, and the scenario count. */
export function measureSpread(
	questions: readonly Question[],
	noteFileOf: (sectionId: string) => string | undefined,
): BankSpread {
	return {
		total: questions.length,
		byTopic: countBy(questions, (question) => question.topic),
		byNoteFile: countBy(questions, (question) => noteFileOf(question.sectionId) ?? '(unknown section)'),
		byDifficulty: countBy(questions, (question) => question.difficulty),
		byCorrectPosition: countBy(questions, (question) => question.correctIndex + 1),
		scenarios: questions.filter((question) => isScenarioQuestion(question.prompt)).length,
	};
}

/** Where the bank falls short of {@link BANK_GOALS}, one sentence each; empty when it meets them. */
export function findSpreadShortfalls(spread: BankSpread, noteFiles: readonly string[]): string[] {
	const shortfalls: string[] = [];
	if (spread.total < BANK_GOALS.minimumQuestions) {
		shortfalls.push(`the bank has ${spread.total} questions, fewer than ${BANK_GOALS.minimumQuestions}`);
	}
	const topics = new Map([...spread.byTopic].map(([topic, count]) => [topic.toLowerCase(), count]));
	for (const topic of REQUIRED_TOPICS) {
		if (!topics.has(topic.toLowerCase())) {
			shortfalls.push(`no question has the topic "${topic}"`);
		}
	}
	for (const [topic, count] of spread.byTopic) {
		if (count > spread.total * BANK_GOALS.maximumTopicShare) {
			shortfalls.push(`"${topic}" has ${count} questions, more than 15% of the bank`);
		}
	}
	for (const file of noteFiles) {
		if (!spread.byNoteFile.has(file)) {
			shortfalls.push(`no question cites the note file ${file}`);
		}
	}
	if (spread.scenarios < spread.total * BANK_GOALS.minimumScenarioShare) {
		shortfalls.push(`only ${spread.scenarios} of ${spread.total} questions are scenarios, fewer than a third`);
	}
	if (spread.byCorrectPosition.size < 2) {
		shortfalls.push('the correct option is always in the same position');
	}
	return shortfalls;
}
