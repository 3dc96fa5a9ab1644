import { NOT_SET_UP, renderQuizOverview } from '../../render/quizAdmin.js';
import { renderProblem } from '../../render/message.js';
import { replyOptions } from '../../respond.js';
import type { QuizSubcommand } from './subcommand.js';

export const statusSubcommand: QuizSubcommand = async (interaction, { quiz }) => {
	const outcome = await quiz.overview(interaction.guildId);
	await interaction.reply(
		replyOptions(
			outcome.status === 'found' ? renderQuizOverview('Daily quiz', outcome.overview) : renderProblem(NOT_SET_UP),
		),
	);
};
