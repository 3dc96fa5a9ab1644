import { describe, expect, it } from 'vitest';
import {
	type BankSpread,
	type ExamForm,
	findNearDuplicates,
	findSpreadShortfalls,
	isScenarioQuestion,
	measureExamForm,
	parseExamTopics,
	REQUIRED_TOPICS,
	uncoveredTopics,
	wordOverlap,
} from '../../src/quiz/bankReview.js';
import type { Question } from '../../src/quiz/questionBank.js';
import { testQuestion } from '../support/questions.js';

describe('isScenarioQuestion', () => {
	it.each([
		'A company runs EC2 instances in private subnets. Which solution meets these requirements?',
		'An application reads 20,000 objects per second from S3 and is throttled. What is the fix?',
		'Your team stores logs in S3! Which storage class is cheapest?',
	])('counts a prompt that sets a scene before asking: %s', (prompt) => {
		expect(isScenarioQuestion(prompt)).toBe(true);
	});

	it.each([
		'In which scope do IAM users, groups and roles exist?',
		'What is the largest single object S3 can store?',
		'Amazon S3 is durable. It stores data in three AZs.',
		'A question without a scene?',
	])('does not count a plain recall question: %s', (prompt) => {
		expect(isScenarioQuestion(prompt)).toBe(false);
	});
});

describe('wordOverlap', () => {
	it('is 1 for the same words in another order and case, 0 for nothing shared', () => {
		expect(wordOverlap('Which queue keeps message order?', 'message ORDER keeps which queue')).toBe(1);
		expect(wordOverlap('S3 bucket names', 'EBS volume types')).toBe(0);
	});

	it('ignores stop words', () => {
		expect(wordOverlap('the bucket of the company', 'a bucket for a company')).toBe(1);
	});
});

describe('findNearDuplicates', () => {
	const question = (id: string, prompt: string, answer: string) => ({
		id,
		prompt,
		options: ['Something else', answer, 'Another thing'].map((text) => ({ text, why: 'Why it is or is not.' })),
		correct: [1],
	});

	it('flags two questions with the same answer and heavily overlapping prompts', () => {
		const pairs = findNearDuplicates([
			question('fifo-one', 'Which SQS queue keeps the order of messages exactly once?', 'An SQS FIFO queue'),
			question('fifo-two', 'Which SQS queue keeps messages in order, exactly once?', 'an  SQS FIFO queue'),
			question('other', 'Which service stores objects?', 'Amazon S3'),
		]);
		expect(pairs).toHaveLength(1);
		expect(pairs[0]).toMatchObject({ first: 'fifo-one', second: 'fifo-two' });
		expect(pairs[0]?.overlap).toBeGreaterThanOrEqual(0.5);
	});

	it('keeps questions that share a prompt shape but not an answer, or an answer but not a prompt', () => {
		expect(
			findNearDuplicates([
				question('rcu', 'How many read capacity units does a table reading 10 items of 2.5 KB need?', '10'),
				question('wcu', 'How many write capacity units does a table writing 10 items of 2.5 KB need?', '30'),
				question('shards', 'How many shards does a stream receiving 10 MB per second need?', '10'),
			]),
		).toEqual([]);
	});
});

