import type { ChangeQuizStatusOutcome } from '../../quiz/changeQuizStatus.js';
import type { QuizOverview } from '../../quiz/getQuizOverview.js';
import type { PostFailure, RecordedPostFailure } from '../../quiz/postFailure.js';
import type { PostQuizNowOutcome } from '../../quiz/postQuizNow.js';
import type { QuizRound } from '../../quiz/rounds.js';
import type { QuizSettings, QuizStatus } from '../../quiz/settings.js';
import type { SetUpQuizOutcome } from '../../quiz/setUpQuiz.js';
import type { SetWeeklyRecapOutcome } from '../../quiz/setWeeklyRecap.js';
import { escapeText } from './escape.js';
import { fitEmbed, truncate } from './limits.js';
import { COLOURS, renderNotice, renderProblem, type RenderedMessage } from './message.js';
import type { ChannelPost } from './quizRound.js';

const STATUS_LABEL = { active: '🟢 Active', paused: '⏸️ Paused', disabled: '⛔ Disabled' } as const;

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export const NOT_SET_UP = 'The quiz is not set up in this server yet. Start it with `/quiz setup`.';
const DISABLED =
	'The quiz is turned off in this server. `/quiz resume` turns it back on (history and scores were kept).';

function bold(names: readonly string[]): string {
	return names.map((name) => `**${name}**`).join(', ');
}

/**
 * Why a post failed and what fixes it, in the words every admin message uses. `then` says what
 * happens once the access is fixed: the bot retries by itself, or the admin runs post-now again.
 */
export function describePostFailure(
	failure: PostFailure,
	channelId: string,
	then: 'retries' | 'run-post-now' = 'retries',
): string {
	const after =
		then === 'retries' ? 'I try again as soon as the channel or a role changes.' : 'then run `/quiz post-now` again.';
	switch (failure.kind) {
		case 'missing-access':
			return failure.missing.length > 0
				? `I could not post in <#${channelId}>: I am missing ${bold(failure.missing)} there. Give studybot ${bold(failure.missing)} in that channel (Edit Channel → Permissions); ${after}`
				: `I could not post in <#${channelId}>: Discord says I am not allowed to. Give studybot **View Channel**, **Send Messages** and **Embed Links** in that channel; ${after}`;
		case 'channel-gone':
			return 'I could not post: the quiz channel no longer exists. Run `/quiz setup` with another channel.';
		case 'rejected':
			return `I could not post in <#${channelId}>: Discord refused the question (${escapeText(truncate(failure.detail, 200))}).`;
		case 'temporary':
			return `I could not post in <#${channelId}> yet: Discord did not answer (${escapeText(truncate(failure.detail, 200))}).`;
	}
}

function retryText(recorded: RecordedPostFailure): string {
	if (recorded.failure.kind === 'temporary') {
		return recorded.retryAt === undefined
			? 'I stopped retrying for now: run `/quiz post-now` to try again.'
			: `Next try <t:${Math.floor(recorded.retryAt.getTime() / 1000)}:R>.`;
	}
	return recorded.failure.kind === 'channel-gone' ? '' : 'Or run `/quiz post-now` once it is fixed.';
}

function todayLine(settings: QuizSettings, round: QuizOverview['todaysRound']): string {
	if (round === undefined) {
		return 'Not posted yet.';
	}
	if (round.messageId !== null) {
		return `[Posted](${messageLink(settings.guildId, round.channelId, round.messageId)}); ${round.answers} ${round.answers === 1 ? 'answer' : 'answers'}; ${round.closedAt === null ? `closes ${when(round.closesAt)}` : 'closed'}.`;
	}
	if (round.lastFailure === undefined) {
		return 'Being posted.';
	}
	const failedAt = Math.floor(round.lastFailure.at.getTime() / 1000);
	return `⚠️ Not posted: failed <t:${failedAt}:R>. ${describePostFailure(round.lastFailure.failure, round.channelId)} ${retryText(round.lastFailure)}`.trim();
}

/** The message the admins get in the channel where they set the quiz up when a post fails for good. */
export function renderPostFailureReport(settings: QuizSettings, round: QuizRound, failure: PostFailure): ChannelPost {
	return {
		embeds: [
			fitEmbed({
				title: '⚠️ Today’s quiz question was not posted',
				description: `${describePostFailure(failure, settings.channelId)}

Run \`/quiz status\` to see where it stands.`,
				color: COLOURS.warning,
				footer: { text: `Round of ${round.localDate} · shown to this channel once` },
			}),
		],
		components: [],
		allowedRoleIds: [],
	};
}

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
	const today = todayLine(settings, todaysRound);
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
			return renderProblem(NOT_SET_UP);
		case 'disabled':
			return renderProblem(DISABLED);
		case 'cannot-post':
			return renderProblem(
				describePostFailure(
					{ kind: 'missing-access', missing: outcome.missing },
					outcome.settings.channelId,
					'run-post-now',
				),
			);
		case 'already-posted':
			return renderNotice(
				`Today’s question (${outcome.round.localDate}, ${outcome.settings.timezone}) is already [posted](${messageLink(outcome.settings.guildId, outcome.round.channelId, outcome.round.messageId)}).`,
			);
		case 'posted':
			return renderNotice(
				`Today’s question is [posted](${messageLink(outcome.settings.guildId, outcome.round.channelId, outcome.round.messageId)}) in <#${outcome.settings.channelId}>.`,
			);
		case 'failed':
			return renderProblem(describePostFailure(outcome.failure, outcome.settings.channelId));
		case 'still-posting':
			return renderNotice(
				`Today’s question is on its way to <#${outcome.settings.channelId}> but is not out yet${outcome.retryAt === undefined ? '' : `: Discord did not answer, next try <t:${Math.floor(outcome.retryAt.getTime() / 1000)}:R>`}. \`/quiz status\` shows where it stands.`,
			);
	}
}
