import { describe, expect, it } from 'vitest';
import { shippedNotes } from '../support/library.js';
import { measure } from './evaluation/measure.js';
import { defaultMiniSearchRanker, studybotRanker } from './evaluation/rankers.js';
import { RELEVANCE_QUERIES } from './relevanceQueries.js';

describe('search relevance on the shipped notes', () => {
	it('has a query set of at least 60 queries whose answers exist', async () => {
		const { index } = await shippedNotes();
		expect(RELEVANCE_QUERIES.length).toBeGreaterThanOrEqual(60);
		const unknown = RELEVANCE_QUERIES.flatMap((entry) => entry.expect).filter((id) => !index.getSection(id));
		expect(unknown).toEqual([]);
	});

	it('finds the right section in the top 3 for at least 85% of the queries', async () => {
		const { index } = await shippedNotes();
		const report = measure(RELEVANCE_QUERIES, studybotRanker(index));
		expect(report.all.at3, JSON.stringify(report.misses, null, 2)).toBeGreaterThanOrEqual(0.85);
	});

	it('beats MiniSearch with default options at both @1 and @3', async () => {
		const { index, library } = await shippedNotes();
		const ours = measure(RELEVANCE_QUERIES, studybotRanker(index));
		const baseline = measure(RELEVANCE_QUERIES, defaultMiniSearchRanker(library.sections));
		expect(ours.all.at1).toBeGreaterThan(baseline.all.at1);
		expect(ours.all.at3).toBeGreaterThan(baseline.all.at3);
	});

	it.each(['keywords', 'acronym', 'typo', 'question', 'scenario'] as const)('covers %s queries', (kind) => {
		expect(RELEVANCE_QUERIES.filter((entry) => entry.kind === kind).length).toBeGreaterThanOrEqual(7);
	});
});
