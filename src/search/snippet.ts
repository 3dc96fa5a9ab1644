import type { Analyser, Token } from './analyser.js';

/** A run of snippet text; `matched` runs are the words that matched the query. */
export interface SnippetSegment {
	readonly text: string;
	readonly matched: boolean;
}

export type SnippetLine = readonly SnippetSegment[];

const MAX_SNIPPET_LINES = 3;
const MAX_LINE_LENGTH = 200;
const CONTEXT_BEFORE_MATCH = 60;

interface ScoredLine {
	readonly position: number;
	readonly text: string;
	readonly spans: readonly { start: number; end: number }[];
	readonly score: number;
}

function mergeSpans(spans: readonly { start: number; end: number }[]): { start: number; end: number }[] {
	const sorted = [...spans].sort((left, right) => left.start - right.start || right.end - left.end);
	const merged: { start: number; end: number }[] = [];
	for (const span of sorted) {
		const last = merged.at(-1);
		if (last && span.start <= last.end) {
			last.end = Math.max(last.end, span.end);
		} else {
			merged.push({ ...span });
		}
	}
	return merged;
}

/** Cuts a long line to a window that starts a little before its first match. */
function windowOf(line: ScoredLine): { from: number; to: number } {
	if (line.text.length <= MAX_LINE_LENGTH) {
		return { from: 0, to: line.text.length };
	}
	const firstMatch = line.spans[0]?.start ?? 0;
	let from = Math.max(0, firstMatch - CONTEXT_BEFORE_MATCH);
	const space = line.text.lastIndexOf(' ', from);
	from = from === 0 || space < 0 ? from : space + 1;
	return { from, to: Math.min(line.text.length, from + MAX_LINE_LENGTH) };
}

function toSegments(line: ScoredLine): SnippetLine {
	const { from, to } = windowOf(line);
	const segments: SnippetSegment[] = [];
	let cursor = from;
	const push = (text: string, matched: boolean): void => {
		if (text !== '') {
			segments.push({ text, matched });
		}
	};
	if (from > 0) {
		push('…', false);
	}
	for (const span of line.spans) {
		if (span.end <= from || span.start >= to) {
			continue;
		}
		const start = Math.max(span.start, from);
		const end = Math.min(span.end, to);
		push(line.text.slice(cursor, start), false);
		push(line.text.slice(start, end), true);
		cursor = end;
	}
	push(line.text.slice(cursor, to), false);
	if (to < line.text.length) {
		push('…', false);
	}
	return segments;
}

/** A passage line ready for snippets: its text without list markers, and its tokens. */
export interface AnalysedLine {
	readonly position: number;
	readonly text: string;
	readonly tokens: readonly Token[];
}

/** Analyses a passage's lines once, when it is indexed, so that snippets cost no analysis. */
export function analyseLines(passage: string, analyser: Analyser): AnalysedLine[] {
	const lines: AnalysedLine[] = [];
	for (const [position, raw] of passage.split('\n').entries()) {
		const indentation = /^\s*(?:[-*]\s+)?/u.exec(raw)?.[0].length ?? 0;
		const text = raw.slice(indentation).trimEnd();
		if (text !== '' && !text.startsWith('```')) {
			lines.push({ position, text, tokens: analyser.tokens(text) });
		}
	}
	return lines;
}

/**
 * Picks the lines of a passage that match the most of the query's terms (at most three, in
 * their order in the passage) and marks the matching words.
 */
export function buildSnippet(lines: readonly AnalysedLine[], matchedTerms: ReadonlySet<string>): SnippetLine[] {
	const chosen: { line: AnalysedLine; score: number }[] = [];
	for (const line of lines) {
		const score = distinctMatches(line, matchedTerms);
		if (chosen.length === MAX_SNIPPET_LINES && score <= (chosen.at(-1)?.score ?? 0)) {
			continue;
		}
		let at = chosen.length;
		while (at > 0 && score > (chosen[at - 1]?.score ?? 0)) {
			at -= 1;
		}
		chosen.splice(at, 0, { line, score });
		chosen.length = Math.min(chosen.length, MAX_SNIPPET_LINES);
	}
	return chosen
		.filter((entry, index) => index === 0 || entry.score > 0)
		.sort((left, right) => left.line.position - right.line.position)
		.map(({ line, score }) =>
			toSegments({
				position: line.position,
				text: line.text,
				spans: mergeSpans(line.tokens.filter((token) => matchedTerms.has(token.term))),
				score,
			}),
		);
}

/** How many of the matched terms a line holds (each counted once). */
function distinctMatches(line: AnalysedLine, matchedTerms: ReadonlySet<string>): number {
	const found: string[] = [];
	for (const token of line.tokens) {
		if (matchedTerms.has(token.term) && !found.includes(token.term)) {
			found.push(token.term);
		}
	}
	return found.length;
}
