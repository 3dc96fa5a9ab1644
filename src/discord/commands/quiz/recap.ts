import type { ChatInputCommandInteraction } from 'discord.js';
import { upsertGuildSchedule } from '../../../jobs/quizQueue.js';
import { getQuizSettings, saveRecapSettings } from '../../../quiz/settings.js';
import { formatLocalTime, parseLocalTime } from '../../../quiz/zonedTime.js';
import type { BotContext } from '../../context.js';
import { escapeText } from '../../render/escape.js';
import { truncate } from '../../render/limits.js';
import { renderNotice, renderProblem } from '../../render/message.js';
import { replyOptions } from '../../respond.js';
import { NOT_SET_UP } from './status.js';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** `/quiz recap enabled:<bool> [day] [time]`: the weekly recap, in the guild's time zone. */
export async function recapSubcommand(
	interaction: ChatInputCommandInteraction<'cached'>,
	context: BotContext,
): Promise<void> {
	const current = await getQuizSettings(context.quiz.prisma, interaction.guildId);
	if (!current) {
		await interaction.reply(replyOptions(renderProblem(NOT_SET_UP)));
		return;
	}
	const enabled = interaction.options.getBoolean('enabled', true);
	const weekday = interaction.options.getInteger('day') ?? current.recapWeekday;
	const timeText = interaction.options.getString('time') ?? current.recapTime;
	const time = parseLocalTime(timeText);
	if (!time) {
		await interaction.reply(
			replyOptions(
				renderProblem(
					`“${escapeText(truncate(timeText, 20))}” is not a time. Use the 24-hour clock, HH:MM, for example \`18:00\`.`,
				),
			),
		);
		return;
	}
	const settings = await saveRecapSettings(context.quiz.prisma, interaction.guildId, {
		recapEnabled: enabled,
		recapWeekday: weekday,
		recapTime: formatLocalTime(time),
	});
	if (!settings) {
		await interaction.reply(replyOptions(renderProblem(NOT_SET_UP)));
		return;
	}
	if (settings.status === 'active') {
		await upsertGuildSchedule(context.quiz.queue, settings);
	}
	await interaction.reply(
		replyOptions(
			renderNotice(
				enabled
					? `The weekly recap is on: every ${WEEKDAYS[settings.recapWeekday - 1] ?? 'Sunday'} at ${settings.recapTime} ${settings.timezone}, in <#${settings.channelId}>.`
					: 'The weekly recap is off.',
			),
		),
	);
}
