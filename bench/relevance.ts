/**
 * `npm run eval:search`: relevance of the notes search on the frozen evaluation set (tuning and
 * held-out halves), on the bank's held-out fifth of questions (their prompts, answered by the
 * section they cite), and against MiniSearch with its default options over the notes split at
 * their headings. The ablation table removes or changes one technique at a time. Choices were
 * made on the tuning half; the held-out columns are the evidence. The test suite gates the
 * held-out half (`tests/search/evaluation/heldOut.test.ts`).
 *
 * `--misses` lists the tuning half's misses (never the held-out half's: reading them would tune
 * on them).
 */
import path from 'node:path';
import { FIELD_BOOSTS, SHIPPED_TUNING, type RankingTuning } from '../src/search/indexOptions.js';
import { loadEvaluationSet } from '../tests/search/evaluation/evaluationSet.js';
import {
	isHeldOutQuestion,
	measure,
	questionQueries,
	type LabelledQuery,
	type Ranker,
} from '../tests/search/evaluation/measure.js';
import { defaultMiniSearchRanker, studybotRanker } from '../tests/search/evaluation/rankers.js';
import { buildVariant, loadSearchParts, type Variant } from '../tests/search/evaluation/variants.js';

const parts = await loadSearchParts(path.resolve('content'));
const { tuning, heldOut } = loadEvaluationSet();
const heldOutQuestions = questionQueries(parts.questions.filter(isHeldOutQuestion));

const tuned = (changes: Partial<RankingTuning>): RankingTuning => ({ ...SHIPPED_TUNING, ...changes });
const VARIANTS: readonly Variant[] = [
	{
		label: 'notes only, passages (before)',
		questions: false,
		cues: false,
		tuning: tuned({ documentPerPassage: true }),
	},
	{ label: 'notes only, sections', questions: false, cues: false },
	{ label: '+ bank questions (expansion)', cues: false },
	{ label: '+ exam cues', questions: false },
	{ label: 'shipped: questions + cues' },
	{ label: 'shipped, passages not sections', tuning: tuned({ documentPerPassage: true }) },
	{ label: 'shipped, no synonyms', synonyms: false },
	{ label: 'shipped, pasted text not focused', tuning: tuned({ focusLongQueries: false }) },
	{ label: 'shipped, title boost 1.0', tuning: tuned({ fieldBoosts: { ...FIELD_BOOSTS, title: 1 } }) },
	{ label: 'shipped, title boost 1.5', tuning: tuned({ fieldBoosts: { ...FIELD_BOOSTS, title: 1.5 } }) },
	{ label: 'shipped, questions boost 0.5', tuning: tuned({ fieldBoosts: { ...FIELD_BOOSTS, questions: 0.5 } }) },
	{ label: 'shipped, questions boost 1.5', tuning: tuned({ fieldBoosts: { ...FIELD_BOOSTS, questions: 1.5 } }) },
	{ label: 'shipped, cue boost 0.3', tuning: tuned({ cueBoost: 0.3 }) },
	{ label: 'shipped, cue boost 1.0', tuning: tuned({ cueBoost: 1 }) },
];

const pct = (share: number): string => (100 * share).toFixed(1).padStart(5);

function row(label: string, rank: Ranker): string {
	const cells = [tuning, heldOut].flatMap((queries: readonly LabelledQuery[]) => {
		const measured = measure(queries, rank);
		return [pct(measured.all.at1), pct(measured.all.at3), pct(measured.byKind.get('scenario')?.at3 ?? 0)];
	});
	cells.push(pct(measure(heldOutQuestions, rank).all.at3));
	return `| ${label.padEnd(34)} | ${cells.join(' | ')} |`;
}

const counts = (queries: readonly LabelledQuery[]): string =>
	[...new Set(queries.map((query) => query.kind))]
		.map((kind) => `${kind} ${String(queries.filter((query) => query.kind === kind).length)}`)
		.join(', ');
console.log(`tuning half: ${String(tuning.length)} queries (${counts(tuning)})`);
console.log(`held-out half: ${String(heldOut.length)} queries (${counts(heldOut)})`);
console.log(`held-out bank questions: ${String(heldOutQuestions.length)} prompts\n`);
console.log(`| ${'variant'.padEnd(34)} | tune@1 | tune@3 | tune scen@3 | held@1 | held@3 | held scen@3 | bank@3 |`);
console.log(`|${'-'.repeat(36)}|--------|--------|-------------|--------|--------|-------------|--------|`);
console.log(row('MiniSearch defaults, heading split', defaultMiniSearchRanker(parts.sections)));
for (const variant of VARIANTS) {
	console.log(row(variant.label, studybotRanker(buildVariant(parts, variant))));
}

const shipped = buildVariant(parts, { label: 'shipped' });
for (const [name, queries] of [
	['tuning half', tuning],
	['held-out half', heldOut],
] as const) {
	const measured = measure(queries, studybotRanker(shipped));
	const kinds = [...measured.byKind]
		.map(([kind, figures]) => `${kind} @1 ${pct(figures.at1)} @3 ${pct(figures.at3)} (${String(figures.queries)})`)
		.join('; ');
	console.log(`\nshipped, ${name}, per kind: ${kinds}`);
}
if (process.argv.includes('--misses')) {
	for (const miss of measure(tuning, studybotRanker(shipped)).misses) {
		console.log(`miss: ${miss.query.slice(0, 110)} -> ${miss.got.slice(0, 3).join(', ')}`);
	}
}
