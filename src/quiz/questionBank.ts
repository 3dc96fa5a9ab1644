import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';

export interface Question {
	readonly id: string;
	readonly topic: string;
	readonly difficulty: 'easy' | 'medium' | 'hard';
	readonly prompt: string;
	readonly options: readonly string[];
	/** Index in `options` of the one correct option. */
	readonly correctIndex: number;
	readonly explanation: string;
	/** Id of the note section the question is drawn from. */
	readonly sectionId: string;
	/** A phrase of that section that supports the answer. */
	readonly evidence: string;
	/** The file it came from, relative to the questions folder. */
	readonly file: string;
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

	public constructor(public readonly questions: readonly Question[]) {
		this.byId = new Map(questions.map((question) => [question.id, question]));
	}

	public get(id: string): Question | undefined {
		return this.byId.get(id);
	}
}

/** What a note section must offer for the bank to be checked against it. */
export interface SectionLookup {
	getSection(id: string): { readonly body: string } | undefined;
}

const questionSchema = z.object({
	id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'id must be lowercase words joined by -'),
	difficulty: z.enum(['easy', 'medium', 'hard']),
	prompt: z.string().trim().min(10, 'prompt is too short').max(1000, 'prompt is longer than 1,000 characters'),
	options: z
		.array(
			z.object({
				text: z.string().trim().min(1, 'an option is empty').max(300, 'an option is longer than 300 characters'),
				correct: z.boolean().optional(),
			}),
		)
		.min(2, 'needs at least 2 options')
		.max(5, 'has more than 5 options'),
	explanation: z
		.string()
		.trim()
		.min(10, 'explanation is too short')
		.max(600, 'explanation is longer than 600 characters'),
	section: z.string().min(1),
	evidence: z.string().trim().min(3, 'evidence is too short'),
});

type ParsedQuestion = z.infer<typeof questionSchema>;

/** A true/false question is the one case where two options are enough. */
const TRUE_FALSE = ['false', 'true'];

/** Options that only make sense next to the others, which the per-round shuffle would break. */
const RELATIVE_OPTION = /\b(?:all|none|both|neither) of (?:the )?(?:above|these|them)\b/iu;

/** The first thing wrong with a question that passed the schema, or `undefined`. */
function findQuestionProblem(
	question: ParsedQuestion,
	correctCount: number,
	sections: SectionLookup,
): string | undefined {
	const texts = question.options.map((option) => option.text.toLowerCase());
	const isTrueFalse = texts.length === 2 && [...texts].sort().join() === TRUE_FALSE.join();
	const relative = question.options.find((option) => RELATIVE_OPTION.test(option.text));
	const section = sections.getSection(question.section);
	if (correctCount !== 1) {
		return `must have exactly one correct option, has ${correctCount}`;
	}
	if (texts.length < 3 && !isTrueFalse) {
		return 'needs 3 to 5 options (only a true/false question may have 2)';
	}
	if (new Set(texts).size !== texts.length) {
		return 'has two options with the same text';
	}
	if (relative) {
		return `option "${relative.text}" depends on the other options, which are shuffled for each round`;
	}
	if (!section) {
		return `cites section "${question.section}", which is not in the notes`;
	}
	if (!normaliseForEvidence(section.body).includes(normaliseForEvidence(question.evidence))) {
		return `evidence "${question.evidence}" does not occur in section "${question.section}"`;
	}
	return undefined;
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

/** Validates one file's questions; a bad question is reported and left out, the rest stay. */
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
		const reason = findQuestionProblem(question, correct.length, sections);
		if (reason !== undefined) {
			problems.push({ file, entry: name, reason });
			continue;
		}
		questions.push({
			id: question.id,
			topic: parsedFile.data.topic,
			difficulty: question.difficulty,
			prompt: question.prompt,
			options: question.options.map((option) => option.text),
			correctIndex: correct[0] ?? 0,
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
