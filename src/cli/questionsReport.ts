import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
	BANK_GOALS,
	type BankSpread,
	DOMAIN_TARGETS,
	findNearDuplicates,
	findSpreadShortfalls,
	measureSpread,
	type NearDuplicate,
	parseExamTopics,
} from '../quiz/bankReview.js';
import { EXAM_DOMAINS, type QuestionProblem } from '../quiz/questionBank.js';
import { loadSearchIndex } from '../search/loadSearchIndex.js';

export interface BankReport {
	readonly spread: BankSpread;
	readonly problems: readonly QuestionProblem[];
	readonly nearDuplicates: readonly NearDuplicate[];
	readonly shortfalls: readonly string[];
}

function percent(count: number, total: number): string {
	return `${((100 * count) / Math.max(total, 1)).toFixed(1)}%`;
}

function table(title: string, counts: ReadonlyMap<string | number, number>, total: number): string[] {
	const width = Math.max(title.length, ...[...counts.keys()].map((key) => String(key).length));
	return [
		`${title.padEnd(width)}  count  share`,
		...[...counts].map(
			([key, count]) =>
				`${String(key).padEnd(width)}  ${String(count).padStart(5)}  ${percent(count, total).padStart(5)}`,
		),
	];
}

/** The report a reviewer reads: the spread of the bank and everything that needs fixing. */
export function formatBankReport(report: BankReport): string {
	const { spread } = report;
	const lines = [
		`Question bank: ${spread.total} questions`,
		'',
		...table('Topic', spread.byTopic, spread.total),
		'',
		...table('Note file', spread.byNoteFile, spread.total),
		'',
		...table('Difficulty', spread.byDifficulty, spread.total),
		'',
		`Exam domain     share  target`,
		...EXAM_DOMAINS.map(
			(domain) =>
				`${domain.padEnd(14)}  ${percent(spread.form.domainShares[domain], 1).padStart(5)}  ${percent(DOMAIN_TARGETS[domain], 1).padStart(5)}`,
		),
		'',
		`Multi-answer (Select TWO/THREE): ${spread.form.multiAnswer} (${percent(spread.form.multiAnswer, spread.total)}; goal at least 10%)`,
		`Scenario questions: ${spread.scenarios} of ${spread.total} (${percent(spread.scenarios, spread.total)})`,
		`Prompt words, median: ${spread.form.promptWordsMedian} (goal at least ${BANK_GOALS.minimumPromptWordsMedian}); capitalised requirement (MOST…/LEAST…): ${percent(spread.form.requirementShare, 1)} (goal at least 50%)`,
		'',
		'Answer cues (what a test-wise candidate who knows no AWS could use; chance is about 25%):',
		`  correct option strictly the longest: ${percent(spread.form.correctLongest, 1)} of single-answer items (at most 30%)`,
		`  "always pick the longest" scores ${percent(spread.form.longestStrategy, 1)}; "always pick the shortest" ${percent(spread.form.shortestStrategy, 1)} (each at most 30%)`,
		`  self-explaining wording (", which…", "because…"): correct options ${percent(spread.form.selfExplainingCorrect, 1)}, wrong ones ${percent(spread.form.selfExplainingWrong, 1)} (within 5 points)`,
		`Exam topics with no question: ${spread.uncovered.length === 0 ? 'none' : spread.uncovered.map((topic) => topic.name).join('; ')}`,
		'',
		report.problems.length === 0 ? 'Problems: none' : `Problems (${report.problems.length}):`,
		...report.problems.map(
			(problem) => `  - ${problem.file}${problem.entry === undefined ? '' : ` (${problem.entry})`}: ${problem.reason}`,
		),
		report.nearDuplicates.length === 0 ? 'Near duplicates: none' : `Near duplicates (${report.nearDuplicates.length}):`,
		...report.nearDuplicates.map(
			(pair) => `  - ${pair.first} and ${pair.second}: same answer, ${percent(pair.overlap, 1)} of prompt words shared`,
		),
		report.shortfalls.length === 0
			? 'Goals: met (450+ questions, every topic file and exam topic, none above 15%, every note file, domains within 4 points, 10%+ multi-answer, exam-length prompts, no answer cue)'
			: `Goals missed (${report.shortfalls.length}):`,
		...report.shortfalls.map((shortfall) => `  - ${shortfall}`),
	];
	return lines.join('\n');
}

/** Loads the notes and the bank from a content folder and reviews the bank against them. */
export async function reviewQuestionBank(contentDir: string): Promise<BankReport> {
	const { index, bank } = await loadSearchIndex(contentDir);
	const topics = parseExamTopics(await readFile(path.join(contentDir, 'exam-topics.yaml'), 'utf8'));
	const spread = measureSpread(bank.questions, (sectionId) => index.getSection(sectionId)?.file, topics);
	return {
		spread,
		problems: bank.problems,
		nearDuplicates: findNearDuplicates(bank.questions),
		shortfalls: findSpreadShortfalls(spread, [...new Set(index.sections.map((section) => section.file))]),
	};
}
