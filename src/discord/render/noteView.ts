import { ButtonStyle, type APIEmbed } from 'discord.js';
import type { NoteSection } from '../../notes/types.js';
import { encodeCustomId } from '../customId.js';
import { escapeText, renderNoteText } from './escape.js';
import { DISCORD_LIMITS, fitEmbed, truncate } from './limits.js';
import { button, COLOURS, pagingButtons, row, type RenderedMessage } from './message.js';

/** Room left under the description limit for a code fence closed and reopened across pages. */
const PAGE_LENGTH = DISCORD_LIMITS.embedDescription - 96;

/** How deep a line sits: 0 for a blank line, a paragraph or a top-level bullet; its indentation otherwise. */
function depthOf(line: string): number {
	return line.trim() === '' ? 0 : (/^\s*/u.exec(line)?.[0].length ?? 0);
}

/**
 * Cuts a section's rendered text into pages that fit an embed description. A page ends before
 * a block (a paragraph or a top-level bullet with everything nested under it) whenever that
 * leaves it at least half full, so a page does not open in the middle of a nested list; a block
 * longer than a page is cut before its shallowest bullet that fits, and a code block cut by a
 * page break is closed and reopened.
 */
export function paginateNote(body: string): string[] {
	const pages: string[] = [];
	/** `depth` is where a page may start before this line: undefined inside a code block. */
	let current: { line: string; depth: number | undefined }[] = [];
	let length = 0;
	let openFence: string | undefined;
	const push = (line: string, depth: number | undefined): void => {
		current.push({ line, depth });
		length += line.length + 1;
	};
	/** Where to end the page: before the shallowest line that leaves it at least half full, the last such. */
	const cutIndex = (): number => {
		let best = -1;
		let filled = 0;
		for (const [index, entry] of current.entries()) {
			const bestDepth = current[best]?.depth ?? Number.POSITIVE_INFINITY;
			if (index > 0 && filled >= PAGE_LENGTH / 2 && entry.depth !== undefined && entry.depth <= bestDepth) {
				best = index;
			}
			filled += entry.line.length + 1;
		}
		return best;
	};
	const flush = (): void => {
		const cut = cutIndex();
		if (cut > 0) {
			const kept = current.slice(0, cut).map((entry) => entry.line);
			while (kept.length > 1 && kept.at(-1)?.trim() === '') {
				kept.pop();
			}
			pages.push(kept.join('\n'));
			const carried = current.slice(cut).filter((entry, index) => index > 0 || entry.line.trim() !== '');
			current = [];
			length = 0;
			for (const entry of carried) {
				push(entry.line, entry.depth);
			}
			return;
		}
		if (openFence !== undefined) {
			push('```', undefined);
		}
		pages.push(current.map((entry) => entry.line).join('\n'));
		current = [];
		length = 0;
		if (openFence !== undefined) {
			push(openFence, undefined);
		}
	};
	for (const rawLine of renderNoteText(body).split('\n')) {
		const pieces =
			rawLine.length > PAGE_LENGTH ? (rawLine.match(new RegExp(`[^]{1,${PAGE_LENGTH}}`, 'gu')) ?? []) : [rawLine];
		for (const line of pieces) {
			if (length + line.length + 1 > PAGE_LENGTH && current.some((entry) => entry.line !== openFence)) {
				flush();
			}
			push(line, openFence === undefined ? depthOf(line) : undefined);
			if (line.startsWith('```')) {
				openFence = openFence === undefined ? line : undefined;
			}
		}
	}
	if (current.length > 0) {
		pages.push(current.map((entry) => entry.line).join('\n'));
	}
	return pages.length > 0 ? pages : [''];
}

/** The page of a section on which one of its passages starts. */
export function pageOfPassage(section: NoteSection, passageIndex: number): number {
	const firstLine = section.passages[passageIndex]?.text.split('\n').find((line) => line.trim() !== '');
	if (firstLine === undefined) {
		return 0;
	}
	const wanted = renderNoteText(firstLine).trim();
	const page = paginateNote(section.body).findIndex((text) => text.includes(wanted));
	return Math.max(0, page);
}

/** A page of a section: where it sits in the notes above, "(continued)" on the pages after the first. */
function noteEmbed(section: NoteSection, pages: readonly string[], page: number): APIEmbed {
	return fitEmbed({
		author: { name: section.breadcrumb.slice(0, -1).join(' › ') },
		title: `${escapeText(section.title)}${page > 0 ? ' (continued)' : ''}`,
		description: pages[page] ?? '',
		color: COLOURS.brand,
		...(pages.length > 1 ? { footer: { text: `Page ${page + 1}/${pages.length}` } } : {}),
	});
}

/** A section, one page at a time, privately, with buttons to turn pages and to share it. */
export function renderNotePage(section: NoteSection, requestedPage: number, notice?: string): RenderedMessage {
	const pages = paginateNote(section.body);
	const page = Math.min(Math.max(0, requestedPage), pages.length - 1);
	const buttons = [];
	if (pages.length > 1) {
		buttons.push(
			...pagingButtons(page, pages.length, (target) =>
				encodeCustomId({ feature: 'note', action: 'page', sectionId: section.id, page: target }),
			),
		);
	}
	buttons.push(
		button(encodeCustomId({ feature: 'note', action: 'share', sectionId: section.id, page }), 'Share in channel', {
			emoji: '📣',
			style: ButtonStyle.Primary,
		}),
	);
	return {
		...(notice === undefined ? {} : { content: truncate(notice, DISCORD_LIMITS.content) }),
		embeds: [noteEmbed(section, pages, page)],
		components: [row(buttons)],
		ephemeral: true,
	};
}

/** The same page, posted for everyone, saying who shared it; the mention shows a name, never pings. */
export function renderSharedNote(section: NoteSection, requestedPage: number, sharedByUserId: string): RenderedMessage {
	const pages = paginateNote(section.body);
	const page = Math.min(Math.max(0, requestedPage), pages.length - 1);
	return {
		content: `📣 Shared by <@${sharedByUserId}>`,
		embeds: [noteEmbed(section, pages, page)],
		components: [],
		ephemeral: false,
	};
}
