import MiniSearch from 'minisearch';
import type { NoteSection } from '../../src/notes/types.js';
import type { SearchIndex } from '../../src/search/searchIndex.js';
import type { RelevanceQuery } from './relevanceQueries.js';

export interface RelevanceReport {
	readonly total: number;
	readonly successAt1: number;
	readonly successAt3: number;
	/** Queries whose answer was not in the top 3, with what came first instead. */
	readonly misses: readonly { query: string; got: readonly string[] }[];
}

export type Ranker = (query: string) => readonly string[];

export function evaluate(queries: readonly RelevanceQuery[], rank: Ranker): RelevanceReport {
	let at1 = 0;
	let at3 = 0;
	const misses: { query: string; got: readonly string[] }[] = [];
	for (const { query, expect } of queries) {
		const ids = rank(query);
		if (expect.includes(ids[0] ?? '')) {
			at1 += 1;
		}
		if (ids.slice(0, 3).some((id) => expect.includes(id))) {
			at3 += 1;
		} else {
			misses.push({ query, got: ids.slice(0, 3) });
		}
	}
	return { total: queries.length, successAt1: at1 / queries.length, successAt3: at3 / queries.length, misses };
}

export function studybotRanker(index: SearchIndex): Ranker {
	return (query) => index.rank(query, 3).map((result) => result.id);
}

/** MiniSearch with its default options over the same passages: the baseline to beat. */
export function defaultMiniSearchRanker(sections: readonly NoteSection[]): Ranker {
	const miniSearch = new MiniSearch<{ id: number; sectionId: string; title: string; breadcrumb: string; body: string }>(
		{
			fields: ['title', 'breadcrumb', 'body'],
			storeFields: ['sectionId'],
		},
	);
	let id = 0;
	miniSearch.addAll(
		sections.flatMap((section) =>
			section.passages.map((passage) => ({
				id: (id += 1),
				sectionId: section.id,
				title: section.title,
				breadcrumb: section.breadcrumb.slice(0, -1).join(' › '),
				body: passage.text,
			})),
		),
	);
	return (query) => [...new Set(miniSearch.search(query).map((hit) => String(hit.sectionId)))].slice(0, 3);
}
