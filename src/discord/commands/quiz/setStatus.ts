import type { ChatInputCommandInteraction } from 'discord.js';
import type { QuizStatus } from '../../../db/client.js';
import { removeGuildSchedule, upsertGuildSchedule } from '../../../jobs/quizQueue.js';
import { setQuizStatus } from '../../../quiz/settings.js';
import type { BotContext } from '../../context.js';
import { renderProblem } from '../../render/message.js';
import { renderQuizOverview } from '../../render/quizAdmin.js';
import { replyOptions } from '../../respond.js';
import { loadQuizOverview } from './overview.js';
import { NOT_SET_UP } from './status.js';

const TITLES: Readonly<Record<QuizStatus, string>> = {
	active: '▶️ Daily quiz resumed',
	paused: '⏸️ Daily quiz paused',
	disabled: '⛔ Daily quiz turned off (history and scores are kept)',
};

/** `/quiz pause`, `resume` and `disable`: Postgres first, then the guild's scheduler in Redis. */
export function setStatusSubcommand(status: QuizStatus) {
	return async (interaction: ChatInputCommandInteraction<'cached'>, context: BotContext): Promise<void> => {
		const settings = await setQuizStatus(context.quiz.prisma, interaction.guildId, status);
		if (!settings) {
			await interaction.reply(replyOptions(renderProblem(NOT_SET_UP)));
			return;
		}
		if (status === 'active') {
			await upsertGuildSchedule(context.quiz.queue, settings);
		} else {
			await removeGuildSchedule(context.quiz.queue, settings.guildId);
		}
		context.logger.info({ guildId: settings.guildId, status }, 'quiz status changed');
		await interaction.reply(
			replyOptions(renderQuizOverview(TITLES[status], await loadQuizOverview(settings, context))),
		);
	};
}
