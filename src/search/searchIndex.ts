import type { NoteSection, Passage } from '../notes/types.js';
import type { Analyser } from './analyser.js';
import { CueTable, type ExamCue } from './examCues.js';
import {
	MATCH_WEIGHTS,
	SHIPPED_TUNING,
	TermStatistics,
	termQueries,
	type PassageField,
	type RankingTuning,
} from './indexOptions.js';
import { checkQuery } from './query.js';
import { analyseLines, buildSnippet, type AnalysedLine, type SnippetLine } from './snippet.js';
import { TermIndex } from './termIndex.js';

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

export interface IndexingOptions {
	readonly analyser: Analyser;
	/**
	 * Texts to find a section by besides its own, by section id: the bank's questions about it,
	 * in the words members use to describe a need.
	 */
	readonly expansions?: ReadonlyMap<string, string>;
	/** Needs in the exam's words and the services they point to, added to the queries they fire on. */
	readonly cues?: readonly ExamCue[];
	/** The shipped weights unless told otherwise (the evaluation measures alternatives). */
	readonly tuning?: RankingTuning;
}

export const MAX_RESULTS = 25;
const MAX_SUGGESTIONS = 5;
/** A title looked up for a query that found nothing may be a third off (at most two letters). */
const TITLE_TYPO_SHARE = 0.34;
const MAX_TITLE_TYPOS = 2;

/** The notes' full-text index: ranks passages and answers with one result per section. */
export class SearchIndex {
	private readonly terms: TermIndex<PassageField>;
	private readonly passages: Passage[] = [];
	/** Each passage's lines, analysed once here so a snippet costs no analysis per query. */
	private readonly passageLines: AnalysedLine[][] = [];
	/** Each passage's index terms, to tell which passage of a matched section to show. */
	private readonly passageTerms: ReadonlySet<string>[] = [];
	/** The section each indexed document belongs to, and the passages (by position) it covers. */
	private readonly documentSections: NoteSection[] = [];
	private readonly documentPassages: (readonly number[])[] = [];
	private readonly sectionsById = new Map<string, NoteSection>();
	private readonly statistics = new TermStatistics();

	/**
	 * The index is built from the notes at every start (well under a second) and never saved:
	 * the term statistics that query reading relies on are filled while indexing.
	 */
	private constructor(
		public readonly sections: readonly NoteSection[],
		public readonly analyser: Analyser,
		expansions: ReadonlyMap<string, string>,
		private readonly cues: CueTable,
		private readonly tuning: RankingTuning,
	) {
		const documents: Record<PassageField, string[]>[] = [];
		const addDocument = (
			section: NoteSection,
			fields: Record<PassageField, string[]>,
			passages: readonly number[],
		): void => {
			documents.push(fields);
			if (fields.body.length > 0) {
				this.statistics.countBody(fields.body);
			}
			this.documentSections.push(section);
			this.documentPassages.push(passages);
		};
		for (const section of sections) {
			this.sectionsById.set(section.id, section);
			const title = analyser.indexTerms(section.title);
			const breadcrumb = analyser.indexTerms(section.breadcrumb.slice(0, -1).join(' › '));
			const sectionPassages: { position: number; body: string[] }[] = [];
			for (const passage of section.passages) {
				// A passage is indexed by the terms of its lines, analysed once for snippets too.
				const lines = analyseLines(passage.text, analyser);
				const body = lines.flatMap((line) => line.tokens.map((token) => token.term));
				sectionPassages.push({ position: this.passages.length, body });
				this.passages.push(passage);
				this.passageLines.push(lines);
				this.passageTerms.push(new Set(body));
			}
			const expansion = expansions.get(section.id);
			const questions = expansion === undefined ? [] : analyser.indexTerms(expansion);
			const positions = sectionPassages.map((passage) => passage.position);
			if (tuning.documentPerPassage) {
				for (const { position, body } of sectionPassages) {
					addDocument(section, { title, breadcrumb, body, questions: [] }, [position]);
				}
			} else {
				const body = sectionPassages.flatMap((passage) => passage.body);
				addDocument(section, { title, breadcrumb, body, questions: [] }, positions);
			}
			if (questions.length > 0) {
				// Kept apart from the notes' own text: a section is found by either, not by their sum.
				addDocument(section, { title: [], breadcrumb: [], body: [], questions }, positions);
			}
		}
		const sectionNumbers = new Map(sections.map((section, position) => [section, position]));
		this.terms = TermIndex.build(
			documents,
			tuning.fieldBoosts,
			this.documentSections.map((section) => sectionNumbers.get(section) ?? 0),
		);
	}

	/** Indexes the notes, read by `analyser` (which knows the synonyms). */
	public static build(sections: readonly NoteSection[], options: IndexingOptions): SearchIndex {
		return new SearchIndex(
			sections,
			options.analyser,
			options.expansions ?? new Map(),
			new CueTable(options.cues ?? [], options.analyser),
			options.tuning ?? SHIPPED_TUNING,
		);
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
		const queries = termQueries(
			query,
			this.analyser,
			this.statistics,
			this.cues,
			(term) => this.terms.has(term),
			this.tuning,
		);
		const hits = this.terms.search(queries, { weights: MATCH_WEIGHTS, limit });
		const results: SearchResult[] = [];
		for (const [position, document] of hits.documents.entries()) {
			const section = this.documentSections[document];
			const terms = hits.matchedTerms(document);
			const passageId = this.bestPassage(document, terms);
			const passage = this.passages[passageId];
			if (section && passage) {
				results.push({
					id: section.id,
					title: section.title,
					breadcrumb: section.breadcrumb,
					score: hits.scores[position] ?? 0,
					passageIndex: passage.index,
					passageId,
					text: passage.text,
					matchedTerms: terms,
				});
			}
		}
		return { results, total: hits.groups };
	}

	/** Of the passages a document covers, the one with the most matched terms (the first on a tie). */
	private bestPassage(document: number, matchedTerms: readonly string[]): number {
		const candidates = this.documentPassages[document] ?? [];
		let best = candidates[0] ?? 0;
		let bestCount = -1;
		for (const candidate of candidates) {
			const terms = this.passageTerms[candidate];
			const count = terms ? matchedTerms.filter((term) => terms.has(term)).length : 0;
			if (count > bestCount) {
				best = candidate;
				bestCount = count;
			}
		}
		return best;
	}

	/** The lines of a result's passage that matched best, matched words marked. */
	public snippet(result: SearchResult): SnippetLine[] {
		return buildSnippet(this.passageLines[result.passageId] ?? [], new Set(result.matchedTerms));
	}

	/** Section titles closest to a query that found nothing, typos allowed. */
	public closestTitles(query: string, limit = MAX_SUGGESTIONS): NoteSection[] {
		const isKnownTerm = (term: string): boolean => this.terms.has(term);
		const queries = this.statistics.focus(this.analyser.queryTerms(query, isKnownTerm)).map((term) => ({
			term,
			prefix: term.length >= 2,
			maxEdits: term.length >= 4 ? Math.min(MAX_TITLE_TYPOS, Math.round(term.length * TITLE_TYPO_SHARE)) : 0,
			boost: 1,
		}));
		const hits = this.terms.search(queries, { fields: ['title', 'breadcrumb'], weights: MATCH_WEIGHTS, limit });
		return hits.documents.flatMap((document) => this.documentSections[document] ?? []);
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
