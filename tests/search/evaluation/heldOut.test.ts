import { describe, expect, it } from 'vitest';
import { shippedNotes } from '../../support/library.js';
import { isHeldOut, loadEvaluationSet } from './evaluationSet.js';
import { measure } from './measure.js';
import { studybotRanker } from './rankers.js';

/** The regression gate of issue 14: top-3 success on queries nobody tuned on. */
const HELD_OUT_AT3_FLOOR = 0.9;

describe('the frozen search evaluation set', () => {
	it('has at least 150 queries, 90 of them scenarios, all answered by sections that exist', async () => {
		const { index } = await shippedNotes();
		const { tuning, heldOut } = loadEvaluationSet();
		const all = [...tuning, ...heldOut];
		expect(all.length).toBeGreaterThanOrEqual(150);
		expect(all.filter((query) => query.kind === 'scenario').length).toBeGreaterThanOrEqual(90);
		expect(all.flatMap((query) => query.expect).filter((id) => !index.getSection(id))).toEqual([]);
	});

	it('is split by the fixed rule into halves of about the same size', () => {
		const { tuning, heldOut } = loadEvaluationSet();
		expect(heldOut.every(isHeldOut)).toBe(true);
		expect(tuning.some(isHeldOut)).toBe(false);
		expect(Math.abs(tuning.length - heldOut.length)).toBeLessThanOrEqual(tuning.length * 0.2);
	});

	it(`finds an answering section in the top 3 for at least ${String(HELD_OUT_AT3_FLOOR * 100)}% of the held-out half`, async () => {
		const { index } = await shippedNotes();
		const { heldOut } = loadEvaluationSet();
		const measured = measure(heldOut, studybotRanker(index));
		expect(
			measured.all.at3,
			`${String(measured.misses.length)} held-out queries missed the top 3`,
		).toBeGreaterThanOrEqual(HELD_OUT_AT3_FLOOR);
	});
});
