import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { escapeText } from '../render/escape.js';
import { renderProblem, type RenderedMessage } from '../render/message.js';
import { renderStats } from '../render/scores.js';
import { studyProgressEmbed } from '../render/study.js';
import { replyOptions, replyWhenReady } from '../respond.js';
import type { SlashCommand } from './command.js';
import { readArgs, subcommandOptions, type ResolvedUser } from './options.js';
import { ANYWHERE } from './reach.js';
import { replyServerOnly } from './serverOnly.js';

export const statsDefinition = {
	name: 'stats',
	description: 'Progress: your own study anywhere, or a member’s quiz card in this server',
	...ANYWHERE,
	options: [
		{
			type: ApplicationCommandOptionType.Subcommand,
			name: 'me',
			description: 'Your study (cards, due, accuracy by domain) and, in a server, your quiz card',
		},
		{
			type: ApplicationCommandOptionType.Subcommand,
			name: 'member',
			description: 'A member’s quiz card in this server: points, accuracy, streaks, ranks and topics',
			options: [{ type: ApplicationCommandOptionType.User, name: 'member', description: 'Whose card', required: true }],
		},
	],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function serverName({ user, member }: ResolvedUser): string {
	if (member === null) {
		return user.displayName;
	}
	return 'displayName' in member ? member.displayName : (member.nick ?? user.displayName);
}

export const statsCommand: SlashCommand = {
	definition: statsDefinition,
	async execute(interaction, { scores, study, index }) {
		const sectionOf = (sectionId: string) => index.getSection(sectionId);
		if (interaction.options.getSubcommand(true) === 'me') {
			await replyWhenReady(interaction, true, async () => {
				const progress = studyProgressEmbed(
					await study.progress({ userId: interaction.user.id, guildId: interaction.guildId }),
				);
				if (!interaction.inCachedGuild()) {
					return { embeds: [progress], components: [], ephemeral: true } satisfies RenderedMessage;
				}
				const card = renderStats(
					await scores.memberProgress({
						guildId: interaction.guildId,
						userId: interaction.user.id,
						fallbackName: interaction.member.displayName,
					}),
					sectionOf,
				);
				return { ...card, embeds: [...card.embeds, progress] };
			});
			return;
		}
		if (!interaction.inCachedGuild()) {
			await replyServerOnly(interaction);
			return;
		}
		const { member } = readArgs(interaction.options, subcommandOptions(statsDefinition, 'member'));
		if (member.user.bot) {
			await interaction.reply(
				replyOptions(renderProblem(`${escapeText(member.user.displayName)} is a bot: bots do not take the quiz.`)),
			);
			return;
		}
		// The name this server knows them by: their nickname here, else their account's display name.
		await replyWhenReady(interaction, true, async () =>
			renderStats(
				await scores.memberProgress({
					guildId: interaction.guildId,
					userId: member.user.id,
					fallbackName: serverName(member),
				}),
				sectionOf,
			),
		);
	},
};
