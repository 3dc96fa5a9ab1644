/** OneNote exports nest bullets with a different glyph at each level. */
const ONENOTE_BULLET_DEPTH: Readonly<Record<string, number>> = { '•': 0, '○': 1, '§': 2, '□': 3 };

const ONENOTE_BULLET = /^(\t*)([•○§□])\s*(.*)$/u;
const TAB_ENUMERATED = /^(\t+)((?:[a-z]|[ivx]+|\d{1,2})[.)])\s+(.*)$/u;

const INDENT = '  ';

/** Pairs of emphasis markers that notes use for emphasis; the body is kept as plain text. */
const EMPHASIS = /(\*\*\*|\*\*|___|__)(\S(?:.*?\S)?)\1/gu;

export function stripEmphasis(text: string): string {
	return text.replace(EMPHASIS, '$2');
}

function leadingWidth(whitespace: string): number {
	let width = 0;
	for (const character of whitespace) {
		width += character === '\t' ? 4 : 1;
	}
	return width;
}

/**
 * Turns one line of prose into the body's plain-text form: OneNote glyph bullets become
 * `- ` items indented two spaces a level, tabs become spaces, emphasis markers go.
 */
export function normaliseProseLine(line: string): string {
	const trimmedEnd = line.replace(/\s+$/u, '');
	const bullet = ONENOTE_BULLET.exec(trimmedEnd);
	if (bullet) {
		const depth = ONENOTE_BULLET_DEPTH[bullet[2] ?? '•'] ?? 0;
		return `${INDENT.repeat(depth)}- ${stripEmphasis(bullet[3] ?? '')}`.trimEnd();
	}
	const enumerated = TAB_ENUMERATED.exec(trimmedEnd);
	if (enumerated) {
		const depth = Math.max(0, (enumerated[1]?.length ?? 1) - 1);
		return `${INDENT.repeat(depth)}- ${enumerated[2]} ${stripEmphasis(enumerated[3] ?? '')}`;
	}
	const indentation = /^[\t ]*/u.exec(trimmedEnd)?.[0] ?? '';
	const rest = trimmedEnd.slice(indentation.length).replace(/\t+/gu, ' ');
	if (rest === '') {
		return '';
	}
	const depth = Math.min(6, Math.floor(leadingWidth(indentation) / 2));
	return `${INDENT.repeat(depth)}${stripEmphasis(rest)}`;
}

/** Lines of code or drawings keep their layout; only tabs are expanded. */
export function normaliseVerbatimLine(line: string): string {
	return line.replace(/\s+$/u, '').replace(/\t/gu, '    ');
}

/**
 * A line drawn with runs of tabs or spaces between its parts (an ASCII diagram or a
 * table pasted from a slide) or a `| a | b |` table row: it is only readable in a code block.
 */
export function isLaidOutLine(line: string): boolean {
	if (/^\s*\|.*\|\s*$/u.test(line)) {
		return true;
	}
	if (ONENOTE_BULLET.test(line)) {
		return false;
	}
	if (/\S(?:\t{2,}| {4,})\S/u.test(line) || /\S\t+[|\\/]/u.test(line)) {
		return true;
	}
	return /^\t{4,}\S/u.test(line) || /^\t+[|\\/]/u.test(line);
}
