import { ButtonStyle, type APIEmbed } from 'discord.js';
import type { NoteSection } from '../../notes/types.js';
import { DOMAIN_LABEL, EXAM_DOMAINS } from '../../quiz/questionBank.js';
import type { Leech } from '../../study/leeches.js';
import type {
	DueCounts,
	SessionFeedback,
	SessionQuestion,
	SessionSummary,
	StartPracticeOutcome,
	StartReviewOutcome,
} from '../../study/practiceSessions.js';
import type { SetReminderOutcome } from '../../study/reminders.js';
import type { StudyProgress } from '../../study/studyProgress.js';
import type { StudyFootprint } from '../../study/studyStore.js';
import { encodeCustomId } from '../customId.js';
import { escapeText } from './escape.js';
import { DISCORD_LIMITS, fitEmbed, truncate } from './limits.js';
import { button, buttonRows, COLOURS, renderProblem, row, type RenderedMessage } from './message.js';
import { answerControls, correctShown, optionLines, optionsAt, whyFields } from './questionView.js';
import { openNoteButton, type ChannelPost } from './quizRound.js';

const RIGHT = 0x57f287;

function discordTime(date: Date, style: 'R' | 't' | 'f'): string {
	return `<t:${Math.floor(date.getTime() / 1000)}:${style}>`;
}

function sessionLabel(current: Pick<SessionQuestion, 'session' | 'position' | 'count'>): string {
	const noun = current.session.kind === 'review' ? 'Review' : 'Practice';
	return `${noun} · question ${String(current.position + 1)} of ${String(current.count)}`;
}

function dueLine(due: DueCounts): string {
	const later = due.dueLaterToday > 0 ? `, ${String(due.dueLaterToday)} more later today` : '';
	return `${String(due.dueNow)} ${due.dueNow === 1 ? 'card is' : 'cards are'} due now${later}.`;
}

/** A session's question: the prompt, its options, and buttons (or a menu) to answer. */
export function renderSessionQuestion(current: SessionQuestion, notice?: string): RenderedMessage {
	const { session, position, question, order } = current;
	const view = { question, order };
	const multi = question.correct.length > 1;
	return {
		embeds: [
			fitEmbed({
				author: { name: sessionLabel(current) },
				description: `${notice === undefined ? '' : `${notice}\n\n`}${escapeText(question.prompt)}\n\n${optionLines(view).join('\n')}`,
				color: COLOURS.brand,
				footer: {
					text: `${DOMAIN_LABEL[question.domain]} · ${question.topic}${multi ? ' · pick them in the menu' : ''}`,
				},
			}),
		],
		components: answerControls(view, {
			button: (shown) =>
				encodeCustomId({ feature: 'study', action: 'answer', sessionId: session.id, position, choice: shown }),
			menu: encodeCustomId({ feature: 'study', action: 'pick', sessionId: session.id, position }),
		}),
		ephemeral: true,
	};
}

/** After an answer: right or wrong, the right options, why each option is or is not, the note, Next. */
export function renderSessionFeedback(feedback: SessionFeedback, section: NoteSection | undefined): RenderedMessage {
	const { session, position, count, question, order, picked, correct } = feedback;
	const view = { question, order };
	const last = position + 1 >= count;
	const leech = feedback.becameLeech
		? '\n\n🩹 You have missed this one 8 times: it is now a **leech**, left out of reviews. Re-read its note; `/review leeches` lists it and puts it back.'
		: '';
	return {
		embeds: [
			fitEmbed({
				author: { name: sessionLabel(feedback) },
				title: correct ? '✅ Correct' : '❌ Not quite',
				description: `${escapeText(question.prompt)}\n\nYou picked ${optionsAt(view, picked)}.${correct ? '' : `\nThe right answer is ${optionsAt(view, correctShown(view))}.`}\n\n${escapeText(question.explanation)}${leech}`,
				color: correct ? RIGHT : COLOURS.error,
				fields: whyFields(view, picked),
				...(section ? { footer: { text: `From the notes: ${section.breadcrumb.join(' › ')}` } } : {}),
			}),
		],
		components: [
			row([
				button(
					encodeCustomId({ feature: 'study', action: 'next', sessionId: session.id, position: position + 1 }),
					last ? 'See the results' : 'Next question',
					{ style: ButtonStyle.Primary },
				),
				...(section ? [openNoteButton(section.id)] : []),
			]),
		],
		ephemeral: true,
	};
}

