import {
	ButtonStyle,
	ComponentType,
	type APIActionRowComponent,
	type APIButtonComponentWithCustomId,
	type APIEmbed,
	type APIStringSelectComponent,
} from 'discord.js';
import { DISCORD_LIMITS, fitEmbed, truncate } from './limits.js';

/** What a message row may hold here: up to five buttons, or one select menu. */
export type MessageControl = APIButtonComponentWithCustomId | APIStringSelectComponent;

/** What a person sees: the reply, ready to send, and whether only they see it. */
export interface RenderedMessage {
	readonly content?: string;
	readonly embeds: readonly APIEmbed[];
	readonly components: readonly APIActionRowComponent<MessageControl>[];
	readonly ephemeral: boolean;
}

export const COLOURS = {
	brand: 0xff9900,
	info: 0x5865f2,
	warning: 0xfee75c,
	error: 0xed4245,
} as const;

export function button(
	customId: string,
	label: string,
	options: { style?: APIButtonComponentWithCustomId['style']; disabled?: boolean; emoji?: string } = {},
): APIButtonComponentWithCustomId {
	return {
		type: ComponentType.Button,
		custom_id: customId,
		label: truncate(label, DISCORD_LIMITS.buttonLabel),
		style: options.style ?? ButtonStyle.Secondary,
		disabled: options.disabled ?? false,
		...(options.emoji === undefined ? {} : { emoji: { name: options.emoji } }),
	};
}

export function row<C extends MessageControl>(controls: readonly C[]): APIActionRowComponent<C> {
	return { type: ComponentType.ActionRow, components: [...controls] };
}

/** Buttons in rows of at most five, as Discord allows. */
export function buttonRows(
	buttons: readonly APIButtonComponentWithCustomId[],
): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
	const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
	for (let start = 0; start < buttons.length; start += 5) {
		rows.push(row(buttons.slice(start, start + 5)));
	}
	return rows;
}

/** Previous and Next buttons; `idFor` gives the custom id that opens a page. */
export function pagingButtons(
	page: number,
	pageCount: number,
	idFor: (page: number) => string,
): [APIButtonComponentWithCustomId, APIButtonComponentWithCustomId] {
	return [
		button(idFor(Math.max(0, page - 1)), 'Previous', { emoji: '◀️', disabled: page === 0 }),
		button(idFor(Math.min(pageCount - 1, page + 1)), 'Next', { emoji: '▶️', disabled: page >= pageCount - 1 }),
	];
}

/** A private message that says what went wrong and, where it helps, what to do instead. */
export function renderProblem(text: string): RenderedMessage {
	return {
		embeds: [fitEmbed({ description: text, color: COLOURS.warning })],
		components: [],
		ephemeral: true,
	};
}

/** A private, neutral confirmation. */
export function renderNotice(text: string): RenderedMessage {
	return { embeds: [fitEmbed({ description: text, color: COLOURS.info })], components: [], ephemeral: true };
}
