import type { ButtonInteraction, StringSelectMenuInteraction } from 'discord.js';
import type { SessionAnswerOutcome, NextQuestionOutcome } from '../../study/practiceSessions.js';
import type { BotContext } from '../context.js';
import { shownPicks } from './menuPicks.js';
import type { CustomId } from '../customId.js';
import { renderProblem, type RenderedMessage } from '../render/message.js';
import {
	renderForgotten,
	renderPrivacy,
	renderPrivacyConfirm,
	renderSessionFeedback,
	renderSessionQuestion,
	renderSessionSummary,
} from '../render/study.js';
import { replyOptions, updateWhenReady } from '../respond.js';

type StudyCustomId = Extract<CustomId, { feature: 'study' }>;

const NOT_YOURS = 'This session belongs to someone else: start your own with `/practice` or `/review start`.';
const UNKNOWN_SESSION = 'This session is not known any more. Start a new one with `/practice` or `/review start`.';

function answerView(outcome: SessionAnswerOutcome, context: BotContext): RenderedMessage {
	switch (outcome.status) {
		case 'answered':
		case 'already-answered':
			return renderSessionFeedback(outcome.feedback, context.index.getSection(outcome.feedback.question.sectionId));
		case 'moved-on':
			return outcome.current ? renderSessionQuestion(outcome.current) : renderProblem(UNKNOWN_SESSION);
		case 'invalid-choice':
			return renderProblem('That answer is not one of this question’s options (or not as many as it asks for).');
		case 'not-yours':
			return renderProblem(NOT_YOURS);
		case 'unknown':
			return renderProblem(UNKNOWN_SESSION);
	}
}

function nextView(outcome: NextQuestionOutcome, context: BotContext): RenderedMessage {
	switch (outcome.status) {
		case 'question':
			return renderSessionQuestion(outcome.current);
		case 'not-answered':
			return renderSessionQuestion(outcome.current, 'Answer this one first.');
		case 'summary':
			return renderSessionSummary(outcome.summary, (id) => context.index.getSection(id));
		case 'not-yours':
			return renderProblem(NOT_YOURS);
		case 'unknown':
			return renderProblem(UNKNOWN_SESSION);
	}
}

/**
 * A practice or review session, one message updated in place: an answer shows its feedback,
 * Next the next question or the summary. Someone else's session (a forged id) is refused.
 */
export async function handleStudyComponent(
	interaction: ButtonInteraction | StringSelectMenuInteraction,
	id: StudyCustomId,
	context: BotContext,
): Promise<void> {
	const who = { sessionId: id.sessionId, userId: interaction.user.id, position: id.position };
	if (id.action === 'next') {
		const outcome = await context.study.next(who);
		if (outcome.status === 'not-yours' || outcome.status === 'unknown') {
			await interaction.reply(replyOptions(nextView(outcome, context)));
			return;
		}
		await updateWhenReady(interaction, () => Promise.resolve(nextView(outcome, context)));
		return;
	}
	await updateWhenReady(interaction, async () =>
		answerView(await context.study.answer({ ...who, shown: shownPicks(interaction, id) }), context),
	);
}

/** `/review leeches`' "Put back" button. */
export async function handleReviewButton(
	interaction: ButtonInteraction,
	id: Extract<CustomId, { feature: 'review' }>,
	{ study }: BotContext,
): Promise<void> {
	const outcome = await study.unsuspend(interaction.user.id, id.questionId);
	const text =
		outcome.status === 'unsuspended'
			? '✅ Back in review, due now: `/review start` to take it.'
			: outcome.status === 'not-suspended'
				? 'That card is not suspended (any more).'
				: 'That card is not known: it may have been deleted.';
	await interaction.reply(replyOptions(renderProblem(text)));
}

/** `/privacy`: Delete asks to confirm; Confirm deletes everything; Keep leaves it all. */
export async function handlePrivacyButton(
	interaction: ButtonInteraction,
	id: Extract<CustomId, { feature: 'privacy' }>,
	{ study }: BotContext,
): Promise<void> {
	const userId = interaction.user.id;
	await updateWhenReady(interaction, async () => {
		switch (id.action) {
			case 'delete':
				return renderPrivacyConfirm(await study.footprint(userId));
			case 'confirm':
				return renderForgotten(await study.forget(userId));
			case 'cancel':
				return renderPrivacy(await study.footprint(userId));
		}
	});
}
