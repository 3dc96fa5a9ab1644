import type { Passage } from './types.js';

/** Long enough to hold a topic's context, short enough that a hit points at the right place. */
export const TARGET_PASSAGE_LENGTH = 1000;
/** A short last piece is joined to the passage before it rather than standing alone, up to this. */
export const MAX_PASSAGE_LENGTH = 1300;
const MIN_TAIL_LENGTH = 200;

/**
 * Cuts a body into blocks that must stay together: a fenced block, a top-level line with the
 * lines indented under it, or a paragraph line. Blank lines end a block.
 */
export function splitBlocks(body: string): string[] {
	const blocks: string[] = [];
	let current: string[] = [];
	let inFence = false;
	const flush = (): void => {
		if (current.length > 0) {
			blocks.push(current.join('\n'));
			current = [];
		}
	};
	for (const line of body.split('\n')) {
		if (line.startsWith('```')) {
			if (!inFence) {
				flush();
			}
			current.push(line);
			inFence = !inFence;
			if (!inFence) {
				flush();
			}
			continue;
		}
		if (inFence) {
			current.push(line);
		} else if (line.trim() === '') {
			flush();
		} else if (!line.startsWith(' ')) {
			flush();
			current.push(line);
		} else {
			current.push(line);
		}
	}
	flush();
	return blocks;
}

/** Splits one oversized block at line boundaries; a fenced block is closed and reopened. */
function splitOversized(block: string, maxLength: number): string[] {
	const fenced = block.startsWith('```');
	const lines = fenced ? block.split('\n').slice(1, -1) : block.split('\n');
	const opening = fenced ? (block.split('\n')[0] ?? '```') : '';
	const pieces: string[] = [];
	let current: string[] = [];
	let length = 0;
	const budget = fenced ? maxLength - opening.length - 5 : maxLength;
	const flush = (): void => {
		if (current.length > 0) {
			pieces.push(fenced ? [opening, ...current, '```'].join('\n') : current.join('\n'));
			current = [];
			length = 0;
		}
	};
	for (const line of lines) {
		for (let start = 0; start < Math.max(1, line.length); start += budget) {
			const part = line.slice(start, start + budget);
			if (length + part.length + 1 > budget) {
				flush();
			}
			current.push(part);
			length += part.length + 1;
		}
	}
	flush();
	return pieces;
}

/**
 * Packs a section body into passages of about `targetLength` characters, whole blocks first;
 * none is longer than {@link MAX_PASSAGE_LENGTH}.
 */
export function splitPassages(sectionId: string, body: string, targetLength = TARGET_PASSAGE_LENGTH): Passage[] {
	const texts: string[] = [];
	let current = '';
	for (const block of splitBlocks(body)) {
		const pieces = block.length > targetLength ? splitOversized(block, targetLength) : [block];
		for (const piece of pieces) {
			const joined = current === '' ? piece : `${current}\n${piece}`;
			if (joined.length > targetLength && current !== '') {
				texts.push(current);
				current = piece;
			} else {
				current = joined;
			}
		}
	}
	if (current !== '') {
		const previous = texts.at(-1);
		if (
			previous !== undefined &&
			current.length < MIN_TAIL_LENGTH &&
			previous.length + current.length + 1 <= MAX_PASSAGE_LENGTH
		) {
			texts[texts.length - 1] = `${previous}\n${current}`;
		} else {
			texts.push(current);
		}
	}
	return texts.map((text, index) => ({ sectionId, index, text }));
}
