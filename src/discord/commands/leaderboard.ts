import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { LEADERBOARD_PAGE_SIZE } from '../../scores/leaderboard.js';
import { PERIOD_LABEL, PERIODS } from '../../scores/rules.js';
import { renderLeaderboard } from '../render/scores.js';
import { replyWhenReady } from '../respond.js';
import type { SlashCommand } from './command.js';
import { readArgs } from './options.js';
import { replyServerOnly } from './serverOnly.js';
import { SERVER_ONLY } from './reach.js';

export const leaderboardDefinition = {
	name: 'leaderboard',
	description: 'Top members of the daily quiz: this week, this month or all time',
	...SERVER_ONLY,
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
			description: `Page, ${LEADERBOARD_PAGE_SIZE} members each`,
			min_value: 1,
			max_value: 1000,
		},
	],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const leaderboardCommand: SlashCommand = {
	definition: leaderboardDefinition,
	async execute(interaction, { scores }) {
		if (!interaction.inCachedGuild()) {
			await replyServerOnly(interaction);
			return;
		}
		const { period = 'week', page = 1 } = readArgs(interaction.options, leaderboardDefinition.options);
		await replyWhenReady(interaction, true, async () =>
			renderLeaderboard(
				await scores.leaderboard({
					guildId: interaction.guildId,
					period,
					page: page - 1,
					readerId: interaction.user.id,
				}),
			),
		);
	},
};
