import type { APIEmbed } from 'discord.js';
import type { NoteSection } from '../../notes/types.js';
import type { AnswerOutcome, QuizRound, RoundStats } from '../../quiz/rounds.js';
import type { Question } from '../../quiz/questionBank.js';
import { encodeCustomId } from '../customId.js';
import { escapeText } from './escape.js';
import { fitEmbed } from './limits.js';
import { button, COLOURS, renderProblem, row, type RenderedMessage } from './message.js';
import { answerControls, correctShown, optionLines, optionsAt, whyFields, type ShownQuestion } from './questionView.js';

/** A message posted to a channel by the worker, with exactly the mentions it may make. */
export interface ChannelPost {
	readonly content?: string;
	readonly embeds: readonly APIEmbed[];
	readonly components: RenderedMessage['components'];
	readonly allowedRoleIds: readonly string[];
}

function viewOf(question: Question, round: QuizRound): ShownQuestion {
	return { question, order: round.optionOrder };
}

const BAR_WIDTH = 10;

/** A small bar for a share: `▰▰▰▱▱▱▱▱▱▱`. */
function bar(share: number): string {
	const filled = Math.round(share * BAR_WIDTH);
	return `${'▰'.repeat(filled)}${'▱'.repeat(BAR_WIDTH - filled)}`;
}

/** Each option as shown, with how many picked it and the share of all answers. */
function optionsWithPicks(view: ShownQuestion, stats: RoundStats): string[] {
	return optionLines(view).map((line, shown) => {
		const picks = stats.picks[shown] ?? 0;
		const share = stats.answers === 0 ? 0 : picks / stats.answers;
		return `${line}\n${bar(share)} ${picks} · ${Math.round(100 * share)}%`;
	});
}

function discordTime(date: Date, style: 'R' | 'f'): string {
	return `<t:${Math.floor(date.getTime() / 1000)}:${style}>`;
}

function controls(round: QuizRound, view: ShownQuestion, revealed: boolean) {
	return answerControls(
		view,
		{
			button: (shown) => encodeCustomId({ feature: 'quiz', action: 'answer', roundId: round.id, choice: shown }),
			menu: encodeCustomId({ feature: 'quiz', action: 'pick', roundId: round.id }),
		},
		revealed,
	);
}

/** The daily question as posted: prompt, lettered options, topic, when it closes, and how to answer. */
export function renderQuizPost(question: Question, round: QuizRound, roleId: string | null): ChannelPost {
	const { closesAt } = round;
	const view = viewOf(question, round);
	return {
		...(roleId === null ? {} : { content: `<@&${roleId}> today's question is up!` }),
		embeds: [
			fitEmbed({
				title: '📚 Question of the day',
				description: `${escapeText(question.prompt)}\n\n${optionLines(view).join('\n')}`,
				color: COLOURS.brand,
				fields: [
					{ name: 'Topic', value: escapeText(question.topic), inline: true },
					{ name: 'Closes', value: `${discordTime(closesAt, 'R')} (${discordTime(closesAt, 'f')})`, inline: true },
				],
				footer: {
					text: `${question.correct.length > 1 ? 'Answer with the menu' : 'Answer with a button'}: only you see the result. · ${round.localDate}`,
				},
			}),
		],
		components: controls(round, view, false),
		allowedRoleIds: roleId === null ? [] : [roleId],
	};
}

/** The same message once closed: the answer revealed, every option explained, and how the guild did. */
export function renderQuizReveal(question: Question, round: QuizRound, stats: RoundStats): ChannelPost {
	const view = viewOf(question, round);
	const share = stats.answers === 0 ? 0 : Math.round((100 * stats.correct) / stats.answers);
	return {
		embeds: [
			fitEmbed({
				title: '📚 Question of the day (closed)',
				description: `${escapeText(question.prompt)}\n\n${(stats.answers > 0 ? optionsWithPicks(view, stats) : optionLines(view)).join('\n')}`,
				color: COLOURS.info,
				fields: [
					{ name: question.correct.length > 1 ? 'Answers' : 'Answer', value: optionsAt(view, correctShown(view)) },
					{ name: 'Why', value: escapeText(question.explanation) },
					...whyFields(view),
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
		components: controls(round, view, true),
		allowedRoleIds: [],
	};
}

/** "Open the note": the section a question is drawn from, one click away. */
export function openNoteButton(sectionId: string) {
	return button(encodeCustomId({ feature: 'note', action: 'open', sectionId, passage: 0 }), 'Open the note', {
		emoji: '📖',
	});
}

function noteButton(section: NoteSection | undefined) {
	return section ? [row([openNoteButton(section.id)])] : [];
}

/** The private reply to an answer: what was picked, the right answer, and why each option is or is not. */
export function renderAnswerFeedback(outcome: AnswerOutcome, section: NoteSection | undefined): RenderedMessage {
	switch (outcome.status) {
		case 'unknown-round':
			return renderProblem('This question is not known here (it may be from another server or an old message).');
		case 'invalid-choice':
			return renderProblem('That answer is not one of this question’s options (or not as many as it asks for).');
		case 'closed':
			return renderProblem('This question is closed: answers are no longer counted. The next one comes tomorrow!');
		case 'already-answered':
			return renderProblem(
				`You already answered this question${outcome.picked === undefined ? '' : ` (you picked ${optionsAt(viewOf(outcome.question, outcome.round), outcome.picked)})`}; your first answer counts.`,
			);
		case 'recorded': {
			const view = viewOf(outcome.question, outcome.round);
			const picked = `You picked ${optionsAt(view, outcome.picked)}.`;
			const answer = optionsAt(view, correctShown(view));
			return {
				embeds: [
					fitEmbed({
						title: outcome.correct ? `✅ Correct! +${outcome.points} points` : '❌ Not quite',
						description: `${outcome.correct ? picked : `${picked}\nThe right answer is ${answer}.`}\n\n${escapeText(outcome.question.explanation)}`,
						color: outcome.correct ? 0x57f287 : COLOURS.error,
						fields: whyFields(view, outcome.picked),
						...(section ? { footer: { text: `From the notes: ${section.breadcrumb.join(' › ')}` } } : {}),
					}),
				],
				components: noteButton(section),
				ephemeral: true,
			};
		}
	}
}
