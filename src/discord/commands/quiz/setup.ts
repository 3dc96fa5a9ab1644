import { PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import { renderSetUpOutcome } from '../../render/quizAdmin.js';
import { replyOptions } from '../../respond.js';
import { readArgs, subcommandOptions } from '../options.js';
import { quizDefinition } from './definition.js';
import type { QuizSubcommand } from './subcommand.js';

/** What the bot needs in the quiz channel to post a question there. */
const NEEDED = [
	[PermissionFlagsBits.ViewChannel, 'View Channel'],
	[PermissionFlagsBits.SendMessages, 'Send Messages'],
	[PermissionFlagsBits.EmbedLinks, 'Embed Links'],
] as const;

/** The bot's access to a channel, from the gateway's cache of the guild. */
function channelAccess(
	interaction: ChatInputCommandInteraction<'cached'>,
	channelId: string,
): { readonly missing: readonly string[] } | 'not-text' {
	const channel = interaction.guild.channels.cache.get(channelId);
	if (!channel?.isTextBased()) {
		return 'not-text';
	}
	const me = interaction.guild.members.me;
	const permissions = me ? channel.permissionsFor(me) : null;
	return { missing: NEEDED.filter(([flag]) => !permissions?.has(flag)).map(([, name]) => name) };
}

export const setupSubcommand: QuizSubcommand = async (interaction, { quiz, logger }) => {
	const args = readArgs(interaction.options, subcommandOptions(quizDefinition, 'setup'));
	const outcome = await quiz.setUp({
		guildId: interaction.guildId,
		channelId: args.channel.id,
		roleId: args.role?.id ?? null,
		time: args.time,
		timezone: args.timezone,
		answerWindowHours: args.answer_window,
		channelAccess: channelAccess(interaction, args.channel.id),
	});
	if (outcome.status === 'set-up') {
		const { settings } = outcome.overview;
		logger.info({ guildId: settings.guildId, postTime: settings.postTime, timezone: settings.timezone }, 'quiz set up');
	}
	await interaction.reply(replyOptions(renderSetUpOutcome(outcome)));
};
