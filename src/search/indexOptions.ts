import type { Options, SearchOptions } from 'minisearch';
import { SYNONYM_PREFIX, type Analyser } from './analyser.js';

/** One indexed passage. `id` is the passage's position in the library's passage list. */
export interface IndexedPassage {
	readonly id: number;
	readonly title: string;
	readonly breadcrumb: string;
	readonly body: string;
}

/** Queries of up to this many terms are typed by a person: prefixes and typos are looked for. */
export const SHORT_QUERY_TERMS = 6;

/**
 * In a longer query (an exam question pasted whole), terms found in more than this share of
 * passages are dropped: their BM25 weight is small, their posting lists are the longest.
 */
const COMMON_TERM_SHARE = 0.15;
/** Of a longer query, only this many of the rarest terms are looked up; the rest add cost, not rank. */
const MAX_QUERY_TERMS = 16;

/** What indexing learns about the terms, for reading queries. */
export class TermStatistics {
	/** Every indexed term. */
	public readonly vocabulary = new Set<string>();
	private readonly bodyCounts = new Map<string, number>();
	private bodies = 0;

	public countBody(terms: readonly string[]): void {
		this.bodies += 1;
		for (const term of new Set(terms)) {
			this.bodyCounts.set(term, (this.bodyCounts.get(term) ?? 0) + 1);
		}
	}

	public isCommon(term: string): boolean {
		return (this.bodyCounts.get(term) ?? 0) > this.bodies * COMMON_TERM_SHARE;
	}

	/** Drops common terms from a long query (unless that would leave too little) and keeps the rarest. */
	public focus(terms: readonly string[]): readonly string[] {
		if (terms.length <= SHORT_QUERY_TERMS) {
			return terms;
		}
		const focused = terms.filter((term) => !this.isCommon(term));
		const kept = focused.length >= SHORT_QUERY_TERMS / 2 ? focused : terms;
		const frequency = (term: string): number => this.bodyCounts.get(term) ?? 0;
		return [...kept].sort((left, right) => frequency(left) - frequency(right)).slice(0, MAX_QUERY_TERMS);
	}
}

const isTypedTerm = (term: string, terms: readonly string[]): boolean =>
	terms.length <= SHORT_QUERY_TERMS && !term.startsWith(SYNONYM_PREFIX);

/**
 * The one place that says how passages are indexed and searched. The index is built from the
 * notes at every start (it takes well under a second) and never saved: the term statistics that
 * query reading relies on are filled while indexing, so an index restored with
 * `MiniSearch.loadJSON` would rank differently.
 *
 * Titles get a light boost only: BM25 already scores each field against its own length, so a
 * word in a short title counts for more than the same word in a long body. On the relevance
 * set (`tests/search/relevanceQueries.ts`) title 1.2 ranked best; 1.5 and more ranked worse.
 * Indexing fills `statistics`. A query term the index knows is taken as meant; only unknown
 * ones, most likely misspelt, are looked up with typos allowed.
 */
export function indexOptions(analyser: Analyser, statistics: TermStatistics): Options<IndexedPassage> {
	const { vocabulary } = statistics;
	const searchOptions: SearchOptions = {
		combineWith: 'OR',
		boost: { title: 1.2, breadcrumb: 1, body: 1 },
		tokenize: (text) => [...statistics.focus(analyser.queryTerms(text, (term) => vocabulary.has(term)))],
		prefix: (term, index, terms) => index === terms.length - 1 && isTypedTerm(term, terms) && term.length >= 3,
		fuzzy: (term, _index, terms) =>
			isTypedTerm(term, terms) && term.length >= 5 && !vocabulary.has(term) ? 0.25 : false,
		maxFuzzy: 2,
		weights: { prefix: 0.6, fuzzy: 0.5 },
	};
	return {
		fields: ['title', 'breadcrumb', 'body'],
		tokenize: (text, fieldName) => {
			const terms = analyser.indexTerms(text);
			for (const term of terms) {
				vocabulary.add(term);
			}
			if (fieldName === 'body') {
				statistics.countBody(terms);
			}
			return terms;
		},
		processTerm: (term) => term,
		searchOptions,
	};
}
