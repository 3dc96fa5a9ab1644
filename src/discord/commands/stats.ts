import {
	ApplicationCommandOptionType,
	InteractionContextType,
	type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { escapeText } from '../render/escape.js';
import { renderProblem } from '../render/message.js';
import { renderStats } from '../render/scores.js';
import { replyOptions, replyWhenReady } from '../respond.js';
import type { SlashCommand } from './command.js';
import { readArgs, type ResolvedUser } from './options.js';
import { replyServerOnly } from './serverOnly.js';

export const statsDefinition = {
	name: 'stats',
	description: 'Your quiz progress (or a member’s): points, accuracy, streaks, ranks and topics',
	contexts: [InteractionContextType.Guild],
	options: [{ type: ApplicationCommandOptionType.User, name: 'member', description: 'Whose stats (default: yours)' }],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function serverName({ user, member }: ResolvedUser): string {
	if (member === null) {
		return user.displayName;
	}
	return 'displayName' in member ? member.displayName : (member.nick ?? user.displayName);
}

export const statsCommand: SlashCommand = {
	definition: statsDefinition,
	async execute(interaction, { scores, index }) {
		if (!interaction.inCachedGuild()) {
			await replyServerOnly(interaction);
			return;
		}
		const { member } = readArgs(interaction.options, statsDefinition.options);
		const user = member?.user ?? interaction.user;
		if (user.bot) {
			await interaction.reply(
				replyOptions(renderProblem(`${escapeText(user.displayName)} is a bot: bots do not take the quiz.`)),
			);
			return;
		}
		// The name this server knows them by: their nickname here, else their account's display name.
		const name = member ? serverName(member) : interaction.member.displayName;
		await replyWhenReady(interaction, true, async () =>
			renderStats(
				await scores.memberProgress({ guildId: interaction.guildId, userId: user.id, fallbackName: name }),
				(sectionId) => index.getSection(sectionId),
			),
		);
	},
};
