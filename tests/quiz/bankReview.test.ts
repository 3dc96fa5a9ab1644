import { describe, expect, it } from 'vitest';
import {
	type BankSpread,
	findNearDuplicates,
	findSpreadShortfalls,
	isScenarioQuestion,
	REQUIRED_TOPICS,
	wordOverlap,
} from '../../src/quiz/bankReview.js';

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
		options: ['Something else', answer, 'Another thing'],
		correctIndex: 1,
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

describe('findSpreadShortfalls', () => {
	const noteFiles = ['a.md', 'b.txt'];
	const balanced: BankSpread = {
		total: 320,
		byTopic: new Map(REQUIRED_TOPICS.map((topic) => [topic, 20])),
		byNoteFile: new Map([
			['a.md', 200],
			['b.txt', 120],
		]),
		byDifficulty: new Map([
			['easy', 100],
			['medium', 120],
			['hard', 100],
		]),
		byCorrectPosition: new Map([
			[1, 80],
			[2, 80],
			[3, 80],
			[4, 80],
		]),
		scenarios: 107,
	};

	it('finds nothing wrong with a bank that meets every goal', () => {
		expect(findSpreadShortfalls(balanced, noteFiles)).toEqual([]);
	});

	it('names each goal that is missed', () => {
		const topics = new Map(balanced.byTopic);
		topics.delete('Cost');
		topics.set('S3', 60);
		expect(
			findSpreadShortfalls(
				{
					...balanced,
					total: 240,
					byTopic: topics,
					byNoteFile: new Map([['a.md', 240]]),
					byCorrectPosition: new Map([[1, 240]]),
					scenarios: 79,
				},
				noteFiles,
			),
		).toEqual([
			'the bank has 240 questions, fewer than 250',
			'no question has the topic "Cost"',
			'"S3" has 60 questions, more than 15% of the bank',
			'no question cites the note file b.txt',
			'only 79 of 240 questions are scenarios, fewer than a third',
			'the correct option is always in the same position',
		]);
	});
});
