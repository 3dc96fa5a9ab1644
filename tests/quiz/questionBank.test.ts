import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	BANK_GOALS,
	findNearDuplicates,
	findSpreadShortfalls,
	measureSpread,
	parseExamTopics,
} from '../../src/quiz/bankReview.js';
import { loadQuestionBank, parseQuestionFile } from '../../src/quiz/questionBank.js';
import { CONTENT_DIR, shippedNotes } from '../support/library.js';

const sections = {
	getSection: (id: string) =>
		id === 'notes.vpc' ? { body: 'A VPC is a  virtual\nnetwork in one Region.' } : undefined,
};

const why = (text: string) => `${text}: what it does and why it is or is not the answer.`;
const valid = {
	id: 'vpc-scope',
	domain: 'resilient',
	difficulty: 'easy',
	reviewed: '2026-12-01',
	prompt: 'A company builds one network for an application in several Availability Zones. What is the scope of a VPC?',
	options: [
		{ text: 'One Region', correct: true, why: why('One Region') },
		{ text: 'One AZ', why: why('One AZ') },
		{ text: 'Global', why: why('Global') },
	],
	explanation: 'A VPC spans the AZs of one Region.',
	section: 'notes.vpc',
	evidence: 'virtual network in one region',
};
const selectTwo = {
	...valid,
	id: 'vpc-select-two',
	prompt: 'A company needs two things from its network design. Which combination of statements is true? (Select TWO.)',
	options: ['Regional', 'Spans AZs', 'Global', 'One AZ', 'Per account'].map((text, index) => ({
		text,
		why: why(text),
		...(index < 2 ? { correct: true } : {}),
	})),
};

function file(...questions: unknown[]): string {
	return JSON.stringify({ topic: 'VPC', questions });
}

