import { queryFromMessage } from './query.js';
import { referTo, resolveReference, type QueryReference, type SavedQueries } from './savedQueries.js';
import type { SearchIndex } from './searchIndex.js';
import { searchPage, type SearchPage } from './searchPage.js';

export interface SearchDependencies {
	readonly index: SearchIndex;
	readonly savedQueries: SavedQueries;
}

export interface SearchAnswer {
	readonly page: SearchPage;
	/** What the page buttons carry to find the query again; undefined when there is only one page. */
	readonly reference: QueryReference | undefined;
}

async function answer(deps: SearchDependencies, page: SearchPage): Promise<SearchAnswer> {
	const reference =
		page.status === 'found' && page.pageCount > 1 ? await referTo(deps.savedQueries, page.query) : undefined;
	return { page, reference };
}

/** `/search` (and Find in notes): the first page of results for what a member typed or pasted. */
export async function searchNotes(deps: SearchDependencies, rawQuery: string): Promise<SearchAnswer> {
	return answer(deps, searchPage(deps.index, rawQuery));
}

export const NO_MESSAGE_TEXT =
	'That message has no text to search the notes for. Use it on a message with words in it, or type `/search`.';

/** Find in notes: the first page of results for a message's text (the start of it, if it is very long). */
export async function findInNotes(deps: SearchDependencies, messageText: string): Promise<SearchAnswer> {
	const query = queryFromMessage(messageText);
	if (query === '') {
		return { page: { status: 'invalid', problem: NO_MESSAGE_TEXT }, reference: undefined };
	}
	return searchNotes(deps, query);
}

/** A page button of a results message: that page of the same query, or `expired` when the query is gone. */
export async function turnSearchPage(
	deps: SearchDependencies,
	reference: QueryReference,
	page: number,
): Promise<SearchAnswer | { readonly status: 'expired' }> {
	const query = await resolveReference(deps.savedQueries, reference);
	return query === undefined ? { status: 'expired' } : answer(deps, searchPage(deps.index, query, page));
}

/** The search's use cases with their dependencies bound: what the transports call. */
export function createSearchUseCases(deps: SearchDependencies) {
	return {
		notes: (query: string) => searchNotes(deps, query),
		inMessage: (text: string) => findInNotes(deps, text),
		turnPage: (reference: QueryReference, page: number) => turnSearchPage(deps, reference, page),
	};
}

export type SearchUseCases = ReturnType<typeof createSearchUseCases>;
