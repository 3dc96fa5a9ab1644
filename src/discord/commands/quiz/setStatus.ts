import type { QuizStatus } from '../../../quiz/settings.js';
import { renderStatusChange } from '../../render/quizAdmin.js';
import { replyOptions } from '../../respond.js';
import type { QuizSubcommand } from './subcommand.js';

/** `/quiz pause`, `resume` and `disable`. */
export function setStatusSubcommand(status: QuizStatus): QuizSubcommand {
	return async (interaction, { quiz, logger }) => {
		const outcome = await quiz.changeStatus(interaction.guildId, status);
		if (outcome.status === 'changed') {
			logger.info({ guildId: interaction.guildId, status }, 'quiz status changed');
		}
		await interaction.reply(replyOptions(renderStatusChange(outcome)));
	};
}
