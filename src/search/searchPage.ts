import type { NoteSection } from '../notes/types.js';
import type { SearchIndex, SearchResult } from './searchIndex.js';
import type { SnippetLine } from './snippet.js';

export const RESULTS_PER_PAGE = 5;

export interface PagedResult extends SearchResult {
	/** 1-based rank of the result in the whole result list. */
	readonly rank: number;
	readonly snippet: readonly SnippetLine[];
}

export type SearchPage =
	| { readonly status: 'invalid'; readonly problem: string }
	| { readonly status: 'none'; readonly query: string; readonly suggestions: readonly NoteSection[] }
	| {
			readonly status: 'found';
			readonly query: string;
			/** 0-based, clamped into range. */
			readonly page: number;
			readonly pageCount: number;
			/** Sections that match in all; only the best 25 (`MAX_RESULTS`) can be paged through. */
			readonly total: number;
			readonly results: readonly PagedResult[];
	  };

/** One page of results for a query, with snippets for just the results on that page. */
export function searchPage(
	index: SearchIndex,
	rawQuery: string,
	requestedPage = 0,
	pageSize = RESULTS_PER_PAGE,
): SearchPage {
	const outcome = index.search(rawQuery);
	if (outcome.status !== 'found') {
		return outcome;
	}
	const pageCount = Math.ceil(outcome.results.length / pageSize);
	const page = Math.min(Math.max(0, Math.trunc(requestedPage)), pageCount - 1);
	const start = page * pageSize;
	const results = outcome.results.slice(start, start + pageSize).map((result, offset) => ({
		...result,
		rank: start + offset + 1,
		snippet: index.snippet(result),
	}));
	return { status: 'found', query: outcome.query, page, pageCount, total: outcome.total, results };
}
