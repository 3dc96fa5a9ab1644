import type { ChatInputCommandInteraction } from 'discord.js';
import { getQuizSettings } from '../../../quiz/settings.js';
import type { BotContext } from '../../context.js';
import { renderProblem } from '../../render/message.js';
import { renderQuizOverview } from '../../render/quizAdmin.js';
import { replyOptions } from '../../respond.js';
import { loadQuizOverview } from './overview.js';

export const NOT_SET_UP = 'The quiz is not set up in this server yet. Start it with `/quiz setup`.';

export async function statusSubcommand(
	interaction: ChatInputCommandInteraction<'cached'>,
	context: BotContext,
): Promise<void> {
	const settings = await getQuizSettings(context.quiz.prisma, interaction.guildId);
	await interaction.reply(
		replyOptions(
			settings
				? renderQuizOverview('Daily quiz', await loadQuizOverview(settings, context))
				: renderProblem(NOT_SET_UP),
		),
	);
}
