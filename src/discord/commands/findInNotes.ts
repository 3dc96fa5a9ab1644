import { ApplicationCommandType, type RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord.js';
import { renderSearchPage } from '../render/searchResults.js';
import { replyOptions } from '../respond.js';
import type { MessageCommand } from './command.js';
import { ANYWHERE } from './reach.js';

export const findInNotesDefinition = {
	type: ApplicationCommandType.Message,
	name: 'Find in notes',
	...ANYWHERE,
} as const satisfies RESTPostAPIContextMenuApplicationCommandsJSONBody;

/** The parts of a message (as discord.js gives it) that hold text. */
export interface SearchableMessage {
	readonly content: string;
	readonly embeds: readonly {
		readonly title: string | null;
		readonly description: string | null;
		readonly fields: readonly { readonly name: string; readonly value: string }[];
	}[];
}

/**
 * What of a message is searched: its text, then the title, text and fields of its embeds (so
 * the daily quiz question, which is an embed, can be looked up too).
 */
export function searchableText(message: SearchableMessage): string {
	return [
		message.content,
		...message.embeds.flatMap((embed) => [
			embed.title ?? '',
			embed.description ?? '',
			...embed.fields.flatMap((field) => [field.name, field.value]),
		]),
	]
		.filter((text) => text.trim() !== '')
		.join('\n');
}

/** Right-click a message → Apps → Find in notes: the message's text as a private search. */
export const findInNotesCommand: MessageCommand = {
	definition: findInNotesDefinition,
	help: 'Right-click (or long-press) a message, then Apps › Find in notes: searches the notes for what it says, privately. Handy for a question someone pasted.',
	async execute(interaction, { search, metrics }) {
		const stopTimer = metrics.searchSeconds.startTimer();
		const answer = await search.inMessage(searchableText(interaction.targetMessage));
		stopTimer();
		await interaction.reply(replyOptions(renderSearchPage(answer.page, answer.reference)));
	},
};