function minutesAndSeconds(milliseconds: number): string {
	const seconds = Math.round(milliseconds / 1000);
	return `${String(Math.floor(seconds / 60))} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** The end of a session: the score, the time, each topic, and what to re-read. */
export function renderSessionSummary(
	summary: SessionSummary,
	sectionOf: (id: string) => NoteSection | undefined,
): RenderedMessage {
	const { answered, correct } = summary;
	const share = answered === 0 ? 0 : Math.round((100 * correct) / answered);
	const topics = summary.byTopic
		.map((topic) => `${escapeText(topic.topic)}: ${String(topic.correct)}/${String(topic.answered)}`)
		.join('\n');
	const missed = summary.missed
		.map((question) => {
			const section = sectionOf(question.sectionId);
			return `• ${escapeText(truncate(question.prompt, 90))}${section ? ` → ${escapeText(section.title)}` : ''}`;
		})
		.join('\n');
	const fields: NonNullable<APIEmbed['fields']> = [
		{ name: 'Score', value: `${String(correct)} of ${String(answered)} (${String(share)}%)`, inline: true },
		{ name: 'Time', value: minutesAndSeconds(summary.durationMs), inline: true },
		{ name: 'By topic', value: truncate(topics || '—', DISCORD_LIMITS.fieldValue) },
	];
	if (missed !== '') {
		fields.push({ name: 'To review', value: truncate(missed, DISCORD_LIMITS.fieldValue) });
	}
	fields.push({ name: 'Spaced review', value: `${dueLine(summary.due)} Run \`/review start\` when some are due.` });
	const sections = [...new Set(summary.missed.map((question) => question.sectionId))]
		.flatMap((id) => sectionOf(id) ?? [])
		.slice(0, 5);
	return {
		embeds: [
			fitEmbed({
				title: summary.session.kind === 'review' ? '🗂️ Review done' : '🏁 Practice done',
				color: share >= 72 ? RIGHT : COLOURS.info,
				fields,
				footer: { text: 'Every answer updates your cards: misses come back soon, known ones later.' },
			}),
		],
		components: buttonRows(
			sections.map((section) =>
				button(encodeCustomId({ feature: 'note', action: 'open', sectionId: section.id, passage: 0 }), section.title, {
					emoji: '📖',
				}),
			),
		),
		ephemeral: true,
	};
}

export function renderPracticeStart(outcome: StartPracticeOutcome): RenderedMessage {
	return outcome.status === 'started' ? renderSessionQuestion(outcome.current) : renderProblem(outcome.problem);
}

/** `/review start`: the first due card, or when the next one comes due. */
export function renderReviewStart(outcome: StartReviewOutcome): RenderedMessage {
	if (outcome.status === 'started') {
		return renderSessionQuestion(outcome.current, `🗂️ ${dueLine(outcome.due)}`);
	}
	const { due } = outcome;
	const next =
		due.nextDue === undefined
			? 'You have no cards yet: every answer you give (the daily question, `/practice`) makes one.'
			: `The next card is due ${discordTime(due.nextDue, 'R')}${due.dueLaterToday > 0 ? ` (${String(due.dueLaterToday)} later today)` : ''}.`;
	return {
		embeds: [
			fitEmbed({
				title: '🗂️ Nothing to review right now',
				description: `${next} Meanwhile, \`/practice\` takes questions you have not seen.`,
				color: COLOURS.info,
			}),
		],
		components: [],
		ephemeral: true,
	};
}

/** `/review leeches`: the cards missed too often, each with its note and a way back into review. */
export function renderLeeches(
	leeches: readonly Leech[],
	sectionOf: (id: string) => NoteSection | undefined,
): RenderedMessage {
	if (leeches.length === 0) {
		return {
			embeds: [
				fitEmbed({ title: '🩹 No leeches', description: 'No card of yours has lapsed 8 times.', color: COLOURS.info }),
			],
			components: [],
			ephemeral: true,
		};
	}
	const shown = leeches.slice(0, 5);
	return {
		embeds: [
			fitEmbed({
				title: `🩹 Leeches: ${String(leeches.length)}`,
				description: 'Cards you have missed 8 times are left out of reviews: re-read their note, then put them back.',
				color: COLOURS.warning,
				fields: shown.map((leech, position) => {
					const section = sectionOf(leech.question.sectionId);
					return {
						name: truncate(`${String(position + 1)}. ${leech.question.prompt}`, DISCORD_LIMITS.fieldName),
						value: `${String(leech.lapses)} lapses · suspended ${discordTime(leech.suspendedAt, 'R')}${section ? ` · note: ${escapeText(section.title)}` : ''}`,
					};
				}),
				...(leeches.length > shown.length
					? { footer: { text: `The ${String(shown.length)} most recent of ${String(leeches.length)}.` } }
					: {}),
			}),
		],
		components: shown.map((leech, position) =>
			row([
				button(
					encodeCustomId({ feature: 'review', action: 'unsuspend', questionId: leech.question.id }),
					`Put ${String(position + 1)} back`,
					{ style: ButtonStyle.Primary },
				),
				openNoteButton(leech.question.sectionId),
			]),
		),
		ephemeral: true,
	};
}