describe('measureExamForm and the answer cues', () => {
	const question = (id: string, options: string[], correct: number[], extra: Partial<Question> = {}): Question => ({
		...testQuestion(id, 'VPC', options, correct),
		...extra,
	});

	it('measures how often the key is longest, what length strategies score, and self-explaining keys', () => {
		const questions = [
			question('a', ['a much longer correct option', 'short', 'tiny', 'mini'], [0]),
			question('b', ['ok', 'a long wrong option here', 'wrong', 'nope'], [0]),
			question('c', ['right, which explains itself', 'wrong one', 'wrong two', 'wrong three'], [0]),
			question('d', ['long one kept', 'long two kept', 'x', 'y', 'z'], [0, 1], { prompt: 'Pick two? (Select TWO.)' }),
		];
		const form = measureExamForm(questions);
		expect(form.multiAnswer).toBe(1);
		// a and c have the longest key among 3 single-answer items.
		expect(form.correctLongest).toBeCloseTo(2 / 3);
		// Longest: a, c and d right; shortest: b right (ties broken at random: none here).
		expect(form.longestStrategy).toBeCloseTo(3 / 4);
		expect(form.shortestStrategy).toBeCloseTo(1 / 4);
		expect(form.selfExplainingCorrect).toBeCloseTo(1 / 5);
		expect(form.selfExplainingWrong).toBe(0);
	});

	it('counts prompt words without the Select marker and finds capitalised requirements', () => {
		const form = measureExamForm([
			question('a', ['x', 'y', 'z'], [0], { prompt: 'One two three four? (Select TWO.)' }),
			question('b', ['x', 'y', 'z'], [0], { prompt: 'Which design is the MOST cost-effective here?' }),
		]);
		expect(form.promptWordsMedian).toBe(7);
		expect(form.requirementShare).toBe(0.5);
	});

	it('finds the exam topics no question is about, by their terms in a prompt, a key or an explanation', () => {
		const topics = parseExamTopics(
			'topics:\n  - { name: GuardDuty, domain: secure, terms: [GuardDuty] }\n  - { name: Macie, domain: secure, terms: [Macie] }\n',
		);
		const about = question('g', ['Enable Amazon GuardDuty', 'Enable Amazon Macie', 'Nothing else'], [0]);
		expect(uncoveredTopics(topics, [about]).map((topic) => topic.name)).toEqual(['Macie']);
		expect(() => parseExamTopics('topics:\n  - { name: X, domain: networking, terms: [] }\n')).toThrow(
			/exam-topics\.yaml: topics\.0\.domain: .*; topics\.0\.terms: a topic needs at least one term/u,
		);
	});
});

describe('findSpreadShortfalls', () => {
	const noteFiles = ['a.md', 'b.txt'];
	const form: ExamForm = {
		multiAnswer: 60,
		correctLongest: 0.2,
		longestStrategy: 0.2,
		shortestStrategy: 0.24,
		selfExplainingCorrect: 0.01,
		selfExplainingWrong: 0.02,
		domainShares: { secure: 0.3, resilient: 0.26, performing: 0.24, cost: 0.2 },
		promptWordsMedian: 60,
		requirementShare: 0.55,
	};
	const balanced: BankSpread = {
		total: 475,
		byTopic: new Map(REQUIRED_TOPICS.map((topic) => [topic, 25])),
		byNoteFile: new Map([
			['a.md', 300],
			['b.txt', 175],
		]),
		byDifficulty: new Map([
			['easy', 100],
			['medium', 250],
			['hard', 125],
		]),
		byDomain: new Map(),
		scenarios: 400,
		form,
		uncovered: [],
	};

	it('finds nothing wrong with a bank that meets every goal', () => {
		expect(findSpreadShortfalls(balanced, noteFiles)).toEqual([]);
	});

	it('names each goal that is missed', () => {
		const topics = new Map(balanced.byTopic);
		topics.delete('Cost');
		topics.set('S3', 90);
		expect(
			findSpreadShortfalls(
				{
					...balanced,
					total: 440,
					byTopic: topics,
					byNoteFile: new Map([['a.md', 440]]),
					form: {
						...form,
						multiAnswer: 30,
						correctLongest: 0.4,
						longestStrategy: 0.35,
						shortestStrategy: 0.31,
						selfExplainingCorrect: 0.2,
						selfExplainingWrong: 0.05,
						domainShares: { secure: 0.24, resilient: 0.26, performing: 0.26, cost: 0.24 },
						promptWordsMedian: 22,
						requirementShare: 0.06,
					},
					uncovered: [{ name: 'AWS Backup', domain: 'resilient', terms: ['AWS Backup'] }],
				},
				noteFiles,
			),
		).toEqual([
			'the bank has 440 questions, fewer than 450',
			'no question has the topic "Cost"',
			'"S3" has 90 questions, more than 15% of the bank',
			'no question cites the note file b.txt',
			'only 30 multi-answer questions, fewer than 10% of the bank',
			'the median prompt has 22 words, fewer than 45',
			'only 6.0% of prompts state a capitalised requirement (MOST…, LEAST…)',
			'the correct option is strictly the longest in 40.0% of single-answer items',
			'always picking the longest option scores 35.0%',
			'always picking the shortest option scores 31.0%',
			'correct options explain themselves (", which…", "because…") in 20.0%, wrong ones in 5.0%',
			'the secure domain has 24.0% of the bank, target 30.0% ± 4 points',
			'no question is about the exam topic "AWS Backup"',
		]);
	});
});
