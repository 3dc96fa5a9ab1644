import SearchableMap from 'minisearch/SearchableMap';
import { TypoDictionary } from './typoDictionary.js';

/** BM25+ parameters, MiniSearch's defaults (they rank the notes well; see `indexOptions.ts`). */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/**
 * BM25+ of one term in one field of one document, as MiniSearch scores it: the field length is
 * the count of distinct terms, and the document frequency is counted per field.
 */
export function bm25(
	termFrequency: number,
	matchingDocuments: number,
	documents: number,
	fieldLength: number,
	averageFieldLength: number,
): number {
	const inverseDocumentFrequency = Math.log(1 + (documents - matchingDocuments + 0.5) / (matchingDocuments + 0.5));
	const lengthNorm = 1 - BM25.b + (BM25.b * fieldLength) / averageFieldLength;
	return inverseDocumentFrequency * (BM25.d + (termFrequency * (BM25.k + 1)) / (termFrequency + BM25.k * lengthNorm));
}

/** The most edits a typo lookup allows. */
export const MAX_EDITS = 2;

/** One term of a query and how far it may stretch. */
export interface TermQuery {
	readonly term: string;
	/** Also match the index terms that start with it. */
	readonly prefix: boolean;
	/** Also match the index terms within this many edits (0: none; at most {@link MAX_EDITS}). */
	readonly maxEdits: number;
	/** Multiplies everything the term scores. */
	readonly boost: number;
}

export interface TermSearchOptions<Field extends string> {
	/** Fields to match in; all of them when left out. */
	readonly fields?: readonly Field[];
	/** What a prefix match and a typo match count against the term itself. */
	readonly weights: { readonly prefix: number; readonly fuzzy: number };
	/** How many groups to answer with. */
	readonly limit: number;
}

/** The best document of each of the best groups a query matched, best first. */
export interface TermHits {
	readonly documents: readonly number[];
	readonly scores: readonly number[];
	/** How many groups matched in all. */
	readonly groups: number;
	/** The index terms a document matched (exact, prefix or typo matches of the query's terms). */
	matchedTerms(document: number): string[];
}

/** A term's postings in one field: documents in ascending order, each with its boosted BM25+. */
interface FieldPostings {
	readonly documents: Uint32Array;
	readonly weights: Float64Array;
}

/** A term's postings, by field position; a field the term never occurs in has none. */
type TermPostings = readonly (FieldPostings | undefined)[];

interface DerivedTerm {
	readonly term: string;
	readonly postings: TermPostings;
	readonly weight: number;
}

/**
 * An inverted index over documents of analysed fields, scored with BM25+ and combined with OR
 * the way MiniSearch does it (a document's score is the sum over matched terms, times the
 * number of query terms it matched), so rankings and scores equal MiniSearch's with the same
 * options (`tests/search/termIndex.test.ts` holds it to that). The index is static: every
 * posting's boosted BM25+ is computed once at build, and a query only adds numbers into
 * preallocated arrays, where MiniSearch builds an object per match. That is what keeps a
 * pasted exam question of sixteen terms well under a millisecond.
 *
 * Documents can be grouped (the passages of a section): a query answers with each group's best
 * document, and the top ones are picked without sorting every match.
 *
 * The term dictionary is MiniSearch's radix tree, for prefix lookups; typos are looked up in a
 * {@link TypoDictionary} of the same terms.
 */
export class TermIndex<Field extends string> {
	private readonly typos: TypoDictionary;
	private readonly scores: Float64Array;
	/** Per document, the last query term (by position + 1) that matched it: counts distinct terms. */
	private readonly lastQueryTerm: Uint32Array;
	private readonly queryTermsMatched: Uint32Array;
	/** Per group, its best document so far plus one (0: not matched yet). */
	private readonly groupBest: Uint32Array;

	private constructor(
		private readonly fields: readonly Field[],
		private readonly groupOf: Uint32Array,
		private readonly dictionary: SearchableMap<TermPostings>,
	) {
		this.typos = new TypoDictionary(dictionary.keys(), MAX_EDITS);
		this.scores = new Float64Array(groupOf.length);
		this.lastQueryTerm = new Uint32Array(groupOf.length);
		this.queryTermsMatched = new Uint32Array(groupOf.length);
		this.groupBest = new Uint32Array(Math.max(0, ...groupOf) + 1);
	}

