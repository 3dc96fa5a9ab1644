import type { ChangeQuizStatusOutcome } from '../../quiz/changeQuizStatus.js';
import type { QuizOverview } from '../../quiz/getQuizOverview.js';
import type { PostQuizNowOutcome } from '../../quiz/postQuizNow.js';
import type { QuizStatus } from '../../quiz/settings.js';
import type { SetUpQuizOutcome } from '../../quiz/setUpQuiz.js';
import type { SetWeeklyRecapOutcome } from '../../quiz/setWeeklyRecap.js';
import { escapeText } from './escape.js';
import { fitEmbed, truncate } from './limits.js';
import { COLOURS, renderNotice, renderProblem, type RenderedMessage } from './message.js';

const STATUS_LABEL = { active: '🟢 Active', paused: '⏸️ Paused', disabled: '⛔ Disabled' } as const;

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export const NOT_SET_UP = 'The quiz is not set up in this server yet. Start it with `/quiz setup`.';

function when(date: Date): string {
	const seconds = Math.floor(date.getTime() / 1000);
	return `<t:${seconds}:F> (<t:${seconds}:R>)`;
}

export function messageLink(guildId: string, channelId: string, messageId: string): string {
	return `https://discord.com/channels/${guildId}/${channelId}/${messageId}`;
}

/** Settings, next post (in the guild's zone and relative to the reader) and today's round. */
export function renderQuizOverview(title: string, overview: QuizOverview): RenderedMessage {
	const { settings, nextPostAt, todaysRound } = overview;
	const today =
		todaysRound === undefined
			? 'Not posted yet.'
			: todaysRound.messageId === null
				? 'Being posted.'
				: `[Posted](${messageLink(settings.guildId, todaysRound.channelId, todaysRound.messageId)}); ${todaysRound.answers} ${todaysRound.answers === 1 ? 'answer' : 'answers'}; ${todaysRound.closedAt === null ? `closes ${when(todaysRound.closesAt)}` : 'closed'}.`;
	return {
		embeds: [
			fitEmbed({
				title,
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

function notATime(time: string, example: string): RenderedMessage {
	return renderProblem(
		`“${escapeText(truncate(time, 20))}” is not a time. Use the 24-hour clock, HH:MM, for example ${example}.`,
	);
}

export function renderSetUpOutcome(outcome: SetUpQuizOutcome): RenderedMessage {
	switch (outcome.status) {
		case 'invalid-time':
			return notATime(outcome.time, '`09:00` or `18:30`');
		case 'invalid-time-zone':
			return renderProblem(
				`“${escapeText(truncate(outcome.timezone, 64))}” is not a time zone. Pick one from the list as you type, for example \`Europe/Berlin\`.` +
					(outcome.suggestions.length > 0
						? ` Did you mean ${outcome.suggestions.map((zone) => `\`${zone}\``).join(', ')}?`
						: ''),
			);
		case 'invalid-answer-window':
			return renderProblem('The answer window is between 1 and 24 hours.');
		case 'cannot-post':
			return renderProblem(
				`I cannot post in <#${outcome.channelId}>: I need ${outcome.missing.length > 0 ? outcome.missing.map((name) => `**${name}**`).join(', ') : 'a text channel'} there. Fix the channel’s permissions and run \`/quiz setup\` again.`,
			);
		case 'set-up':
			return renderQuizOverview('✅ Daily quiz set up', outcome.overview);
	}
}

const STATUS_TITLES: Readonly<Record<QuizStatus, string>> = {
	active: '▶️ Daily quiz resumed',
	paused: '⏸️ Daily quiz paused',
	disabled: '⛔ Daily quiz turned off (history and scores are kept)',
};

export function renderStatusChange(outcome: ChangeQuizStatusOutcome): RenderedMessage {
	return outcome.status === 'not-set-up'
		? renderProblem(NOT_SET_UP)
		: renderQuizOverview(STATUS_TITLES[outcome.to], outcome.overview);
}

export function renderRecapOutcome(outcome: SetWeeklyRecapOutcome): RenderedMessage {
	switch (outcome.status) {
		case 'not-set-up':
			return renderProblem(NOT_SET_UP);
		case 'invalid-time':
			return notATime(outcome.time, '`18:00`');
		case 'invalid-day':
			return renderProblem('Pick a day of the week from the list.');
		case 'set': {
			const { settings } = outcome;
			return renderNotice(
				settings.recapEnabled
					? `The weekly recap is on: every ${WEEKDAYS[settings.recapWeekday - 1] ?? 'Sunday'} at ${settings.recapTime} ${settings.timezone}, in <#${settings.channelId}>.`
					: 'The weekly recap is off.',
			);
		}
	}
}

export function renderPostNowOutcome(outcome: PostQuizNowOutcome): RenderedMessage {
	switch (outcome.status) {
		case 'not-set-up':
		case 'disabled':
			return renderProblem(NOT_SET_UP);
		case 'already-posted':
			return renderNotice(
				`Today’s question (${outcome.round.localDate}, ${outcome.settings.timezone}) is already [posted](${messageLink(outcome.settings.guildId, outcome.round.channelId, outcome.round.messageId)}).`,
			);
		case 'requested':
			return renderNotice(`Posting today’s question in <#${outcome.settings.channelId}> now.`);
	}
}
