import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { EXAM_DOMAINS, type ExamDomain, type Question } from './questionBank.js';

/** Every topic file of the shipped bank must have questions. Compared without regard to case. */
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
	'Security services and governance',
	'High availability and disaster recovery',
	'Disaster recovery and migration',
	'Cost',
	'Cost management',
	'Architecture principles',
] as const;

/** The exam guide's domain weights, which the bank's shares must be within {@link BANK_GOALS.domainTolerance} of. */
export const DOMAIN_TARGETS: Readonly<Record<ExamDomain, number>> = {
	secure: 0.3,
	resilient: 0.26,
	performing: 0.24,
	cost: 0.2,
};

/**
 * What the bank must look like (issue 15's goals), checked by `questions:report` and by CI. The
 * cue limits are what a test-wise candidate who knows no AWS could exploit: with four options,
 * chance is 25%.
 */
export const BANK_GOALS = {
	minimumQuestions: 450,
	maximumTopicShare: 0.15,
	minimumMultiAnswerShare: 0.1,
	minimumPromptWordsMedian: 45,
	minimumRequirementShare: 0.5,
	/** Single-answer items whose correct option is strictly the longest. */
	maximumCorrectLongest: 0.3,
	/** The score of always picking the longest option(s), and of always picking the shortest. */
	maximumLengthStrategy: 0.3,
	/** How much more often correct options explain themselves than wrong ones. */
	maximumSelfExplainingGap: 0.05,
	domainTolerance: 0.04,
} as const;

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
	return SCENARIO_OPENING.test(text) && /[.!]\s+\S[^]*\?(?:\s*\(Select (?:TWO|THREE)\.\))?$/u.test(text);
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

type Answered = Pick<Question, 'id' | 'prompt' | 'options' | 'correct'>;

function correctAnswer(question: Answered): string {
	return question.correct
		.map((index) => (question.options[index]?.text ?? '').toLowerCase().replace(/\s+/gu, ' ').trim())
		.sort()
		.join(' + ');
}

