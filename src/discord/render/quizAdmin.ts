import type { QuizRound } from '../../quiz/rounds.js';
import type { QuizSettings } from '../../quiz/settings.js';
import { fitEmbed } from './limits.js';
import { COLOURS, type RenderedMessage } from './message.js';

const STATUS_LABEL = { active: '🟢 Active', paused: '⏸️ Paused', disabled: '⛔ Disabled' } as const;

function when(date: Date): string {
	const seconds = Math.floor(date.getTime() / 1000);
	return `<t:${seconds}:F> (<t:${seconds}:R>)`;
}

export interface QuizOverview {
	readonly settings: QuizSettings;
	/** The next scheduled post, when active. */
	readonly nextPostAt: Date | undefined;
	readonly todaysRound: (QuizRound & { readonly answers: number }) | undefined;
	readonly guildId: string;
}

/** Settings, next post (in the guild's zone and relative to the reader) and today's round. */
export function renderQuizOverview(title: string, overview: QuizOverview, notice?: string): RenderedMessage {
	const { settings, nextPostAt, todaysRound } = overview;
	const today =
		todaysRound === undefined
			? 'Not posted yet.'
			: todaysRound.messageId === null
				? 'Being posted.'
				: `[Posted](https://discord.com/channels/${overview.guildId}/${todaysRound.channelId}/${todaysRound.messageId}); ${todaysRound.answers} ${todaysRound.answers === 1 ? 'answer' : 'answers'}; ${todaysRound.closedAt === null ? `closes ${when(todaysRound.closesAt)}` : 'closed'}.`;
	return {
		embeds: [
			fitEmbed({
				title,
				...(notice === undefined ? {} : { description: notice }),
				color: settings.status === 'active' ? COLOURS.brand : COLOURS.warning,
				fields: [
					{ name: 'Status', value: STATUS_LABEL[settings.status], inline: true },
					{ name: 'Channel', value: `<#${settings.channelId}>`, inline: true },
					{ name: 'Mentions', value: settings.roleId === null ? 'Nobody' : `<@&${settings.roleId}>`, inline: true },
					{ name: 'Posts at', value: `${settings.postTime} ${settings.timezone}`, inline: true },
					{ name: 'Open for', value: `${settings.answerWindowHours} h`, inline: true },
					{ name: 'Next question', value: nextPostAt === undefined ? '—' : when(nextPostAt) },
					{ name: 'Today', value: today },
				],
			}),
		],
		components: [],
		ephemeral: true,
	};
}
