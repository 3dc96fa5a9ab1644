import { renderRecapOutcome } from '../../render/quizAdmin.js';
import { replyOptions } from '../../respond.js';
import { readArgs, subcommandOptions } from '../options.js';
import { quizDefinition } from './definition.js';
import type { QuizSubcommand } from './subcommand.js';

/** `/quiz recap enabled:<bool> [day] [time]`: the weekly recap, in the guild's time zone. */
export const recapSubcommand: QuizSubcommand = async (interaction, { quiz }) => {
	const args = readArgs(interaction.options, subcommandOptions(quizDefinition, 'recap'));
	const outcome = await quiz.setWeeklyRecap({
		guildId: interaction.guildId,
		enabled: args.enabled,
		weekday: args.day,
		time: args.time,
	});
	await interaction.reply(replyOptions(renderRecapOutcome(outcome)));
};