/** Pairs of questions with the same correct answer and heavily overlapping prompts. */
export function findNearDuplicates(
	questions: readonly Answered[],
	threshold = NEAR_DUPLICATE_OVERLAP,
): NearDuplicate[] {
	const byAnswer = new Map<string, Answered[]>();
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

const SELECT = /\s*\(Select (?:TWO|THREE)\.\)\s*$/u;
/** Reasons written into an option, which make the one that has them stand out. */
const SELF_EXPLAINING =
	/,\s*which\b|\bbecause\b|\bso that\b|\bsince\b|\(|\bensuring\b|\bthereby\b|\bwhich (?:means|ensures|allows|gives|keeps)\b/iu;
/** The exam's capitalised requirement: MOST cost-effective, LEAST operational overhead… */
const REQUIREMENT = /\b(?:MOST|LEAST)\s+[A-Za-z-]+/u;

export function promptWordCount(prompt: string): number {
	return prompt.replace(SELECT, '').split(/\s+/u).filter(Boolean).length;
}

export function hasRequirementWording(prompt: string): boolean {
	return REQUIREMENT.test(prompt);
}

export function isSelfExplaining(text: string): boolean {
	return SELF_EXPLAINING.test(text);
}

/**
 * The expected score of picking options by length: the `pick` longest (or shortest), ties
 * broken at random for a single answer, by position for several.
 */
function lengthStrategyScore(question: Pick<Question, 'options' | 'correct'>, longest: boolean): number {
	const lengths = question.options.map((option) => (longest ? option.text.length : -option.text.length));
	const count = question.correct.length;
	if (count === 1) {
		const best = Math.max(...lengths);
		const tied = lengths.flatMap((length, index) => (length === best ? [index] : []));
		return tied.includes(question.correct[0] ?? -1) ? 1 / tied.length : 0;
	}
	const order = lengths
		.map((length, index) => ({ length, index }))
		.sort((left, right) => right.length - left.length || left.index - right.index);
	const picked = new Set(order.slice(0, count).map((entry) => entry.index));
	return question.correct.every((index) => picked.has(index)) ? 1 : 0;
}

function isStrictlyLongest(question: Pick<Question, 'options' | 'correct'>): boolean {
	const key = question.correct[0] ?? -1;
	const keyLength = question.options[key]?.text.length ?? 0;
	return question.options.every((option, index) => index === key || option.text.length < keyLength);
}

function median(values: readonly number[]): number {
	const sorted = [...values].sort((left, right) => left - right);
	return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** How the bank reads to a test-wise candidate and how close it is to the exam's form. */
export interface ExamForm {
	readonly multiAnswer: number;
	/** Share of single-answer items whose correct option is strictly the longest. */
	readonly correctLongest: number;
	readonly longestStrategy: number;
	readonly shortestStrategy: number;
	readonly selfExplainingCorrect: number;
	readonly selfExplainingWrong: number;
	readonly domainShares: Readonly<Record<ExamDomain, number>>;
	readonly promptWordsMedian: number;
	readonly requirementShare: number;
}

export function measureExamForm(questions: readonly Question[]): ExamForm {
	const total = Math.max(1, questions.length);
	const single = questions.filter((question) => question.correct.length === 1);
	const options = questions.flatMap((question) =>
		question.options.map((option, index) => ({
			correct: question.correct.includes(index),
			explains: isSelfExplaining(option.text),
		})),
	);
	const share = (items: readonly { explains: boolean }[]) =>
		items.filter((item) => item.explains).length / Math.max(1, items.length);
	const strategy = (longest: boolean) =>
		questions.reduce((sum, question) => sum + lengthStrategyScore(question, longest), 0) / total;
	return {
		multiAnswer: questions.length - single.length,
		correctLongest: single.filter(isStrictlyLongest).length / Math.max(1, single.length),
		longestStrategy: strategy(true),
		shortestStrategy: strategy(false),
		selfExplainingCorrect: share(options.filter((option) => option.correct)),
		selfExplainingWrong: share(options.filter((option) => !option.correct)),
		domainShares: Object.fromEntries(
			EXAM_DOMAINS.map((domain) => [domain, questions.filter((question) => question.domain === domain).length / total]),
		) as Record<ExamDomain, number>,
		promptWordsMedian: median(questions.map((question) => promptWordCount(question.prompt))),
		requirementShare: questions.filter((question) => hasRequirementWording(question.prompt)).length / total,
	};
}

/** An in-scope exam topic and the terms that show a question is about it. */
export interface ExamTopic {
	readonly name: string;
	readonly domain: ExamDomain;
	readonly terms: readonly string[];
}

const examTopicsSchema = z.object({
	topics: z
		.array(
			z.object({
				name: z.string().trim().min(1),
				domain: z.enum(EXAM_DOMAINS),
				terms: z.array(z.string().trim().min(1)).min(1, 'a topic needs at least one term'),
			}),
		)
		.min(1),
});

/** Reads `content/exam-topics.yaml`, naming what is wrong with it. */
export function parseExamTopics(text: string): ExamTopic[] {
	const parsed = examTopicsSchema.safeParse(parseYaml(text));
	if (!parsed.success) {
		throw new Error(
			`exam-topics.yaml: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
		);
	}
	return parsed.data.topics;
}

/** Topics no question is about: none of their terms in a prompt, a correct option or an explanation. */
export function uncoveredTopics(topics: readonly ExamTopic[], questions: readonly Question[]): ExamTopic[] {
	const texts = questions.map((question) =>
		[
			question.prompt,
			question.explanation,
			...question.correct.map((index) => question.options[index]?.text ?? ''),
		].join(' '),
	);
	return topics.filter(
		(topic) =>
			!topic.terms.some((term) => {
				const pattern = new RegExp(`\\b${term.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\b`, 'iu');
				return texts.some((text) => pattern.test(text));
			}),
	);
}

export interface BankSpread {
	readonly total: number;
	readonly byTopic: ReadonlyMap<string, number>;
	readonly byNoteFile: ReadonlyMap<string, number>;
	readonly byDifficulty: ReadonlyMap<string, number>;
	readonly byDomain: ReadonlyMap<string, number>;
	readonly scenarios: number;
	readonly form: ExamForm;
	readonly uncovered: readonly ExamTopic[];
}

function countBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, number> {
	const counts = new Map<K, number>();
	for (const item of items) {
		counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
	}
	return new Map([...counts].sort(([, left], [, right]) => right - left));
}

/** Counts per topic, note file, difficulty and domain, the exam-form figures, and the topics left out. */
export function measureSpread(
	questions: readonly Question[],
	noteFileOf: (sectionId: string) => string | undefined,
	topics: readonly ExamTopic[],
): BankSpread {
	return {
		total: questions.length,
		byTopic: countBy(questions, (question) => question.topic),
		byNoteFile: countBy(questions, (question) => noteFileOf(question.sectionId) ?? '(unknown section)'),
		byDifficulty: countBy(questions, (question) => question.difficulty),
		byDomain: countBy(questions, (question) => question.domain),
		scenarios: questions.filter((question) => isScenarioQuestion(question.prompt)).length,
		form: measureExamForm(questions),
		uncovered: uncoveredTopics(topics, questions),
	};
}

const percent = (share: number): string => `${(100 * share).toFixed(1)}%`;

/** Where the bank falls short of {@link BANK_GOALS}, one sentence each; empty when it meets them. */
export function findSpreadShortfalls(spread: BankSpread, noteFiles: readonly string[]): string[] {
	const shortfalls: string[] = [];
	const { form } = spread;
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
	if (form.multiAnswer < spread.total * BANK_GOALS.minimumMultiAnswerShare) {
		shortfalls.push(`only ${form.multiAnswer} multi-answer questions, fewer than 10% of the bank`);
	}
	if (form.promptWordsMedian < BANK_GOALS.minimumPromptWordsMedian) {
		shortfalls.push(`the median prompt has ${form.promptWordsMedian} words, fewer than 45`);
	}
	if (form.requirementShare < BANK_GOALS.minimumRequirementShare) {
		shortfalls.push(
			`only ${percent(form.requirementShare)} of prompts state a capitalised requirement (MOST…, LEAST…)`,
		);
	}
	if (form.correctLongest > BANK_GOALS.maximumCorrectLongest) {
		shortfalls.push(
			`the correct option is strictly the longest in ${percent(form.correctLongest)} of single-answer items`,
		);
	}
	if (form.longestStrategy > BANK_GOALS.maximumLengthStrategy) {
		shortfalls.push(`always picking the longest option scores ${percent(form.longestStrategy)}`);
	}
	if (form.shortestStrategy > BANK_GOALS.maximumLengthStrategy) {
		shortfalls.push(`always picking the shortest option scores ${percent(form.shortestStrategy)}`);
	}
	if (form.selfExplainingCorrect - form.selfExplainingWrong > BANK_GOALS.maximumSelfExplainingGap) {
		shortfalls.push(
			`correct options explain themselves (", which…", "because…") in ${percent(form.selfExplainingCorrect)}, wrong ones in ${percent(form.selfExplainingWrong)}`,
		);
	}
	for (const domain of EXAM_DOMAINS) {
		const share = form.domainShares[domain];
		if (Math.abs(share - DOMAIN_TARGETS[domain]) > BANK_GOALS.domainTolerance) {
			shortfalls.push(
				`the ${domain} domain has ${percent(share)} of the bank, target ${percent(DOMAIN_TARGETS[domain])} ± 4 points`,
			);
		}
	}
	for (const topic of spread.uncovered) {
		shortfalls.push(`no question is about the exam topic "${topic.name}"`);
	}
	return shortfalls;
}
