import {
	ApplicationCommandOptionType,
	InteractionContextType,
	type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { renderStats } from '../render/scores.js';
import { replyWhenReady } from '../respond.js';
import type { SlashCommand } from './command.js';
import { readArgs } from './options.js';
import { replyServerOnly } from './serverOnly.js';

export const statsDefinition = {
	name: 'stats',
	description: 'Your quiz progress (or a member’s): points, accuracy, streaks, ranks and topics',
	contexts: [InteractionContextType.Guild],
	options: [{ type: ApplicationCommandOptionType.User, name: 'member', description: 'Whose stats (default: yours)' }],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const statsCommand: SlashCommand = {
	definition: statsDefinition,
	async execute(interaction, { scores, index }) {
		if (!interaction.inCachedGuild()) {
			await replyServerOnly(interaction);
			return;
		}
		const { member = interaction.user } = readArgs(interaction.options, statsDefinition.options);
		await replyWhenReady(interaction, true, async () =>
			renderStats(
				await scores.memberProgress({
					guildId: interaction.guildId,
					userId: member.id,
					fallbackName: member.displayName,
				}),
				(sectionId) => index.getSection(sectionId),
			),
		);
	},
};
