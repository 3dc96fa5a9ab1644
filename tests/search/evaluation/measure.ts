import type { Question } from '../../../src/quiz/questionBank.js';
import { isHeldOutFromIndex } from '../../../src/search/questionExpansion.js';
import type { EvaluationQuery } from './evaluationSet.js';

/** Ranks a query to section ids, best first. */
export type Ranker = (query: string) => readonly string[];

/** A query and the sections that answer it. */
export interface LabelledQuery {
	readonly kind: string;
	readonly query: string;
	readonly expect: readonly string[];
}

export interface Figures {
	readonly queries: number;
	readonly at1: number;
	readonly at3: number;
}

export interface Measured {
	readonly all: Figures;
	readonly byKind: ReadonlyMap<string, Figures>;
	readonly misses: readonly { readonly query: string; readonly got: readonly string[] }[];
}

function figures(hits: readonly { at1: boolean; at3: boolean }[]): Figures {
	const count = Math.max(1, hits.length);
	return {
		queries: hits.length,
		at1: hits.filter((hit) => hit.at1).length / count,
		at3: hits.filter((hit) => hit.at3).length / count,
	};
}

/** Top-1 and top-3 success (an answering section first, or among the first three), overall and per kind. */
export function measure(queries: readonly LabelledQuery[], rank: Ranker): Measured {
	const results = queries.map((entry) => {
		const got = rank(entry.query).slice(0, 3);
		return {
			entry,
			got,
			at1: entry.expect.includes(got[0] ?? ''),
			at3: got.some((id) => entry.expect.includes(id)),
		};
	});
	const kinds = [...new Set(queries.map((entry) => entry.kind))];
	return {
		all: figures(results),
		byKind: new Map(kinds.map((kind) => [kind, figures(results.filter((result) => result.entry.kind === kind))])),
		misses: results.filter((result) => !result.at3).map((result) => ({ query: result.entry.query, got: result.got })),
	};
}

/**
 * The bank's questions held out from anything the index learns (a fixed fifth, by the SHA-256 of
 * the id): their prompts are scenario queries whose answer is the section they cite.
 */
export function isHeldOutQuestion(question: Pick<Question, 'id'>): boolean {
	return isHeldOutFromIndex(question.id);
}

export function questionQueries(questions: readonly Question[]): EvaluationQuery[] {
	return questions.map((question, index) => ({
		id: `q${String(index).padStart(3, '0')}`,
		kind: 'scenario',
		query: question.prompt,
		expect: [question.sectionId],
	}));
}
