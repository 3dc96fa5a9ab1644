import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { MAX_QUERY_LENGTH } from '../../search/query.js';
import { suggestSections } from '../../search/suggestSections.js';
import { queryChoices } from '../render/autocomplete.js';
import { renderSearchPage } from '../render/searchResults.js';
import { replyOptions } from '../respond.js';
import type { SlashCommand } from './command.js';
import { readArgs } from './options.js';
import { ANYWHERE } from './reach.js';

export const searchDefinition = {
	name: 'search',
	description: 'Search the study notes; results are private until you share one',
	...ANYWHERE,
	options: [
		{
			type: ApplicationCommandOptionType.String,
			name: 'query',
			description: 'Words, an acronym, or a whole exam question',
			required: true,
			autocomplete: true,
			max_length: MAX_QUERY_LENGTH,
		},
	],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const searchCommand: SlashCommand = {
	definition: searchDefinition,
	async execute(interaction, { search, metrics }) {
		const { query } = readArgs(interaction.options, searchDefinition.options);
		const stopTimer = metrics.searchSeconds.startTimer();
		const answer = await search.notes(query);
		stopTimer();
		await interaction.reply(replyOptions(renderSearchPage(answer.page, answer.reference)));
	},
	async autocomplete(interaction, { index }) {
		const typed = interaction.options.getFocused();
		await interaction.respond(queryChoices(typed.trim(), suggestSections(index, typed)));
	},
};