	/**
	 * Indexes documents (their position is their id) whose fields are already analysed into terms.
	 * `groups` gives each document's group, a number from 0; each document is its own by default.
	 */
	public static build<Field extends string>(
		documents: readonly Readonly<Record<Field, readonly string[]>>[],
		boosts: Readonly<Record<Field, number>>,
		groups: readonly number[] = documents.map((_, position) => position),
	): TermIndex<Field> {
		const fields = Object.keys(boosts) as Field[]; // Object.keys loses the key type, not the keys.
		// Documents are read in order, so every posting list grows already sorted.
		const growing = new Map<string, ({ documents: number[]; counts: number[] } | undefined)[]>();
		const lengths = fields.map(() => new Uint32Array(documents.length));
		for (const [document, analysed] of documents.entries()) {
			for (const [fieldPosition, field] of fields.entries()) {
				const counts = new Map<string, number>();
				for (const term of analysed[field]) {
					counts.set(term, (counts.get(term) ?? 0) + 1);
				}
				(lengths[fieldPosition] as Uint32Array)[document] = counts.size;
				for (const [term, count] of counts) {
					let byField = growing.get(term);
					if (!byField) {
						byField = [];
						growing.set(term, byField);
					}
					const postings = byField[fieldPosition] ?? { documents: [], counts: [] };
					byField[fieldPosition] = postings;
					postings.documents.push(document);
					postings.counts.push(count);
				}
			}
		}
		const averages = lengths.map(
			(fieldLengths) => fieldLengths.reduce((sum, length) => sum + length, 0) / Math.max(1, documents.length),
		);
		const dictionary = new SearchableMap<TermPostings>();
		for (const [term, byField] of growing) {
			const postings = fields.map((field, fieldPosition) => {
				const grown = byField[fieldPosition];
				if (!grown) {
					return undefined;
				}
				const fieldLengths = lengths[fieldPosition] as Uint32Array;
				const average = averages[fieldPosition] ?? 1;
				const weights = new Float64Array(grown.documents.length);
				for (const [at, document] of grown.documents.entries()) {
					const frequency = grown.counts[at] ?? 0;
					weights[at] =
						boosts[field] *
						bm25(frequency, grown.documents.length, documents.length, fieldLengths[document] ?? 0, average);
				}
				return { documents: Uint32Array.from(grown.documents), weights };
			});
			dictionary.set(term, postings);
		}
		return new TermIndex(fields, Uint32Array.from(groups), dictionary);
	}

	public has(term: string): boolean {
		return this.dictionary.has(term);
	}

	/**
	 * Scores every document that matches any query term and answers with the best `limit`
	 * groups, best first; on a tie, the group matched first comes first.
	 */
	public search(queries: readonly TermQuery[], options: TermSearchOptions<Field>): TermHits {
		const fieldPositions = (options.fields ?? this.fields).map((field) => this.fields.indexOf(field));
		const touched: number[] = [];
		const allDerived: DerivedTerm[] = [];
		for (const [position, query] of queries.entries()) {
			const marker = position + 1;
			for (const derived of this.derive(query, options.weights)) {
				allDerived.push(derived);
				this.accumulate(derived, derived.weight * query.boost, marker, fieldPositions, touched);
			}
		}
		const { documents, scores, groups } = this.bestGroups(touched, options.limit);
		return {
			documents,
			scores,
			groups,
			matchedTerms: (document) => matchedTerms(allDerived, fieldPositions, document),
		};
	}

	private accumulate(
		derived: DerivedTerm,
		weight: number,
		marker: number,
		fieldPositions: readonly number[],
		touched: number[],
	): void {
		const { scores, lastQueryTerm, queryTermsMatched } = this;
		for (const fieldPosition of fieldPositions) {
			const postings = derived.postings[fieldPosition];
			if (!postings) {
				continue;
			}
			const { documents, weights } = postings;
			for (let at = 0; at < documents.length; at += 1) {
				const document = documents[at] ?? 0;
				const last = lastQueryTerm[document] ?? 0;
				if (last === 0) {
					touched.push(document);
				}
				if (last !== marker) {
					lastQueryTerm[document] = marker;
					queryTermsMatched[document] = (queryTermsMatched[document] ?? 0) + 1;
				}
				scores[document] = (scores[document] ?? 0) + weight * (weights[at] ?? 0);
			}
		}
	}

