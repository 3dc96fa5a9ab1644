/**
 * `npm run bench:search`: index build time, and latency of what `/search` does per query (rank
 * every result, snippets for the first page) over the relevance set and the frozen evaluation
 * set, repeated, plus autocomplete latency. Goals (issue 14): build under 500 ms, query p99
 * under 2 ms, on a 2-core machine.
 */
import path from 'node:path';
import { loadNotes } from '../src/notes/loadNotes.js';
import { Analyser } from '../src/search/analyser.js';
import { loadExamCues } from '../src/search/examCues.js';
import { loadQuestionBank } from '../src/quiz/questionBank.js';
import { questionExpansions } from '../src/search/questionExpansion.js';
import { SearchIndex } from '../src/search/searchIndex.js';
import { searchPage } from '../src/search/searchPage.js';
import { suggestSections } from '../src/search/suggestSections.js';
import { loadSynonyms } from '../src/search/synonyms.js';
import { loadEvaluationSet } from '../tests/search/evaluation/evaluationSet.js';
import { RELEVANCE_QUERIES } from '../tests/search/relevanceQueries.js';
import { percentile } from './stats.js';

const BUILD_RUNS = 10;
const QUERY_ROUNDS = 50;

function summarise(label: string, samples: number[]): void {
	const sorted = [...samples].sort((left, right) => left - right);
	console.log(
		`${label.padEnd(22)} n=${String(sorted.length).padStart(6)}  median ${percentile(sorted, 0.5).toFixed(3)} ms  p99 ${percentile(sorted, 0.99).toFixed(3)} ms  max ${(sorted.at(-1) ?? 0).toFixed(3)} ms`,
	);
}

const contentDir = path.resolve(process.argv[2] ?? 'content');
const library = await loadNotes(path.join(contentDir, 'notes'));
const analyser = new Analyser(await loadSynonyms(path.join(contentDir, 'synonyms.json')));
const cues = await loadExamCues(path.join(contentDir, 'exam-cues.json'), analyser);
const sections = new Map(library.sections.map((section) => [section.id, section]));
const bank = await loadQuestionBank(path.join(contentDir, 'questions'), { getSection: (id) => sections.get(id) });
// What the bot indexes besides the notes: the bank's questions about each section, and the cues.
const expansions = questionExpansions(bank.questions);
const passageCount = library.sections.reduce((sum, section) => sum + section.passages.length, 0);
console.log(`notes: ${library.files.length} files, ${library.sections.length} sections, ${passageCount} passages`);

const buildTimes: number[] = [];
let index: SearchIndex | undefined;
for (let run = 0; run < BUILD_RUNS; run += 1) {
	const started = performance.now();
	index = SearchIndex.build(library.sections, { analyser, expansions, cues });
	buildTimes.push(performance.now() - started);
}
if (!index) {
	throw new Error('bench: the index was not built');
}
summarise('index build', buildTimes);

const { tuning, heldOut } = loadEvaluationSet();
const queries = [...RELEVANCE_QUERIES, ...tuning, ...heldOut].map((entry) => entry.query);
// A running bot answers from warm, JIT-compiled code: warm up before measuring.
for (let round = 0; round < 5; round += 1) {
	for (const query of queries) {
		searchPage(index, query);
	}
}
const queryTimes: number[] = [];
const longQueryTimes: number[] = [];
for (let round = 0; round < QUERY_ROUNDS; round += 1) {
	for (const query of queries) {
		const started = performance.now();
		searchPage(index, query);
		const elapsed = performance.now() - started;
		queryTimes.push(elapsed);
		if (query.length > 100) {
			longQueryTimes.push(elapsed);
		}
	}
}
summarise('query (all)', queryTimes);
summarise('query (pasted exam)', longQueryTimes);

const typed = queries.flatMap((query) => {
	const words = query.split(' ').slice(0, 3).join(' ');
	return Array.from({ length: Math.min(words.length, 12) }, (_, end) => words.slice(0, end + 1));
});
const suggestTimes: number[] = [];
for (let round = 0; round < 10; round += 1) {
	for (const prefix of typed) {
		const started = performance.now();
		suggestSections(index, prefix);
		suggestTimes.push(performance.now() - started);
	}
}
summarise('autocomplete', suggestTimes);

const build = percentile(buildTimes, 0.5);
const p99 = percentile(queryTimes, 0.99);
console.log(
	`goals: build median ${build.toFixed(1)} ms (< 500: ${build < 500 ? 'met' : 'MISSED'}), query p99 ${p99.toFixed(3)} ms (< 2: ${p99 < 2 ? 'met' : 'MISSED'})`,
);
