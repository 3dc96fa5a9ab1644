import { ButtonStyle, type APIEmbed } from 'discord.js';
import type { NoteSection } from '../../notes/types.js';
import { encodeCustomId } from '../customId.js';
import { escapeText, renderNoteText } from './escape.js';
import { DISCORD_LIMITS, fitEmbed, truncate } from './limits.js';
import { button, COLOURS, pagingButtons, row, type RenderedMessage } from './message.js';

/** Room left under the description limit for a code fence closed and reopened across pages. */
const PAGE_LENGTH = DISCORD_LIMITS.embedDescription - 96;

/**
 * Cuts a section's rendered text into pages that fit an embed description, at line
 * boundaries; a code block cut by a page break is closed and reopened.
 */
export function paginateNote(body: string): string[] {
	const pages: string[] = [];
	let current: string[] = [];
	let length = 0;
	let openFence: string | undefined;
	const flush = (): void => {
		if (current.length === 0) {
			return;
		}
		if (openFence !== undefined) {
			current.push('```');
		}
		pages.push(current.join('\n'));
		current = openFence === undefined ? [] : [openFence];
		length = openFence?.length ?? 0;
	};
	for (const rawLine of renderNoteText(body).split('\n')) {
		const pieces =
			rawLine.length > PAGE_LENGTH ? (rawLine.match(new RegExp(`[^]{1,${PAGE_LENGTH}}`, 'gu')) ?? []) : [rawLine];
		for (const line of pieces) {
			if (length + line.length + 1 > PAGE_LENGTH && current.some((entry) => entry !== openFence)) {
				flush();
			}
			current.push(line);
			length += line.length + 1;
			if (line.startsWith('```')) {
				openFence = openFence === undefined ? line : undefined;
			}
		}
	}
	openFence = undefined;
	flush();
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

function noteEmbed(section: NoteSection, pages: readonly string[], page: number): APIEmbed {
	return fitEmbed({
		author: { name: section.breadcrumb.slice(0, -1).join(' › ') },
		title: escapeText(section.title),
		description: pages[page] ?? '',
		color: COLOURS.brand,
		footer: { text: `${pages.length > 1 ? `Page ${page + 1}/${pages.length} · ` : ''}${section.id}` },
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
