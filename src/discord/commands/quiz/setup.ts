import { renderSetUpOutcome } from '../../render/quizAdmin.js';
import { replyOptions } from '../../respond.js';
import { readArgs, subcommandOptions } from '../options.js';
import { channelAccess } from './channelAccess.js';
import { quizDefinition } from './definition.js';
import type { QuizSubcommand } from './subcommand.js';

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
		adminChannelId: interaction.channelId,
	});
	if (outcome.status === 'set-up') {
		const { settings } = outcome.overview;
		logger.info({ guildId: settings.guildId, postTime: settings.postTime, timezone: settings.timezone }, 'quiz set up');
	}
	await interaction.reply(replyOptions(renderSetUpOutcome(outcome)));
};
