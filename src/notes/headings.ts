/**
 * Recognises the headings of messy study notes. Markdown files use `#` headings, setext
 * underlines and lines that are wholly bold; plain-text files use underlines (also glued to
 * the title: `AutoScaling=====`), `Title:-` lines, short title-case lines and numbered topics.
 */

export interface HeadingMatch {
	readonly level: number;
	readonly title: string;
	/** Text that shared the heading's line and belongs to the body (`ELB: --> redirects…`). */
	readonly rest?: string;
	readonly numbered?: boolean;
}

const NUMBERED_TOPIC = /^\d{1,2}\.\s*(\S.{29,})$/u;

/** Bold-only lines sit below every `#` level. */
const BOLD_HEADING_LEVEL = 7;
const PLAIN_TOPIC_LEVEL = 2;

const MINOR_WORDS = new Set([
	'a',
	'an',
	'and',
	'as',
	'at',
	'by',
	'for',
	'from',
	'in',
	'into',
	'of',
	'on',
	'or',
	'the',
	'to',
	'vs',
	'with',
]);

export function cleanTitle(raw: string): string {
	return raw
		.replace(/^[\s~*_#=]+|[\s~*_#=]+$/gu, '')
		.replace(/\s*(?::-|[:.\-?])\s*$/u, '')
		.replace(/\s+/gu, ' ')
		.trim();
}

export function matchMarkdownHeading(line: string): HeadingMatch | undefined {
	const atx = /^ {0,3}(#{1,6})\s+(.+?)\s*#*\s*$/u.exec(line);
	if (atx) {
		const title = cleanTitle(atx[2] ?? '');
		return title === '' ? undefined : { level: atx[1]?.length ?? 1, title };
	}
	const bold = /^\s*\*\*([^*]{2,70})\*\*\s*:?\s*$/u.exec(line);
	if (bold && wordCount(bold[1] ?? '') <= 9 && !/[.!]\s*$/u.test(bold[1] ?? '')) {
		return { level: BOLD_HEADING_LEVEL, title: cleanTitle(bold[1] ?? '') };
	}
	return undefined;
}

export function isUnderline(line: string): '=' | '-' | undefined {
	const match = /^\s*(={3,}|-{3,})\s*$/u.exec(line);
	return match ? (match[1]?.startsWith('=') ? '=' : '-') : undefined;
}

function wordCount(text: string): number {
	return text.split(/\s+/u).filter((word) => word.length > 0).length;
}

function isTitleCase(text: string): boolean {
	const words = text.split(/\s+/u).filter((word) => /\p{L}/u.test(word));
	if (words.length === 0 || !/^\p{Lu}/u.test(words[0] ?? '')) {
		return false;
	}
	return words.every((word) => /^\p{Lu}/u.test(word) || MINOR_WORDS.has(word.toLowerCase()));
}

/** A short line in Title Case with no sentence punctuation inside it. */
export function isShortTitleLine(line: string): boolean {
	const text = line.trim();
	if (text.length < 3 || text.length > 45 || line !== line.trimStart()) {
		return false;
	}
	if (/[,;()=>|"\\/]/u.test(text) || /^\d/u.test(text) || /:\s*\S/u.test(text)) {
		return false;
	}
	const title = cleanTitle(text);
	if (title === '' || wordCount(title) > 5) {
		return false;
	}
	if (text.endsWith('.') && wordCount(title) > 4) {
		return false;
	}
	return isTitleCase(title);
}

/**
 * `inNumberedTopics` is true while the file has had no heading but numbered topics: a file that
 * opens with `1. …`, `2. …` paragraphs uses them as its headings.
 */
export function matchPlainHeading(line: string, inNumberedTopics: boolean): HeadingMatch | undefined {
	const glued = /^(\S.{1,60}?)\s*={3,}\s*$/u.exec(line);
	if (glued) {
		return { level: 1, title: cleanTitle(glued[1] ?? '') };
	}
	const colonDash = /^(\S.{1,50}?)\s*:-\s*$/u.exec(line);
	if (colonDash && wordCount(colonDash[1] ?? '') <= 6) {
		return { level: PLAIN_TOPIC_LEVEL, title: cleanTitle(colonDash[1] ?? '') };
	}
	const arrowTerm = /^([A-Za-z][\w ]{1,30}?)\s*:?\s*-{1,2}>\s*(\S.*)$/u.exec(line);
	const definition = arrowTerm?.[2] ?? '';
	if (arrowTerm && wordCount(arrowTerm[1] ?? '') <= 4 && definition.length >= 30 && !definition.includes('->')) {
		return { level: PLAIN_TOPIC_LEVEL, title: cleanTitle(arrowTerm[1] ?? ''), rest: definition };
	}
	if (inNumberedTopics) {
		const numbered = NUMBERED_TOPIC.exec(line);
		if (numbered) {
			const text = numbered[1] ?? '';
			return { level: PLAIN_TOPIC_LEVEL, title: firstClause(text), rest: text, numbered: true };
		}
	}
	return undefined;
}

/** The opening words of a sentence, up to its first `.` or `:`, kept under 60 characters. */
export function firstClause(text: string): string {
	const clause = text.replace(/^\s*\d{1,2}[.)]\s*/u, '').split(/[.:](?:\s|$)|:/u)[0] ?? text;
	const words = clause.trim().split(/\s+/u);
	let title = '';
	for (const word of words) {
		if (`${title} ${word}`.trim().length > 60) {
			break;
		}
		title = `${title} ${word}`.trim();
	}
	return cleanTitle(title);
}
