import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
			{ ...valid, options: [{ text: 'One Region', correct: true }, { text: 'one region' }] },
			'has two options with the same text',
		],
		[{ ...valid, section: 'notes.missing' }, 'cites section "notes.missing", which is not in the notes'],
		[{ ...valid, evidence: 'a subnet' }, 'evidence "a subnet" does not occur in section "notes.vpc"'],
		[{ ...valid, options: [{ text: 'Only', correct: true }] }, 'options: needs at least 2 options'],
		[{ ...valid, id: 'Bad Id' }, 'id: id must be lowercase words joined by -'],
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
	it('loads without a problem, every question grounded in a section of the notes', async () => {
		const { index } = await shippedNotes();
		const bank = await loadQuestionBank(path.join(CONTENT_DIR, 'questions'), index);
		expect(bank.problems).toEqual([]);
		expect(bank.questions.length).toBeGreaterThanOrEqual(10);
		expect(new Set(bank.questions.map((question) => question.id)).size).toBe(bank.questions.length);
	});
});
