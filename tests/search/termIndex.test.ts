import path from 'node:path';
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/notes/loadNotes.js';
import { loadQuestionBank } from '../../src/quiz/questionBank.js';
import { Analyser } from '../../src/search/analyser.js';
import { CueTable } from '../../src/search/examCues.js';
import {
	FIELD_BOOSTS,
	MATCH_WEIGHTS,
	TermStatistics,
	termQueries,
	type PassageField,
} from '../../src/search/indexOptions.js';
import { questionExpansions } from '../../src/search/questionExpansion.js';
import { loadSynonyms } from '../../src/search/synonyms.js';
import { bm25, TermIndex, type TermQuery } from '../../src/search/termIndex.js';
import { CONTENT_DIR } from '../support/library.js';
import { loadEvaluationSet } from './evaluation/evaluationSet.js';

type Analysed = Record<PassageField, string[]>;
const NO_CUES = new CueTable([], new Analyser([]));
const FIELDS = Object.keys(FIELD_BOOSTS) as PassageField[];

/** The notes and the bank's questions, analysed into the documents the bot indexes. */
async function shippedDocuments(): Promise<{ documents: Analysed[]; analyser: Analyser; statistics: TermStatistics }> {
	const library = await loadNotes(path.join(CONTENT_DIR, 'notes'));
	const analyser = new Analyser(await loadSynonyms(path.join(CONTENT_DIR, 'synonyms.json')));
	const sections = new Map(library.sections.map((section) => [section.id, section]));
	const bank = await loadQuestionBank(path.join(CONTENT_DIR, 'questions'), { getSection: (id) => sections.get(id) });
	const expansions = questionExpansions(bank.questions);
	const statistics = new TermStatistics();
	const documents: Analysed[] = [];
	for (const section of library.sections) {
		const title = analyser.indexTerms(section.title);
		const breadcrumb = analyser.indexTerms(section.breadcrumb.slice(0, -1).join(' › '));
		for (const passage of section.passages) {
			const body = analyser.indexTerms(passage.text);
			statistics.countBody(body);
			documents.push({ title, breadcrumb, body, questions: [] });
		}
		const expansion = expansions.get(section.id);
		if (expansion !== undefined) {
			documents.push({ title: [], breadcrumb: [], body: [], questions: analyser.indexTerms(expansion) });
		}
	}
	return { documents, analyser, statistics };
}

/** MiniSearch over the same analysed documents, told to look each term up the way `queries` say. */
function miniSearchOf(
	documents: readonly Analysed[],
): (queries: readonly TermQuery[], fields?: PassageField[]) => { id: number; score: number; terms: string[] }[] {
	const miniSearch = new MiniSearch<Record<PassageField, string> & { id: number }>({
		fields: FIELDS,
		tokenize: (text) => text.split(' ').filter((term) => term !== ''),
		processTerm: (term) => term,
	});
	miniSearch.addAll(
		documents.map((document, id) => ({
			id,
			title: document.title.join(' '),
			breadcrumb: document.breadcrumb.join(' '),
			body: document.body.join(' '),
			questions: document.questions.join(' '),
		})),
	);
	return (queries, fields) => {
		const byTerm = new Map(queries.map((query) => [query.term, query]));
		return miniSearch
			.search(queries.map((query) => query.term).join(' '), {
				fields: fields ?? FIELDS,
				combineWith: 'OR',
				boost: FIELD_BOOSTS,
				prefix: (term) => byTerm.get(term)?.prefix ?? false,
				// MiniSearch reads 0 as a share of the word (none), so no typo lookup is 'false'.
				fuzzy: (term) => ((byTerm.get(term)?.maxEdits ?? 0) > 0 ? (byTerm.get(term)?.maxEdits ?? 0) : false),
				boostTerm: (term) => byTerm.get(term)?.boost ?? 1,
				maxFuzzy: 2,
				weights: MATCH_WEIGHTS,
			})
			.map((hit) => ({ id: Number(hit.id), score: hit.score, terms: hit.terms }));
	};
}

describe('TermIndex', () => {
	let shipped: Awaited<ReturnType<typeof shippedDocuments>>;
	let terms: TermIndex<PassageField>;
	let reference: ReturnType<typeof miniSearchOf>;
	beforeAll(async () => {
		shipped = await shippedDocuments();
		terms = TermIndex.build(shipped.documents, FIELD_BOOSTS);
		reference = miniSearchOf(shipped.documents);
	});

	const queriesOf = (text: string): TermQuery[] =>
		termQueries(text, shipped.analyser, shipped.statistics, NO_CUES, (term) => terms.has(term));

	function expectSameRanking(queries: readonly TermQuery[], fields?: PassageField[]): void {
		const expected = reference(queries, fields).slice(0, 25);
		const hits = terms.search(queries, { weights: MATCH_WEIGHTS, limit: 25, ...(fields ? { fields } : {}) });
		const got = hits.documents.slice(0, 25).map((id, position) => ({ id, score: hits.scores[position] ?? 0 }));
		expect(got.map((hit) => hit.id)).toEqual(expected.map((hit) => hit.id));
		for (const [position, hit] of got.entries()) {
			expect(hit.score).toBeCloseTo(expected[position]?.score ?? Number.NaN, 9);
			expect(new Set(hits.matchedTerms(hit.id))).toEqual(new Set(expected[position]?.terms));
		}
	}

	it('ranks and scores every evaluation query exactly as MiniSearch does with the same options', () => {
		const { tuning, heldOut } = loadEvaluationSet();
		for (const entry of [...tuning, ...heldOut]) {
			expectSameRanking(queriesOf(entry.query));
		}
	});

	it('matches MiniSearch for prefixes, typos, boosted terms and a subset of fields', () => {
		expectSameRanking([{ term: 'ephemral', prefix: false, maxEdits: 2, boost: 1 }]);
		expectSameRanking([
			{ term: 'glac', prefix: true, maxEdits: 1, boost: 1 },
			{ term: 'vault', prefix: false, maxEdits: 0, boost: 0.6 },
		]);
		expectSameRanking([{ term: 'gatewai', prefix: true, maxEdits: 2, boost: 1 }], ['title', 'breadcrumb']);
	});

	it('finds nothing for a term it does not know and leaves no score behind for the next query', () => {
		expect(
			terms.search([{ term: 'zzzqqq', prefix: false, maxEdits: 0, boost: 1 }], { weights: MATCH_WEIGHTS, limit: 25 })
				.documents,
		).toEqual([]);
		const first = terms.search(queriesOf('nat gateway'), { weights: MATCH_WEIGHTS, limit: 25 });
		const again = terms.search(queriesOf('nat gateway'), { weights: MATCH_WEIGHTS, limit: 25 });
		expect(again.scores).toEqual(first.scores);
	});

	it('scores a term with BM25+ as MiniSearch does: rarer terms and shorter fields weigh more', () => {
		expect(bm25(1, 1, 100, 10, 10)).toBeGreaterThan(bm25(1, 50, 100, 10, 10));
		expect(bm25(1, 5, 100, 5, 10)).toBeGreaterThan(bm25(1, 5, 100, 20, 10));
		expect(bm25(1, 1, 1, 10, 10)).toBeCloseTo(Math.log(1 + 0.5 / 1.5) * (0.5 + 2.2 / 2.2), 12);
	});
});
