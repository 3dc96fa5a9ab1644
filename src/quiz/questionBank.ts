import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';

/** The SAA-C03 exam guide's four domains, with the share of the exam each has. */
export const EXAM_DOMAINS = ['secure', 'resilient', 'performing', 'cost'] as const;
export type ExamDomain = (typeof EXAM_DOMAINS)[number];

export const DOMAIN_LABEL: Readonly<Record<ExamDomain, string>> = {
	secure: 'Secure architectures',
	resilient: 'Resilient architectures',
	performing: 'High-performing architectures',
	cost: 'Cost-optimized architectures',
};

export interface QuestionOption {
	readonly text: string;
	/** One sentence: what the option does and which stated constraint it fails, or why it is the answer. */
	readonly why: string;
}

export interface Question {
	readonly id: string;
	readonly topic: string;
	readonly domain: ExamDomain;
	readonly difficulty: 'easy' | 'medium' | 'hard';
	/** When the question was last checked against AWS as it is, `YYYY-MM-DD`. */
	readonly reviewed: string;
	readonly prompt: string;
	readonly options: readonly QuestionOption[];
	/** Indexes in `options` of the correct options: one, or two or three for "Select TWO/THREE". */
	readonly correct: readonly number[];
	readonly explanation: string;
	/** Id of the note section the question is drawn from. */
	readonly sectionId: string;
	/** A phrase of that section that supports the answer. */
	readonly evidence: string;
	/** The file it came from, relative to the questions folder. */
	readonly file: string;
}

/** True for a "Select TWO/THREE" question, answered with a menu and scored all or nothing. */
export function isMultiAnswer(question: Pick<Question, 'correct'>): boolean {
	return question.correct.length > 1;
}

export interface QuestionProblem {
	readonly file: string;
	/** The question's id or position, when the problem is with one question. */
	readonly entry?: string;
	readonly reason: string;
}

/** What loading found: the valid questions, and what was wrong with the rest. */
export interface LoadedQuestions {
	readonly questions: readonly Question[];
	readonly problems: readonly QuestionProblem[];
}

/** The questions the bot asks, in file order, looked up by id without a scan. */
export class QuestionBank {
	private readonly byId: ReadonlyMap<string, Question>;
	/** Every topic of the bank, sorted: for `/practice topic:` and its autocomplete. */
	public readonly topics: readonly string[];

	public constructor(public readonly questions: readonly Question[]) {
		this.byId = new Map(questions.map((question) => [question.id, question]));
		this.topics = [...new Set(questions.map((question) => question.topic))].sort();
	}

	public get(id: string): Question | undefined {
		return this.byId.get(id);
	}
}

/** What a note section must offer for the bank to be checked against it. */
export interface SectionLookup {
	getSection(id: string): { readonly body: string } | undefined;
}

/** The most options a question may have: six, lettered A to F. */
export const MAX_OPTIONS = 6;

const optionSchema = z.object({
	text: z.string().trim().min(1, 'an option is empty').max(300, 'an option is longer than 300 characters'),
	correct: z.boolean().optional(),
	why: z
		.string({ error: 'every option needs a why: what it does and why it is or is not the answer' })
		.trim()
		.min(15, 'a why is too short')
		.max(320, 'a why is longer than 320 characters'),
});

const questionSchema = z.object({
	id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'id must be lowercase words joined by -'),
	domain: z.enum(EXAM_DOMAINS, { error: `domain must be one of ${EXAM_DOMAINS.join(', ')}` }),
	difficulty: z.enum(['easy', 'medium', 'hard']),
	reviewed: z
		.union([z.string(), z.date()])
		.transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
		.pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'reviewed must be a date, YYYY-MM-DD')),
	prompt: z.string().trim().min(10, 'prompt is too short').max(1200, 'prompt is longer than 1,200 characters'),
	options: z
		.array(optionSchema)
		.min(2, 'needs at least 2 options')
		.max(MAX_OPTIONS, `has more than ${MAX_OPTIONS} options`),
	explanation: z
		.string()
		.trim()
		.min(10, 'explanation is too short')
		.max(700, 'explanation is longer than 700 characters'),
	section: z.string().min(1),
	evidence: z.string().trim().min(3, 'evidence is too short'),
});

type ParsedQuestion = z.infer<typeof questionSchema>;

/** A true/false question is the one case where two options are enough. */
const TRUE_FALSE = ['false', 'true'];

/** Options that only make sense next to the others, which the per-round shuffle would break. */
const RELATIVE_OPTION = /\b(?:all|none|both|neither) of (?:the )?(?:above|these|them)\b/iu;

/** How a multi-answer prompt ends, as on the exam. */
const SELECT = /\(Select (TWO|THREE)\.\)\s*$/u;
const SELECT_COUNT: Readonly<Record<string, number>> = { TWO: 2, THREE: 3 };

