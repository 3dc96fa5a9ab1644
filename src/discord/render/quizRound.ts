import { ButtonStyle, type APIEmbed } from 'discord.js';
import type { NoteSection } from '../../notes/types.js';
import type { AnswerOutcome, QuizRound, RoundStats } from '../../quiz/rounds.js';
import type { Question } from '../../quiz/questionBank.js';
import { encodeCustomId } from '../customId.js';
import { escapeText } from './escape.js';
import { fitEmbed } from './limits.js';
import { button, COLOURS, renderProblem, row, type RenderedMessage } from './message.js';

export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;

/** A message posted to a channel by the worker, with exactly the mentions it may make. */
export interface ChannelPost {
	readonly content?: string;
	readonly embeds: readonly APIEmbed[];
	readonly components: RenderedMessage['components'];
	readonly allowedRoleIds: readonly string[];
}

function shownOptions(question: Question, round: QuizRound): string[] {
	return round.optionOrder.map(
		(optionIndex, shown) => `**${OPTION_LETTERS[shown] ?? '?'}.** ${escapeText(question.options[optionIndex] ?? '')}`,
	);
}

const BAR_WIDTH = 10;

/** A small bar for a share: `▰▰▰▱▱▱▱▱▱▱`. */
function bar(share: number): string {
	const filled = Math.round(share * BAR_WIDTH);
	return `${'▰'.repeat(filled)}${'▱'.repeat(BAR_WIDTH - filled)}`;
}

/** Each option as shown, with how many picked it and the share of all answers. */
function optionsWithPicks(question: Question, round: QuizRound, stats: RoundStats): string[] {
	return shownOptions(question, round).map((line, shown) => {
		const picks = stats.picks[shown] ?? 0;
		const share = stats.answers === 0 ? 0 : picks / stats.answers;
		return `${line}
${bar(share)} ${picks} · ${Math.round(100 * share)}%`;
	});
}

function shownAnswer(question: Question, round: QuizRound, shown: number): string {
	const optionIndex = round.optionOrder[shown];
	return `**${OPTION_LETTERS[shown] ?? '?'}.** ${escapeText(optionIndex === undefined ? '' : (question.options[optionIndex] ?? ''))}`;
}

function discordTime(date: Date, style: 'R' | 'f'): string {
	return `<t:${Math.floor(date.getTime() / 1000)}:${style}>`;
}

function answerButtons(round: QuizRound, reveal?: { correctShown: number }) {
	return row(
		round.optionOrder.map((_, shown) =>
			button(
				encodeCustomId({ feature: 'quiz', action: 'answer', roundId: round.id, choice: shown }),
				OPTION_LETTERS[shown] ?? '?',
				{
					style: reveal?.correctShown === shown ? ButtonStyle.Success : ButtonStyle.Primary,
					disabled: reveal !== undefined,
				},
			),
		),
	);
}

/** The daily question as posted: prompt, lettered options, topic, when it closes, one button per option. */
export function renderQuizPost(question: Question, round: QuizRound, roleId: string | null): ChannelPost {
	const { closesAt } = round;
	return {
		...(roleId === null ? {} : { content: `<@&${roleId}> today's question is up!` }),
		embeds: [
			fitEmbed({
				title: '📚 Question of the day',
				description: `${escapeText(question.prompt)}\n\n${shownOptions(question, round).join('\n')}`,
				color: COLOURS.brand,
				fields: [
					{ name: 'Topic', value: escapeText(question.topic), inline: true },
					{ name: 'Closes', value: `${discordTime(closesAt, 'R')} (${discordTime(closesAt, 'f')})`, inline: true },
				],
				footer: { text: `Answer with a button: only you see the result. · ${round.localDate}` },
			}),
		],
		components: [answerButtons(round)],
		allowedRoleIds: roleId === null ? [] : [roleId],
	};
}

/** The same message once closed: the answer revealed, the explanation, and how the guild did. */
export function renderQuizReveal(question: Question, round: QuizRound, stats: RoundStats): ChannelPost {
	const correctShown = round.optionOrder.indexOf(question.correctIndex);
	const share = stats.answers === 0 ? 0 : Math.round((100 * stats.correct) / stats.answers);
	return {
		embeds: [
			fitEmbed({
				title: '📚 Question of the day (closed)',
				description: `${escapeText(question.prompt)}\n\n${(stats.answers > 0 ? optionsWithPicks(question, round, stats) : shownOptions(question, round)).join('\n')}`,
				color: COLOURS.info,
				fields: [
					{
						name: 'Answer',
						value: `**${OPTION_LETTERS[correctShown] ?? '?'}.** ${escapeText(question.options[question.correctIndex] ?? '')}`,
					},
					{ name: 'Why', value: escapeText(question.explanation) },
					{
						name: 'Results',
						value:
							stats.answers === 0
								? 'Nobody answered this one.'
								: `${stats.answers} ${stats.answers === 1 ? 'member' : 'members'} answered; ${share}% got it right.`,
					},
				],
				footer: { text: `Topic: ${question.topic} · ${round.localDate}` },
			}),
		],
		components: [answerButtons(round, { correctShown })],
		allowedRoleIds: [],
	};
}

function noteButton(section: NoteSection | undefined) {
	return section
		? [
				row([
					button(
						encodeCustomId({ feature: 'note', action: 'open', sectionId: section.id, passage: 0 }),
						'Open the note',
						{ emoji: '📖' },
					),
				]),
			]
		: [];
}

/** The private reply to a click. */
export function renderAnswerFeedback(outcome: AnswerOutcome, section: NoteSection | undefined): RenderedMessage {
	switch (outcome.status) {
		case 'unknown-round':
			return renderProblem('This question is not known here (it may be from another server or an old message).');
		case 'invalid-choice':
			return renderProblem('That answer is not one of this question’s options.');
		case 'closed':
			return renderProblem('This question is closed: answers are no longer counted. The next one comes tomorrow!');
		case 'already-answered':
			return renderProblem(
				`You already answered this question${outcome.picked === undefined ? '' : ` (you picked ${shownAnswer(outcome.question, outcome.round, outcome.picked)})`}; your first answer counts.`,
			);
		case 'recorded': {
			const { question, round } = outcome;
			const correctShown = round.optionOrder.indexOf(question.correctIndex);
			const answer = shownAnswer(question, round, correctShown);
			const picked = `You picked ${shownAnswer(question, round, outcome.picked)}.`;
			return {
				embeds: [
					fitEmbed({
						title: outcome.correct ? `✅ Correct! +${outcome.points} points` : '❌ Not quite',
						description: `${outcome.correct ? picked : `${picked}\nThe right answer is ${answer}.`}\n\n${escapeText(question.explanation)}`,
						color: outcome.correct ? 0x57f287 : COLOURS.error,
						...(section ? { footer: { text: `From the notes: ${section.breadcrumb.join(' › ')}` } } : {}),
					}),
				],
				components: noteButton(section),
				ephemeral: true,
			};
		}
	}
}
