import path from 'node:path';
import {
	type BankSpread,
	findNearDuplicates,
	findSpreadShortfalls,
	measureSpread,
	type NearDuplicate,
} from '../quiz/bankReview.js';
import { loadQuestionBank, type QuestionProblem } from '../quiz/questionBank.js';
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
		`Scenario questions: ${spread.scenarios} of ${spread.total} (${percent(spread.scenarios, spread.total)})`,
		`Correct option position in the files (the bot shuffles per round): ${[...spread.byCorrectPosition]
			.sort(([left], [right]) => left - right)
			.map(([position, count]) => `${position}: ${count}`)
			.join(', ')}`,
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
			? 'Spread goals: met (250+ questions, every topic, none above 15%, every note file, a third scenarios)'
			: `Spread goals missed (${report.shortfalls.length}):`,
		...report.shortfalls.map((shortfall) => `  - ${shortfall}`),
	];
	return lines.join('\n');
}

/** Loads the notes and the bank from a content folder and reviews the bank against them. */
export async function reviewQuestionBank(contentDir: string): Promise<BankReport> {
	const { index } = await loadSearchIndex(contentDir);
	const bank = await loadQuestionBank(path.join(contentDir, 'questions'), index);
	const spread = measureSpread(bank.questions, (sectionId) => index.getSection(sectionId)?.file);
	return {
		spread,
		problems: bank.problems,
		nearDuplicates: findNearDuplicates(bank.questions),
		shortfalls: findSpreadShortfalls(spread, [...new Set(index.sections.map((section) => section.file))]),
	};
}
