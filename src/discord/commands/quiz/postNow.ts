import type { ChatInputCommandInteraction } from 'discord.js';
import { enqueuePostNow } from '../../../jobs/quizQueue.js';
import { getRoundFor } from '../../../quiz/rounds.js';
import { getQuizSettings } from '../../../quiz/settings.js';
import { localDate } from '../../../quiz/zonedTime.js';
import type { BotContext } from '../../context.js';
import { renderNotice, renderProblem } from '../../render/message.js';
import { replyOptions } from '../../respond.js';
import { NOT_SET_UP } from './status.js';

export async function postNowSubcommand(
	interaction: ChatInputCommandInteraction<'cached'>,
	{ quiz }: BotContext,
): Promise<void> {
	const settings = await getQuizSettings(quiz.prisma, interaction.guildId);
	if (!settings || settings.status === 'disabled') {
		await interaction.reply(replyOptions(renderProblem(NOT_SET_UP)));
		return;
	}
	const now = quiz.clock();
	const date = localDate(now, settings.timezone);
	const round = await getRoundFor(quiz.prisma, settings.guildId, date);
	if (round?.messageId) {
		await interaction.reply(
			replyOptions(
				renderNotice(
					`Today’s question (${date}, ${settings.timezone}) is already [posted](https://discord.com/channels/${settings.guildId}/${round.channelId}/${round.messageId}).`,
				),
			),
		);
		return;
	}
	await enqueuePostNow(quiz.queue, settings.guildId, date, now);
	await interaction.reply(replyOptions(renderNotice(`Posting today’s question in <#${settings.channelId}> now.`)));
}
