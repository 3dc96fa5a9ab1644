import MiniSearch from 'minisearch';
import type { NoteSection } from '../../../src/notes/types.js';
import type { SearchIndex } from '../../../src/search/searchIndex.js';
import type { Ranker } from './measure.js';

/** Section ids for a query, best first, as `/search` ranks them. */
export function studybotRanker(index: SearchIndex): Ranker {
	return (query) => {
		const outcome = index.search(query, 10);
		return outcome.status === 'found' ? outcome.results.map((result) => result.id) : [];
	};
}

/**
 * The baseline to beat: MiniSearch with its default options over a plain split of the same
 * notes at their headings (one document per section: title, breadcrumb, text).
 */
export function defaultMiniSearchRanker(sections: readonly NoteSection[]): Ranker {
	const miniSearch = new MiniSearch<{ id: string; title: string; breadcrumb: string; body: string }>({
		fields: ['title', 'breadcrumb', 'body'],
	});
	miniSearch.addAll(
		sections.map((section) => ({
			id: section.id,
			title: section.title,
			breadcrumb: section.breadcrumb.slice(0, -1).join(' › '),
			body: section.body,
		})),
	);
	return (query) =>
		miniSearch
			.search(query)
			.map((hit) => String(hit.id))
			.slice(0, 10);
}
