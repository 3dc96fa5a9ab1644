import { ButtonStyle, type APIEmbed } from 'discord.js';
import type { NoteSection } from '../../notes/types.js';
import type { Leaderboard, LeaderboardRow } from '../../scores/leaderboard.js';
import type { MemberProgress } from '../../scores/memberProgress.js';
import { accuracy, PERIOD_LABEL, PERIODS } from '../../scores/rules.js';
import { encodeCustomId } from '../customId.js';
import { escapeText } from './escape.js';
import { fitEmbed, truncate } from './limits.js';
import { button, COLOURS, pagingButtons, row, type RenderedMessage } from './message.js';

function percent(correct: number, answers: number): string {
	return `${Math.round(100 * accuracy(correct, answers))}%`;
}

function line(entry: LeaderboardRow): string {
	const streak = entry.streak > 0 ? ` · 🔥 ${entry.streak}` : '';
	return `**${entry.rank}.** ${escapeText(truncate(entry.name, 40))} — **${entry.points}** pts · ${percent(entry.correct, entry.answers)}${streak}`;
}

function boardEmbed(board: Leaderboard, withReader: boolean): APIEmbed {
	const page = Math.min(board.page, board.pageCount - 1);
	const you = board.reader
		? line(board.reader)
		: `No answers ${board.period === 'all' ? 'yet' : board.period === 'week' ? 'this week yet' : 'this month yet'}: answer today’s question to get on the board!`;
	return fitEmbed({
		title: `🏆 Leaderboard · ${PERIOD_LABEL[board.period]}`,
		description: board.rows.length > 0 ? board.rows.map(line).join('\n') : 'Nobody has points in this period yet.',
		color: COLOURS.brand,
		...(withReader ? { fields: [{ name: 'You', value: you }] } : {}),
		footer: {
			text: `Page ${page + 1}/${board.pageCount} · ${board.members} ${board.members === 1 ? 'member' : 'members'}`,
		},
	});
}

/** Ten members a page, with the reader's own line wherever they stand, and buttons to page, switch period and share. */
export function renderLeaderboard(board: Leaderboard): RenderedMessage {
	const page = Math.min(board.page, board.pageCount - 1);
	return {
		embeds: [boardEmbed(board, true)],
		components: [
			row(
				pagingButtons(page, board.pageCount, (target) =>
					encodeCustomId({ feature: 'leaderboard', action: 'page', period: board.period, page: target }),
				),
			),
			row(
				PERIODS.map((period) =>
					button(encodeCustomId({ feature: 'leaderboard', action: 'period', period, page: 0 }), PERIOD_LABEL[period], {
						style: period === board.period ? ButtonStyle.Primary : ButtonStyle.Secondary,
						disabled: period === board.period,
					}),
				),
			),
			row([
				button(
					encodeCustomId({ feature: 'leaderboard', action: 'share', period: board.period, page }),
					'Share in channel',
					{ emoji: '📣', style: ButtonStyle.Primary },
				),
			]),
		],
		ephemeral: true,
	};
}

/** The same page for everyone, without the sharer's own line, saying who shared it (the mention pings nobody). */
export function renderSharedLeaderboard(board: Leaderboard, sharedByUserId: string): RenderedMessage {
	return {
		content: `📣 Shared by <@${sharedByUserId}>`,
		embeds: [boardEmbed(board, false)],
		components: [],
		ephemeral: false,
	};
}

function statsEmbed(progress: MemberProgress, sectionOf: (sectionId: string) => NoteSection | undefined): APIEmbed {
	const totals = progress.allTime;
	const ranks = PERIODS.map(
		(period) => `${PERIOD_LABEL[period]}: ${progress.ranks[period] ? `#${progress.ranks[period].rank}` : '—'}`,
	).join(' · ');
	const topics = progress.topics.map(
		(topic) =>
			`${escapeText(topic.topic)}: ${topic.correct}/${topic.answers} (${percent(topic.correct, topic.answers)})`,
	);
	const advice = progress.weakest.map((topic) => {
		const section = topic.lastWrongSectionId === undefined ? undefined : sectionOf(topic.lastWrongSectionId);
		return `${escapeText(topic.topic)} (${percent(topic.correct, topic.answers)})${section ? ` → \`/note topic:${section.title}\`` : ''}`;
	});
	return fitEmbed({
		title: `📈 ${escapeText(truncate(progress.name, 80))}`,
		color: COLOURS.info,
		fields: [
			{ name: 'Points', value: String(totals?.points ?? 0), inline: true },
			{ name: 'Answers', value: String(totals?.answers ?? 0), inline: true },
			{ name: 'Accuracy', value: percent(totals?.correct ?? 0, totals?.answers ?? 0), inline: true },
			{ name: 'Streak', value: `🔥 ${totals?.streak ?? 0} now · best ${progress.bestStreak}`, inline: true },
			{ name: 'Rank', value: ranks },
			{ name: 'By topic', value: topics.length > 0 ? topics.join('\n') : 'No answers yet.' },
			...(advice.length > 0 ? [{ name: 'Worth revising', value: advice.join('\n') }] : []),
		],
	});
}

/** A member's progress, privately, with a button to share it. */
export function renderStats(
	progress: MemberProgress,
	sectionOf: (sectionId: string) => NoteSection | undefined,
): RenderedMessage {
	return {
		embeds: [statsEmbed(progress, sectionOf)],
		components: [
			row([
				button(encodeCustomId({ feature: 'stats', action: 'share', userId: progress.userId }), 'Share in channel', {
					emoji: '📣',
					style: ButtonStyle.Primary,
				}),
			]),
		],
		ephemeral: true,
	};
}

export function renderSharedStats(
	progress: MemberProgress,
	sectionOf: (sectionId: string) => NoteSection | undefined,
	sharedByUserId: string,
): RenderedMessage {
	return {
		content: `📣 Shared by <@${sharedByUserId}>`,
		embeds: [statsEmbed(progress, sectionOf)],
		components: [],
		ephemeral: false,
	};
}
