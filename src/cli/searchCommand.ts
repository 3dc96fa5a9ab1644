import { loadSearchIndex } from '../search/loadSearchIndex.js';
import type { SearchIndex, SearchResult } from '../search/searchIndex.js';
import type { SnippetLine } from '../search/snippet.js';

/** How many results the terminal search prints. */
export const CLI_RESULTS = 10;

export interface SearchJson {
	readonly query: string;
	readonly results: readonly {
		readonly id: string;
		readonly title: string;
		readonly breadcrumb: string;
		readonly score: number;
		readonly text: string;
	}[];
	readonly error?: string;
	readonly suggestions?: readonly string[];
}

function toJson(query: string, results: readonly SearchResult[]): SearchJson {
	return {
		query,
		results: results.map((result) => ({
			id: result.id,
			title: result.title,
			breadcrumb: result.breadcrumb.join(' › '),
			score: Number(result.score.toFixed(4)),
			text: result.text,
		})),
	};
}

function formatSnippet(snippet: readonly SnippetLine[], bold: boolean): string {
	return snippet
		.map(
			(line) =>
				`     ${line.map((segment) => (segment.matched && bold ? `\u001b[1m${segment.text}\u001b[22m` : segment.text)).join('')}`,
		)
		.join('\n');
}

/** Runs one query and gives back what to print and the exit code. */
export function runSearch(
	index: SearchIndex,
	rawQuery: string,
	options: { json: boolean; bold: boolean },
): { output: string; exitCode: number } {
	const outcome = index.search(rawQuery, CLI_RESULTS);
	if (options.json) {
		const json: SearchJson =
			outcome.status === 'found'
				? toJson(outcome.query, outcome.results)
				: outcome.status === 'none'
					? { query: outcome.query, results: [], suggestions: outcome.suggestions.map((section) => section.title) }
					: { query: rawQuery, results: [], error: outcome.problem };
		return { output: JSON.stringify(json, null, 2), exitCode: outcome.status === 'invalid' ? 2 : 0 };
	}
	if (outcome.status === 'invalid') {
		return { output: outcome.problem, exitCode: 2 };
	}
	if (outcome.status === 'none') {
		const titles = outcome.suggestions.map((section) => `  - ${section.title} (${section.id})`).join('\n');
		return {
			output: `No results for "${outcome.query}".${titles === '' ? '' : `\nClosest section titles:\n${titles}`}`,
			exitCode: 0,
		};
	}
	const blocks = outcome.results.map(
		(result, position) =>
			`${String(position + 1).padStart(2)}. ${result.title}  [${result.id}]  score ${result.score.toFixed(1)}\n` +
			`     ${result.breadcrumb.slice(0, -1).join(' › ')}\n${formatSnippet(index.snippet(result), options.bold)}`,
	);
	return { output: blocks.join('\n\n'), exitCode: 0 };
}

export async function searchFromTerminal(
	contentDir: string,
	query: string,
	options: { json: boolean; bold: boolean },
): Promise<{ output: string; exitCode: number; warnings: readonly string[] }> {
	const { index, problems } = await loadSearchIndex(contentDir);
	return {
		...runSearch(index, query, options),
		warnings: problems.map((problem) => `warning: ${problem.path} ${problem.reason}`),
	};
}
