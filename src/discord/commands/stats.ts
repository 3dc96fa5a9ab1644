import {
	ApplicationCommandOptionType,
	InteractionContextType,
	type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { renderProblem } from '../render/message.js';
import { renderStats } from '../render/scores.js';
import { replyOptions, replyWhenReady } from '../respond.js';
import { loadProgress } from '../scoresView.js';
import type { SlashCommand } from './command.js';

export const statsDefinition = {
	name: 'stats',
	description: 'Your quiz progress (or a member’s): points, accuracy, streaks, ranks and topics',
	contexts: [InteractionContextType.Guild],
	options: [{ type: ApplicationCommandOptionType.User, name: 'member', description: 'Whose stats (default: yours)' }],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const statsCommand: SlashCommand = {
	definition: statsDefinition,
	async execute(interaction, context) {
		if (!interaction.inCachedGuild()) {
			await interaction.reply(
				replyOptions(renderProblem('Stats belong to a server: use `/stats` in a server channel.')),
			);
			return;
		}
		const user = interaction.options.getUser('member') ?? interaction.user;
		await replyWhenReady(interaction, true, async () => {
			const { progress, sectionOf } = await loadProgress(context, interaction.guildId, user.id, user.displayName);
			return renderStats(progress, sectionOf);
		});
	},
};
