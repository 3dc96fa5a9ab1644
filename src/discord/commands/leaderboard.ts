import {
	ApplicationCommandOptionType,
	InteractionContextType,
	type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { PERIOD_LABEL, PERIODS, type Period } from '../../scores/rules.js';
import { renderProblem } from '../render/message.js';
import { renderLeaderboard } from '../render/scores.js';
import { replyOptions, replyWhenReady } from '../respond.js';
import { loadLeaderboard } from '../scoresView.js';
import type { SlashCommand } from './command.js';

export const leaderboardDefinition = {
	name: 'leaderboard',
	description: 'Top members of the daily quiz: this week, this month or all time',
	contexts: [InteractionContextType.Guild],
	options: [
		{
			type: ApplicationCommandOptionType.String,
			name: 'period',
			description: 'Which period (default: this week)',
			choices: PERIODS.map((period) => ({ name: PERIOD_LABEL[period], value: period })),
		},
		{
			type: ApplicationCommandOptionType.Integer,
			name: 'page',
			description: 'Page, 10 members each',
			min_value: 1,
			max_value: 1000,
		},
	],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const leaderboardCommand: SlashCommand = {
	definition: leaderboardDefinition,
	async execute(interaction, context) {
		if (!interaction.inCachedGuild()) {
			await interaction.reply(
				replyOptions(renderProblem('Leaderboards belong to a server: use `/leaderboard` in a server channel.')),
			);
			return;
		}
		const period = (interaction.options.getString('period') ?? 'week') as Period;
		const page = (interaction.options.getInteger('page') ?? 1) - 1;
		await replyWhenReady(interaction, true, async () =>
			renderLeaderboard(await loadLeaderboard(context, interaction, period, page)),
		);
	},
};
