import MiniSearch from 'minisearch';
import type { NoteSection, Passage } from '../notes/types.js';
import { Analyser } from './analyser.js';
import { indexOptions, TermStatistics, type IndexedPassage } from './indexOptions.js';
import { checkQuery } from './query.js';
import { analyseLines, buildSnippet, type AnalysedLine, type SnippetLine } from './snippet.js';
import type { SynonymEntry } from './synonyms.js';

export interface SearchResult {
	/** The section's id. */
	readonly id: string;
	readonly title: string;
	readonly breadcrumb: readonly string[];
	readonly score: number;
	/** Which passage of the section matched best. */
	readonly passageIndex: number;
	/** That passage's full text. */
	readonly text: string;
	/** The passage's place in the index, for {@link SearchIndex.snippet}. */
	readonly passageId: number;
	/** Index terms of the passage that matched the query, for {@link SearchIndex.snippet}. */
	readonly matchedTerms: readonly string[];
}

export type SearchOutcome =
	| { readonly status: 'invalid'; readonly problem: string }
	| {
			readonly status: 'found';
			readonly query: string;
			readonly results: readonly SearchResult[];
			/** How many sections match in all; `results` holds the best of them. */
			readonly total: number;
	  }
	| { readonly status: 'none'; readonly query: string; readonly suggestions: readonly NoteSection[] };

export const MAX_RESULTS = 25;
const MAX_SUGGESTIONS = 5;

/** The notes' full-text index: ranks passages and answers with one result per section. */
export class SearchIndex {
	private readonly miniSearch: MiniSearch<IndexedPassage>;
	private readonly passages: Passage[] = [];
	/** Each passage's lines, analysed once here so a snippet costs no analysis per query. */
	private readonly passageLines: AnalysedLine[][] = [];
	private readonly sectionsById = new Map<string, NoteSection>();
	private readonly statistics = new TermStatistics();

	private constructor(
		public readonly sections: readonly NoteSection[],
		public readonly analyser: Analyser,
	) {
		this.miniSearch = new MiniSearch(indexOptions(analyser, this.statistics));
		const documents: IndexedPassage[] = [];
		for (const section of sections) {
			this.sectionsById.set(section.id, section);
			const breadcrumb = section.breadcrumb.slice(0, -1).join(' › ');
			for (const passage of section.passages) {
				documents.push({ id: this.passages.length, title: section.title, breadcrumb, body: passage.text });
				this.passages.push(passage);
				this.passageLines.push(analyseLines(passage.text, analyser));
			}
		}
		this.miniSearch.addAll(documents);
	}

	public static build(sections: readonly NoteSection[], synonyms: readonly SynonymEntry[]): SearchIndex {
		return new SearchIndex(sections, new Analyser(synonyms));
	}

	public getSection(id: string): NoteSection | undefined {
		return this.sectionsById.get(id);
	}

	/** Ranks sections for a query already checked by {@link checkQuery}. */
	public rank(query: string, limit = MAX_RESULTS): SearchResult[] {
		return this.collect(query, limit).results;
	}

	/** The best `limit` sections, one result each, and how many sections match in all. */
	private collect(query: string, limit: number): { results: SearchResult[]; total: number } {
		const results: SearchResult[] = [];
		const seen = new Set<string>();
		const hits = this.miniSearch.search(query);
		for (const hit of hits) {
			const passage = this.passages[Number(hit.id)];
			const section = passage && this.sectionsById.get(passage.sectionId);
			if (!passage || !section || seen.has(section.id)) {
				continue;
			}
			seen.add(section.id);
			if (results.length >= limit) {
				continue;
			}
			results.push({
				id: section.id,
				title: section.title,
				breadcrumb: section.breadcrumb,
				score: hit.score,
				passageIndex: passage.index,
				passageId: Number(hit.id),
				text: passage.text,
				matchedTerms: hit.terms,
			});
		}
		return { results, total: seen.size };
	}

	/** The lines of a result's passage that matched best, matched words marked. */
	public snippet(result: SearchResult): SnippetLine[] {
		return buildSnippet(this.passageLines[result.passageId] ?? [], new Set(result.matchedTerms));
	}

	/** Section titles closest to a query that found nothing, typos allowed. */
	public closestTitles(query: string, limit = MAX_SUGGESTIONS): NoteSection[] {
		const sections: NoteSection[] = [];
		const seen = new Set<string>();
		const hits = this.miniSearch.search(query, {
			fields: ['title', 'breadcrumb'],
			fuzzy: (term) => (term.length >= 4 ? 0.34 : false),
			prefix: (term) => term.length >= 2,
			combineWith: 'OR',
		});
		for (const hit of hits) {
			const passage = this.passages[Number(hit.id)];
			const section = passage && this.sectionsById.get(passage.sectionId);
			if (section && !seen.has(section.id)) {
				seen.add(section.id);
				sections.push(section);
			}
			if (sections.length >= limit) {
				break;
			}
		}
		return sections;
	}

	/** Checks and runs a query typed by a person, saying what went wrong when it cannot run. */
	public search(rawQuery: string, limit = MAX_RESULTS): SearchOutcome {
		const checked = checkQuery(rawQuery);
		if (!checked.ok) {
			return { status: 'invalid', problem: checked.problem };
		}
		const { query } = checked;
		if (this.analyser.queryTerms(query).length === 0) {
			return {
				status: 'invalid',
				problem:
					'Search leaves out common words (“the”, “and”, “of”…) and single letters, and your query has nothing else. Type a topic or a service, for example `nat gateway`.',
			};
		}
		const { results, total } = this.collect(query, limit);
		if (results.length > 0) {
			return { status: 'found', query, results, total };
		}
		return { status: 'none', query, suggestions: this.closestTitles(query) };
	}
}
