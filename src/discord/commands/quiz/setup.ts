import { PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import { upsertGuildSchedule } from '../../../jobs/quizQueue.js';
import { saveQuizSettings } from '../../../quiz/settings.js';
import { allTimeZones, formatLocalTime, isValidTimeZone, parseLocalTime } from '../../../quiz/zonedTime.js';
import type { BotContext } from '../../context.js';
import { escapeText } from '../../render/escape.js';
import { truncate } from '../../render/limits.js';
import { renderProblem } from '../../render/message.js';
import { renderQuizOverview } from '../../render/quizAdmin.js';
import { replyOptions } from '../../respond.js';
import { loadQuizOverview } from './overview.js';

const NEEDED = [
	[PermissionFlagsBits.ViewChannel, 'View Channel'],
	[PermissionFlagsBits.SendMessages, 'Send Messages'],
	[PermissionFlagsBits.EmbedLinks, 'Embed Links'],
] as const;

function closestZones(typed: string): string[] {
	const wanted = typed
		.toLowerCase()
		.split(/[/_\s]+/u)
		.filter((part) => part.length > 1);
	return allTimeZones()
		.filter((zone) => wanted.some((part) => zone.toLowerCase().includes(part)))
		.slice(0, 5);
}

export async function setupSubcommand(
	interaction: ChatInputCommandInteraction<'cached'>,
	context: BotContext,
): Promise<void> {
	const channel = interaction.options.getChannel('channel', true);
	const timeText = interaction.options.getString('time', true);
	const timezone = interaction.options.getString('timezone', true).trim();
	const role = interaction.options.getRole('role');
	const answerWindowHours = interaction.options.getInteger('answer_window') ?? 24;

	const time = parseLocalTime(timeText);
	if (!time) {
		await interaction.reply(
			replyOptions(
				renderProblem(
					`“${escapeText(truncate(timeText, 20))}” is not a time. Use the 24-hour clock, HH:MM, for example \`09:00\` or \`18:30\`.`,
				),
			),
		);
		return;
	}
	if (!isValidTimeZone(timezone)) {
		const suggestions = closestZones(timezone);
		await interaction.reply(
			replyOptions(
				renderProblem(
					`“${escapeText(truncate(timezone, 64))}” is not a time zone. Pick one from the list as you type, for example \`Europe/Berlin\`.` +
						(suggestions.length > 0 ? ` Did you mean ${suggestions.map((zone) => `\`${zone}\``).join(', ')}?` : ''),
				),
			),
		);
		return;
	}
	if (answerWindowHours < 1 || answerWindowHours > 24) {
		await interaction.reply(replyOptions(renderProblem('The answer window is between 1 and 24 hours.')));
		return;
	}
	const me = interaction.guild.members.me;
	const resolved = interaction.guild.channels.cache.get(channel.id);
	const permissions = me && resolved ? resolved.permissionsFor(me) : null;
	const missing = NEEDED.filter(([flag]) => !permissions?.has(flag)).map(([, name]) => name);
	if (!resolved?.isTextBased() || missing.length > 0) {
		await interaction.reply(
			replyOptions(
				renderProblem(
					`I cannot post in <#${channel.id}>: I need ${missing.length > 0 ? missing.map((name) => `**${name}**`).join(', ') : 'a text channel'} there. Fix the channel’s permissions and run \`/quiz setup\` again.`,
				),
			),
		);
		return;
	}

	const settings = await saveQuizSettings(context.quiz.prisma, {
		guildId: interaction.guildId,
		channelId: channel.id,
		roleId: role?.id ?? null,
		postTime: formatLocalTime(time),
		timezone,
		answerWindowHours,
	});
	await upsertGuildSchedule(context.quiz.queue, settings);
	context.logger.info({ guildId: settings.guildId, postTime: settings.postTime, timezone }, 'quiz set up');
	await interaction.reply(
		replyOptions(renderQuizOverview('✅ Daily quiz set up', await loadQuizOverview(settings, context))),
	);
}