	/** Final scores, each group's best document, the top `limit` of those; and the scratch reset. */
	private bestGroups(
		touched: readonly number[],
		limit: number,
	): { documents: number[]; scores: number[]; groups: number } {
		const { scores, queryTermsMatched, groupBest, groupOf } = this;
		const touchedGroups: number[] = [];
		for (const document of touched) {
			const score = (scores[document] ?? 0) * (queryTermsMatched[document] ?? 0);
			scores[document] = score;
			const group = groupOf[document] ?? 0;
			const best = groupBest[group] ?? 0;
			if (best === 0) {
				touchedGroups.push(group);
				groupBest[group] = document + 1;
			} else if (score > (scores[best - 1] ?? 0)) {
				groupBest[group] = document + 1;
			}
		}
		const topDocuments: number[] = [];
		const topScores: number[] = [];
		for (const group of touchedGroups) {
			const document = (groupBest[group] ?? 0) - 1;
			const score = scores[document] ?? 0;
			if (topDocuments.length === limit && score <= (topScores[limit - 1] ?? 0)) {
				continue;
			}
			let at = Math.min(topDocuments.length, limit - 1);
			while (at > 0 && score > (topScores[at - 1] ?? 0)) {
				at -= 1;
			}
			topDocuments.splice(at, 0, document);
			topScores.splice(at, 0, score);
			if (topDocuments.length > limit) {
				topDocuments.pop();
				topScores.pop();
			}
		}
		for (const document of touched) {
			scores[document] = 0;
			this.lastQueryTerm[document] = 0;
			queryTermsMatched[document] = 0;
		}
		for (const group of touchedGroups) {
			groupBest[group] = 0;
		}
		return { documents: topDocuments, scores: topScores, groups: touchedGroups.length };
	}

	/** The term itself, then (as MiniSearch weighs them) its prefix matches, then its typo matches. */
	private derive(query: TermQuery, weights: TermSearchOptions<Field>['weights']): DerivedTerm[] {
		const derived: DerivedTerm[] = [];
		const exact = this.dictionary.get(query.term);
		if (exact) {
			derived.push({ term: query.term, postings: exact, weight: 1 });
		}
		const prefixed = new Set<string>();
		if (query.prefix) {
			for (const [term, postings] of this.dictionary.atPrefix(query.term)) {
				const distance = term.length - query.term.length;
				if (distance > 0) {
					prefixed.add(term);
					derived.push({ term, postings, weight: (weights.prefix * term.length) / (term.length + 0.3 * distance) });
				}
			}
		}
		if (query.maxEdits > 0) {
			for (const [term, distance] of this.typos.within(query.term, query.maxEdits)) {
				const postings = this.dictionary.get(term);
				if (postings && distance > 0 && !prefixed.has(term)) {
					derived.push({ term, postings, weight: (weights.fuzzy * term.length) / (term.length + distance) });
				}
			}
		}
		return derived;
	}
}

function contains(postings: FieldPostings, document: number): boolean {
	let low = 0;
	let high = postings.documents.length - 1;
	while (low <= high) {
		const middle = (low + high) >> 1;
		const found = postings.documents[middle] ?? 0;
		if (found === document) {
			return true;
		}
		if (found < document) {
			low = middle + 1;
		} else {
			high = middle - 1;
		}
	}
	return false;
}

function matchedTerms(derived: readonly DerivedTerm[], fieldPositions: readonly number[], document: number): string[] {
	const terms = new Set<string>();
	for (const { term, postings } of derived) {
		if (
			fieldPositions.some((position) => {
				const field = postings[position];
				return field !== undefined && contains(field, document);
			})
		) {
			terms.add(term);
		}
	}
	return [...terms];
}
