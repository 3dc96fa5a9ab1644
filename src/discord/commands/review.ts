import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { suggestTimeZones } from '../../time/zonedTime.js';
import { DISCORD_LIMITS } from '../render/limits.js';
import { renderProblem } from '../render/message.js';
import { renderLeeches, renderReminderSet, renderReviewStart } from '../render/study.js';
import { replyOptions, replyWhenReady } from '../respond.js';
import type { SlashCommand } from './command.js';
import { readArgs, subcommandOptions } from './options.js';
import { ANYWHERE } from './reach.js';

export const reviewDefinition = {
	name: 'review',
	description: 'Spaced review of the questions you have answered: what is due, leeches, reminders',
	...ANYWHERE,
	options: [
		{
			type: ApplicationCommandOptionType.Subcommand,
			name: 'start',
			description: 'How many cards are due now and later today, and a session of the due ones',
		},
		{
			type: ApplicationCommandOptionType.Subcommand,
			name: 'leeches',
			description: 'Cards you missed 8 times, left out of review: re-read them and put them back',
		},
		{
			type: ApplicationCommandOptionType.Subcommand,
			name: 'remind',
			description: 'A DM every day at your time when cards are due',
			options: [
				{
					type: ApplicationCommandOptionType.String,
					name: 'time',
					description: 'Local time, 24-hour HH:MM, e.g. 08:30',
					required: true,
					min_length: 4,
					max_length: 5,
				},
				{
					type: ApplicationCommandOptionType.String,
					name: 'timezone',
					description: 'Your time zone, e.g. Europe/Berlin (pick as you type)',
					required: true,
					autocomplete: true,
					max_length: 64,
				},
			],
		},
		{
			type: ApplicationCommandOptionType.Subcommand,
			name: 'remind-off',
			description: 'Stop the daily review reminder',
		},
	],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const reviewCommand: SlashCommand = {
	definition: reviewDefinition,
	async execute(interaction, { study, index }) {
		const userId = interaction.user.id;
		const sectionOf = (id: string) => index.getSection(id);
		switch (interaction.options.getSubcommand(true)) {
			case 'start':
				await replyWhenReady(interaction, true, async () =>
					renderReviewStart(await study.startReview({ userId, guildId: interaction.guildId })),
				);
				return;
			case 'leeches':
				await replyWhenReady(interaction, true, async () => renderLeeches(await study.leeches(userId), sectionOf));
				return;
			case 'remind': {
				const { time, timezone } = readArgs(interaction.options, subcommandOptions(reviewDefinition, 'remind'));
				await replyWhenReady(interaction, true, async () =>
					renderReminderSet(await study.setReminder({ userId, time, timezone })),
				);
				return;
			}
			case 'remind-off': {
				const { status } = await study.stopReminder(userId);
				await interaction.reply(
					replyOptions(
						renderProblem(status === 'stopped' ? '⏰ Review reminders are off.' : 'You had no review reminder set.'),
					),
				);
				return;
			}
			default:
				await interaction.reply(
					replyOptions(renderProblem('That `/review` subcommand is not known to this version of the bot.')),
				);
		}
	},
	async autocomplete(interaction) {
		await interaction.respond(
			suggestTimeZones(interaction.options.getFocused(), DISCORD_LIMITS.autocompleteChoices).map((zone) => ({
				name: zone,
				value: zone,
			})),
		);
	},
};