describe('parseQuestionFile', () => {
	it('reads a valid question, evidence matched case- and space-insensitively', () => {
		const { questions, problems } = parseQuestionFile('vpc.yaml', file(valid), sections);
		expect(problems).toEqual([]);
		expect(questions).toEqual([
			expect.objectContaining({
				id: 'vpc-scope',
				topic: 'VPC',
				domain: 'resilient',
				reviewed: '2026-12-01',
				options: valid.options.map((option) => ({ text: option.text, why: option.why })),
				correct: [0],
			}),
		]);
	});

	it('reads a "Select TWO" question with its two correct options', () => {
		const { questions, problems } = parseQuestionFile('vpc.yaml', file(selectTwo), sections);
		expect(problems).toEqual([]);
		expect(questions[0]?.correct).toEqual([0, 1]);
	});

	it('reads a reviewed date written as a YAML date', () => {
		const yaml = `topic: VPC\nquestions:\n  - ${JSON.stringify({ ...valid, reviewed: undefined })}\n`.replace(
			'"prompt"',
			'"reviewed": 2026-12-01, "prompt"',
		);
		const { questions, problems } = parseQuestionFile('vpc.yaml', yaml, sections);
		expect(problems).toEqual([]);
		expect(questions[0]?.reviewed).toBe('2026-12-01');
	});

	it.each([
		[
			{ ...valid, options: valid.options.map((option) => ({ text: option.text, why: option.why })) },
			'has 0 correct options',
		],
		[
			{ ...valid, options: [...valid.options, { text: 'Two', correct: true, why: why('Two') }] },
			'has 2 correct options: a question with more than one must end "(Select TWO.)" or "(Select THREE.)"',
		],
		[{ ...selectTwo, options: selectTwo.options.slice(0, 4) }, 'a "Select TWO" question needs 5 or 6 options, has 4'],
		[{ ...selectTwo, prompt: selectTwo.prompt.replace('TWO', 'THREE') }, 'says Select THREE but has 2 correct options'],
		[{ ...valid, domain: 'networking' }, 'domain: domain must be one of secure, resilient, performing, cost'],
		[{ ...valid, reviewed: 'last week' }, 'reviewed: reviewed must be a date, YYYY-MM-DD'],
		[
			{ ...valid, options: valid.options.map((option) => ({ text: option.text, correct: option.correct })) },
			'every option needs a why',
		],
		[
			{ ...valid, prompt: 'A company builds one network. Tell us the scope of a VPC.' },
			'a single-answer prompt ends with its question and a "?"',
		],
		[
			{
				...valid,
				options: [
					{ text: 'One Region', correct: true, why: why('a') },
					{ text: 'one region', why: why('b') },
					{ text: 'Global', why: why('c') },
				],
			},
			'has two options with the same text',
		],
		[{ ...valid, section: 'notes.missing' }, 'cites section "notes.missing", which is not in the notes'],
		[{ ...valid, evidence: 'a subnet' }, 'evidence "a subnet" does not occur in section "notes.vpc"'],
		[{ ...valid, options: [{ text: 'Only', correct: true, why: why('Only') }] }, 'options: needs at least 2 options'],
		[{ ...valid, id: 'Bad Id' }, 'id: id must be lowercase words joined by -'],
		[{ ...valid, options: valid.options.slice(0, 2) }, 'needs 3 to 6 options (only a true/false question may have 2)'],
		[
			{ ...valid, options: [...valid.options, { text: 'All of the above', why: why('All') }] },
			'option "All of the above" depends on the other options, which are shuffled for each round',
		],
		[
			{ ...valid, options: [...valid.options, { text: 'None of these', why: why('None') }] },
			'option "None of these" depends on the other options',
		],
	])('names the file and entry of a bad question and keeps the good ones', (bad, reason) => {
		const { questions, problems } = parseQuestionFile(
			'vpc.yaml',
			file(valid, { ...bad, id: (bad as { id: string }).id === valid.id ? 'bad-one' : (bad as { id: string }).id }),
			sections,
		);
		expect(questions.map((question) => question.id)).toEqual(['vpc-scope']);
		expect(problems).toHaveLength(1);
		expect(problems[0]?.file).toBe('vpc.yaml');
		expect(problems[0]?.reason).toContain(reason);
	});

	it('accepts a true/false question with just those two options', () => {
		const trueFalse = {
			...valid,
			prompt: 'A VPC spans every Region of the account. True or false?',
			options: [
				{ text: 'True', why: why('True') },
				{ text: 'False', correct: true, why: why('False') },
			],
		};
		const { questions, problems } = parseQuestionFile('vpc.yaml', file(trueFalse), sections);
		expect(problems).toEqual([]);
		expect(questions[0]?.options.map((option) => option.text)).toEqual(['True', 'False']);
		expect(questions[0]?.correct).toEqual([1]);
	});

	it('disables a whole file that is not valid YAML, saying where', () => {
		const { questions, problems } = parseQuestionFile(
			'broken.yaml',
			'topic: VPC\nquestions:\n  - id: [unclosed\n',
			sections,
		);
		expect(questions).toEqual([]);
		expect(problems[0]).toMatchObject({ file: 'broken.yaml' });
		expect(problems[0]?.reason).toMatch(/^is not valid YAML at line \d+/u);
	});
});

describe('the shipped question bank', () => {
	async function shippedBank() {
		const { index, library } = await shippedNotes();
		const bank = await loadQuestionBank(path.join(CONTENT_DIR, 'questions'), index);
		return { bank, index, noteFiles: library.files };
	}

	it('loads without a problem, every question grounded in a section of the notes', async () => {
		const { bank } = await shippedBank();
		expect(bank.problems).toEqual([]);
		expect(bank.questions.length).toBeGreaterThanOrEqual(BANK_GOALS.minimumQuestions);
		expect(new Set(bank.questions.map((question) => question.id)).size).toBe(bank.questions.length);
	});

	it('has no near-duplicate questions', async () => {
		const { bank } = await shippedBank();
		expect(findNearDuplicates(bank.questions)).toEqual([]);
	});

	it('meets every goal: topics, note files, exam domains and topics, multi-answer share, exam-length prompts, no answer cue', async () => {
		const { bank, index, noteFiles } = await shippedBank();
		const topics = parseExamTopics(await readFile(path.join(CONTENT_DIR, 'exam-topics.yaml'), 'utf8'));
		const spread = measureSpread(bank.questions, (id) => index.getSection(id)?.file, topics);
		expect(findSpreadShortfalls(spread, noteFiles)).toEqual([]);
		expect([...spread.byNoteFile.keys()].sort()).toEqual([...noteFiles].sort());
		expect(spread.byDifficulty.size).toBe(3);
	});
});