export function renderReminderSet(outcome: SetReminderOutcome): RenderedMessage {
	switch (outcome.status) {
		case 'invalid-time':
			return renderProblem(`“${outcome.time}” is not a time: use the 24-hour clock, for example \`08:30\`.`);
		case 'invalid-time-zone':
			return renderProblem(
				`“${outcome.timezone}” is not a time zone I know.${outcome.suggestions.length > 0 ? ` Did you mean ${outcome.suggestions.map((zone) => `\`${zone}\``).join(', ')}?` : ''} Pick one as you type.`,
			);
		case 'set':
			return {
				embeds: [
					fitEmbed({
						title: '⏰ Review reminder set',
						description: `Every day at ${outcome.time} (${escapeText(outcome.timezone)}), if cards are due, I send you a DM: the first one ${discordTime(outcome.nextAt, 'R')}. No DM on days with nothing due. \`/review remind-off\` stops it.`,
						color: COLOURS.info,
						footer: { text: 'Allow direct messages from this server’s members (or from the app) to receive it.' },
					}),
				],
				components: [],
				ephemeral: true,
			};
	}
}

/** The reminder DM. */
export function renderReviewReminder(dueCards: number): ChannelPost {
	return {
		content: `🗂️ ${String(dueCards)} ${dueCards === 1 ? 'card is' : 'cards are'} due for review — run \`/review start\`. (\`/review remind-off\` stops these reminders.)`,
		embeds: [],
		components: [],
		allowedRoleIds: [],
	};
}

function percent(correct: number, answers: number): string {
	return answers === 0 ? '—' : `${String(Math.round((100 * correct) / answers))}% of ${String(answers)}`;
}

/** `/stats me`: the member's own study, wherever they are. */
export function studyProgressEmbed(progress: StudyProgress): APIEmbed {
	const byDomain = EXAM_DOMAINS.map((domain) => {
		const found = progress.byDomain.find((entry) => entry.domain === domain);
		return `${DOMAIN_LABEL[domain]}: ${percent(found?.correct ?? 0, found?.answers ?? 0)}`;
	}).join('\n');
	return fitEmbed({
		title: '🧠 Your study',
		color: COLOURS.brand,
		fields: [
			{
				name: 'Cards',
				value: `${String(progress.cards)} (${String(progress.unseen)} questions not seen yet)`,
				inline: true,
			},
			{ name: 'Due', value: dueLine(progress.due), inline: true },
			{ name: 'Leeches', value: String(progress.leeches), inline: true },
			{ name: 'Last 30 days', value: percent(progress.recent.correct, progress.recent.answers), inline: true },
			{ name: 'By exam domain (every answer)', value: byDomain },
		],
		footer: { text: 'Across every server and DM: practice and reviews never change a server’s leaderboard.' },
	});
}

function footprintLines(footprint: StudyFootprint): string {
	return [
		`• ${String(footprint.cards)} review cards and ${String(footprint.reviews)} review log entries (every answer, rating and schedule)`,
		`• ${String(footprint.sessions)} practice and review sessions, with their answers`,
		`• ${footprint.reminder ? 'a daily review reminder (time and time zone)' : 'no reminder'}`,
		`• ${String(footprint.quizAnswers)} daily quiz answers, and points in ${String(footprint.servers)} ${footprint.servers === 1 ? 'server' : 'servers'} (with the name you were last seen with)`,
	].join('\n');
}

/** `/privacy`: what the bot holds about the member, and the way to delete it. */
export function renderPrivacy(footprint: StudyFootprint): RenderedMessage {
	return {
		embeds: [
			fitEmbed({
				title: '🔒 What studybot holds about you',
				description: `${footprintLines(footprint)}\n\nNothing else: no messages, no other servers' data. Search queries are kept without who asked.`,
				color: COLOURS.info,
				footer: { text: 'Deleting takes everything above, in every server; it cannot be undone.' },
			}),
		],
		components: [
			row([
				button(encodeCustomId({ feature: 'privacy', action: 'delete' }), 'Delete my data', {
					style: ButtonStyle.Danger,
				}),
			]),
		],
		ephemeral: true,
	};
}

export function renderPrivacyConfirm(footprint: StudyFootprint): RenderedMessage {
	return {
		embeds: [
			fitEmbed({
				title: '⚠️ Delete everything?',
				description: `${footprintLines(footprint)}\n\nYou leave every leaderboard (those below you move up a place), and your answers no longer count in round statistics. This cannot be undone.`,
				color: COLOURS.warning,
			}),
		],
		components: [
			row([
				button(encodeCustomId({ feature: 'privacy', action: 'confirm' }), 'Yes, delete it all', {
					style: ButtonStyle.Danger,
				}),
				button(encodeCustomId({ feature: 'privacy', action: 'cancel' }), 'Keep my data'),
			]),
		],
		ephemeral: true,
	};
}

export function renderForgotten(deleted: StudyFootprint): RenderedMessage {
	return {
		embeds: [
			fitEmbed({
				title: '🗑️ Deleted',
				description: `Deleted ${String(deleted.cards)} cards, ${String(deleted.reviews)} review log entries, ${String(deleted.sessions)} sessions, ${deleted.reminder ? 'your reminder, ' : ''}${String(deleted.quizAnswers)} quiz answers and your points in ${String(deleted.servers)} ${deleted.servers === 1 ? 'server' : 'servers'}. Using the bot again starts afresh.`,
				color: COLOURS.info,
			}),
		],
		components: [],
		ephemeral: true,
	};
}