/** Everything wrong with a question that passed the schema (empty when it is fine). */
function findQuestionProblems(question: ParsedQuestion, correct: readonly number[], sections: SectionLookup): string[] {
	const problems: string[] = [];
	const texts = question.options.map((option) => normaliseForEvidence(option.text));
	const isTrueFalse = texts.length === 2 && [...texts].sort().join() === TRUE_FALSE.join();
	const select = SELECT.exec(question.prompt)?.[1];
	const wanted = select === undefined ? 1 : (SELECT_COUNT[select] ?? 1);
	if (correct.length !== wanted) {
		problems.push(
			select === undefined
				? `has ${correct.length} correct options: a question with more than one must end "(Select TWO.)" or "(Select THREE.)"`
				: `says Select ${select} but has ${correct.length} correct ${correct.length === 1 ? 'option' : 'options'}`,
		);
	}
	if (wanted > 1 && texts.length < 5) {
		problems.push(`a "Select ${select ?? ''}" question needs 5 or 6 options, has ${texts.length}`);
	}
	if (wanted === 1 && !question.prompt.trim().endsWith('?')) {
		problems.push('a single-answer prompt ends with its question and a "?"');
	}
	if (texts.length < 3 && !isTrueFalse) {
		problems.push(`needs 3 to ${MAX_OPTIONS} options (only a true/false question may have 2)`);
	}
	if (new Set(texts).size !== texts.length) {
		problems.push('has two options with the same text');
	}
	const relative = question.options.find((option) => RELATIVE_OPTION.test(option.text));
	if (relative) {
		problems.push(`option "${relative.text}" depends on the other options, which are shuffled for each round`);
	}
	const section = sections.getSection(question.section);
	if (!section) {
		problems.push(`cites section "${question.section}", which is not in the notes`);
	} else if (!normaliseForEvidence(section.body).includes(normaliseForEvidence(question.evidence))) {
		problems.push(`evidence "${question.evidence}" does not occur in section "${question.section}"`);
	}
	return problems;
}

const fileSchema = z.object({
	topic: z.string().trim().min(1),
	questions: z.array(z.unknown()).min(1, 'has no questions'),
});

/** Lowercase with white space folded, so evidence survives re-wrapping of the note. */
export function normaliseForEvidence(text: string): string {
	return text.toLowerCase().replace(/\s+/gu, ' ').trim();
}

function describeIssues(error: z.ZodError): string {
	return error.issues
		.map((issue) => `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`)
		.join('; ');
}

/** Validates one file's questions; a bad question is reported with every problem it has and left out. */
export function parseQuestionFile(file: string, text: string, sections: SectionLookup): LoadedQuestions {
	let data: unknown;
	try {
		data = parseYaml(text);
	} catch (error) {
		const where = error instanceof YAMLParseError ? ` at line ${error.linePos?.[0].line ?? '?'}` : '';
		return {
			questions: [],
			problems: [{ file, reason: `is not valid YAML${where}: ${(error as Error).message.split('\n')[0] ?? ''}` }],
		};
	}
	const parsedFile = fileSchema.safeParse(data);
	if (!parsedFile.success) {
		return { questions: [], problems: [{ file, reason: describeIssues(parsedFile.error) }] };
	}
	const questions: Question[] = [];
	const problems: QuestionProblem[] = [];
	for (const [position, raw] of parsedFile.data.questions.entries()) {
		const entry = (raw as { id?: unknown } | null)?.id;
		const name = typeof entry === 'string' ? entry : `question ${position + 1}`;
		const parsed = questionSchema.safeParse(raw);
		if (!parsed.success) {
			problems.push({ file, entry: name, reason: describeIssues(parsed.error) });
			continue;
		}
		const question = parsed.data;
		const correct = question.options.flatMap((option, index) => (option.correct === true ? [index] : []));
		const reasons = findQuestionProblems(question, correct, sections);
		if (reasons.length > 0) {
			problems.push({ file, entry: name, reason: reasons.join('; ') });
			continue;
		}
		questions.push({
			id: question.id,
			topic: parsedFile.data.topic,
			domain: question.domain,
			difficulty: question.difficulty,
			reviewed: question.reviewed,
			prompt: question.prompt,
			options: question.options.map((option) => ({ text: option.text, why: option.why })),
			correct,
			explanation: question.explanation,
			sectionId: question.section,
			evidence: question.evidence,
			file,
		});
	}
	return { questions, problems };
}

/**
 * Loads every `.yaml`/`.yml` file of the questions folder. A file that does not parse disables
 * only its own questions; duplicate ids across files are reported and the later one dropped.
 */
export async function loadQuestionBank(folder: string, sections: SectionLookup): Promise<LoadedQuestions> {
	const entries = await readdir(folder, { withFileTypes: true }).catch(() => undefined);
	if (!entries) {
		return { questions: [], problems: [{ file: folder, reason: 'cannot be read (is the questions folder missing?)' }] };
	}
	const files = entries
		.filter((entry) => entry.isFile() && /\.ya?ml$/iu.test(entry.name))
		.map((entry) => entry.name)
		.sort();
	const questions: Question[] = [];
	const problems: QuestionProblem[] = [];
	const seen = new Map<string, string>();
	for (const file of files) {
		let text: string;
		try {
			text = await readFile(path.join(folder, file), 'utf8');
		} catch (error) {
			problems.push({ file, reason: `cannot be read: ${(error as Error).message}` });
			continue;
		}
		const parsed = parseQuestionFile(file, text, sections);
		problems.push(...parsed.problems);
		for (const question of parsed.questions) {
			const earlier = seen.get(question.id);
			if (earlier === undefined) {
				seen.set(question.id, file);
				questions.push(question);
			} else {
				problems.push({ file, entry: question.id, reason: `id is already used in ${earlier}` });
			}
		}
	}
	return { questions, problems };
}
