import { SYNONYM_PREFIX, type Analyser } from './analyser.js';
import type { CueTable } from './examCues.js';
import type { TermQuery } from './termIndex.js';

/** The fields a passage is indexed by. */
export type PassageField = 'title' | 'breadcrumb' | 'body' | 'questions';

/** How much a match in a section's questions counts against one in its own text. */
export const QUESTIONS_BOOST = 1;

/**
 * Titles get a light boost only: BM25 already scores each field against its own length, so a
 * word in a short title counts for more than the same word in a long body. On the relevance
 * set (`tests/search/relevanceQueries.ts`) title 1.2 ranked best; 1.5 and more ranked worse.
 */
export const FIELD_BOOSTS: Readonly<Record<PassageField, number>> = {
	title: 1.2,
	breadcrumb: 1,
	body: 1,
	questions: QUESTIONS_BOOST,
};

/** How much a service a cue points to counts against a word of the query itself. */
export const CUE_BOOST = 0.6;

/** The weights the ranking was tuned with; variants of them are measured in `npm run eval:search`. */
export interface RankingTuning {
	readonly fieldBoosts: Readonly<Record<PassageField, number>>;
	readonly cueBoost: number;
	/** Read a pasted question by its rarest terms (see {@link TermStatistics.focus}). */
	readonly focusLongQueries: boolean;
	/**
	 * Index each passage as a document of its own, instead of one document per section that
	 * shows its best-matching passage. Either way a section's questions are one more document.
	 */
	readonly documentPerPassage: boolean;
}

export const SHIPPED_TUNING: RankingTuning = {
	fieldBoosts: FIELD_BOOSTS,
	cueBoost: CUE_BOOST,
	focusLongQueries: true,
	documentPerPassage: false,
};

/** What a prefix match and a typo match count against the word typed. */
export const MATCH_WEIGHTS = { prefix: 0.6, fuzzy: 0.5 } as const;

/** Queries of up to this many terms are typed by a person: prefixes and typos are looked for. */
export const SHORT_QUERY_TERMS = 6;

/**
 * In a longer query (an exam question pasted whole), terms found in more than this share of
 * passages are dropped: their BM25 weight is small, their posting lists are the longest.
 */
const COMMON_TERM_SHARE = 0.2;
/** Of a longer query, only this many of the rarest terms are looked up; the rest add cost, not rank. */
const MAX_QUERY_TERMS = 16;
/** Typos allowed: a quarter of the word's letters, at most two. */
const TYPO_SHARE = 0.25;
const MAX_TYPOS = 2;

/** What indexing learns about the terms, for reading queries. */
export class TermStatistics {
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

/**
 * The one place that says how a query is read into the terms looked up. A query term the index
 * knows is taken as meant; only unknown ones, most likely misspelt, are looked up with typos
 * allowed, and only in a short query typed by a person, whose last word may be unfinished.
 */
export function termQueries(
	text: string,
	analyser: Analyser,
	statistics: TermStatistics,
	cues: CueTable,
	isKnownTerm: (term: string) => boolean,
	tuning: RankingTuning = SHIPPED_TUNING,
): TermQuery[] {
	const read = analyser.queryTerms(text, isKnownTerm);
	const terms = tuning.focusLongQueries ? statistics.focus(read) : read;
	const typed = terms.length <= SHORT_QUERY_TERMS;
	const cueQueries = cues
		.termsFor(read)
		.filter((term) => !terms.includes(term))
		.map((term) => ({ term, prefix: false, maxEdits: 0, boost: tuning.cueBoost }));
	const own = terms.map((term, position) => {
		const byPerson = typed && !term.startsWith(SYNONYM_PREFIX);
		return {
			term,
			prefix: byPerson && position === terms.length - 1 && term.length >= 3,
			maxEdits:
				byPerson && term.length >= 5 && !isKnownTerm(term)
					? Math.min(MAX_TYPOS, Math.round(term.length * TYPO_SHARE))
					: 0,
			boost: 1,
		};
	});
	return [...own, ...cueQueries];
}
