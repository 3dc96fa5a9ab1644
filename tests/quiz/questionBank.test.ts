import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BANK_GOALS, findNearDuplicates, findSpreadShortfalls, measureSpread } from '../../src/quiz/bankReview.js';
import { loadQuestionBank, parseQuestionFile } from '../../src/quiz/questionBank.js';
import { CONTENT_DIR, shippedNotes } from '../support/library.js';

const sections = {
	getSection: (id: string) =>
		id === 'notes.vpc' ? { body: 'A VPC is a  virtual\nnetwork in one Region.' } : undefined,
};

const valid = {
	id: 'vpc-scope',
	difficulty: 'easy',
	prompt: 'What is the scope of a VPC?',
	options: [{ text: 'One Region', correct: true }, { text: 'One AZ' }, { text: 'Global' }],
	explanation: 'A VPC spans the AZs of one Region.',
	section: 'notes.vpc',
	evidence: 'virtual network in one region',
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
				options: ['One Region', 'One AZ', 'Global'],
				correctIndex: 0,
			}),
		]);
	});

	it.each([
		[
			{ ...valid, options: valid.options.map((option) => ({ text: option.text })) },
			'must have exactly one correct option, has 0',
		],
		[
			{ ...valid, options: [...valid.options, { text: 'Two', correct: true }] },
			'must have exactly one correct option, has 2',
		],
		[
			{ ...valid, options: [{ text: 'One Region', correct: true }, { text: 'one region' }, { text: 'Global' }] },
			'has two options with the same text',
		],
		[{ ...valid, section: 'notes.missing' }, 'cites section "notes.missing", which is not in the notes'],
		[{ ...valid, evidence: 'a subnet' }, 'evidence "a subnet" does not occur in section "notes.vpc"'],
		[{ ...valid, options: [{ text: 'Only', correct: true }] }, 'options: needs at least 2 options'],
		[{ ...valid, id: 'Bad Id' }, 'id: id must be lowercase words joined by -'],
		[
			{ ...valid, options: [{ text: 'One Region', correct: true }, { text: 'One AZ' }] },
			'needs 3 to 5 options (only a true/false question may have 2)',
		],
		[
			{ ...valid, options: [...valid.options, { text: 'All of the above' }] },
			'option "All of the above" depends on the other options, which are shuffled for each round',
		],
		[
			{ ...valid, options: [...valid.options, { text: 'None of these' }] },
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
			options: [{ text: 'True' }, { text: 'False', correct: true }],
		};
		const { questions, problems } = parseQuestionFile('vpc.yaml', file(trueFalse), sections);
		expect(problems).toEqual([]);
		expect(questions[0]?.options).toEqual(['True', 'False']);
		expect(questions[0]?.correctIndex).toBe(1);
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

	it('covers every topic and note file, no topic above 15%, a third scenarios, answers in varied positions', async () => {
		const { bank, index, noteFiles } = await shippedBank();
		const spread = measureSpread(bank.questions, (id) => index.getSection(id)?.file);
		expect(findSpreadShortfalls(spread, noteFiles)).toEqual([]);
		expect([...spread.byNoteFile.keys()].sort()).toEqual([...noteFiles].sort());
		expect(spread.byDifficulty.size).toBe(3);
	});
});
