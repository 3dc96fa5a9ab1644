/** Breaks a mention without changing how the text reads: a zero-width space after `@` or `<`. */
const ZERO_WIDTH_SPACE = '\u200b';

/** `@everyone`, `@here` and `<@id>`, `<@&id>`, `<#id>`, `</cmd:id>` never render or ping. */
export function neutraliseMentions(text: string): string {
	return text
		.replace(/@(everyone|here)/giu, `@${ZERO_WIDTH_SPACE}$1`)
		.replace(/<(?=[@#/:]|a:|t:)/gu, `<${ZERO_WIDTH_SPACE}`);
}

/** Characters that start inline formatting anywhere in a line. */
const INLINE_MARKDOWN = /[\\*_~`|[\]]/gu;

/** Escapes text so Discord shows it as written: no formatting, links, headings, quotes or mentions. */
export function escapeText(text: string): string {
	return neutraliseMentions(
		text
			.replace(INLINE_MARKDOWN, '\\$&')
			.replace(/^(\s*)(#{1,3}\s|-#\s|>\s?|>>>)/gmu, '$1\\$2')
			.replace(/^(\s*)(\d+)\.(\s)/gmu, '$1$2\\.$3')
			.replace(/^(\s*)([-*+])(\s)/gmu, '$1\\$2$3'),
	);
}

/**
 * Escapes a note body for an embed while keeping its own structure: `- ` list items stay
 * nested lists, fenced blocks stay code blocks, all else is shown as written. Mentions are
 * broken everywhere, code included, so no copy of the text can ping.
 */
export function renderNoteText(body: string): string {
	const lines: string[] = [];
	let inFence = false;
	for (const line of body.split('\n')) {
		if (line.startsWith('```')) {
			inFence = !inFence;
			lines.push(inFence ? line : '```');
			continue;
		}
		if (inFence) {
			lines.push(neutraliseMentions(line.replace(/`/gu, `\`${ZERO_WIDTH_SPACE}`)));
			continue;
		}
		const item = /^(\s*)- (.*)$/u.exec(line);
		if (item) {
			lines.push(`${item[1] ?? ''}- ${escapeText(item[2] ?? '')}`);
		} else {
			const indentation = /^\s*/u.exec(line)?.[0] ?? '';
			lines.push(`${indentation}${escapeText(line.slice(indentation.length))}`);
		}
	}
	return lines.join('\n');
}
