import { renderPostNowOutcome } from '../../render/quizAdmin.js';
import { replyOptions } from '../../respond.js';
import type { QuizSubcommand } from './subcommand.js';

export const postNowSubcommand: QuizSubcommand = async (interaction, { quiz }) => {
	await interaction.reply(replyOptions(renderPostNowOutcome(await quiz.postNow(interaction.guildId))));
};
