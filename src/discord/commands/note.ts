import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { cleanQuery } from '../../search/query.js';
import { findSection, suggestSections } from '../../search/suggestSections.js';
import { sectionChoices } from '../render/autocomplete.js';
import { escapeText } from '../render/escape.js';
import { truncate } from '../render/limits.js';
import { renderProblem } from '../render/message.js';
import { renderNotePage } from '../render/noteView.js';
import { replyOptions } from '../respond.js';
import type { SlashCommand } from './command.js';
import { readArgs } from './options.js';
import { ANYWHERE } from './reach.js';

export const noteDefinition = {
	name: 'note',
	description: 'Read a whole section of the study notes',
	...ANYWHERE,
	options: [
		{
			type: ApplicationCommandOptionType.String,
			name: 'topic',
			description: 'Start typing a topic and pick a section',
			required: true,
			autocomplete: true,
			max_length: 200,
		},
	],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const noteCommand: SlashCommand = {
	definition: noteDefinition,
	async execute(interaction, { index }) {
		const { topic } = readArgs(interaction.options, noteDefinition.options);
		const lookup = findSection(index, topic);
		const shown = escapeText(truncate(cleanQuery(topic), 100));
		const message =
			lookup.status === 'exact'
				? renderNotePage(lookup.section, 0)
				: lookup.status === 'closest'
					? renderNotePage(lookup.section, 0, `No section is called “${shown}”; this is the closest match.`)
					: renderProblem(
							cleanQuery(topic) === ''
								? 'Pick a topic from the list as you type, for example `VPC Peering`.'
								: `No section of the notes matches “${shown}”. Start typing and pick a topic from the list, or try \`/search\`.`,
						);
		await interaction.reply(replyOptions(message));
	},
	async autocomplete(interaction, { index }) {
		await interaction.respond(sectionChoices(suggestSections(index, interaction.options.getFocused())));
	},
};
