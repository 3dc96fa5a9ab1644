import type { ButtonInteraction, StringSelectMenuInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { shownPicks } from './menuPicks.js';
import type { CustomId } from '../customId.js';
import { renderAnswerFeedback } from '../render/quizRound.js';
import { replyWhenReady } from '../respond.js';

type QuizCustomId = Extract<CustomId, { feature: 'quiz' }>;

/** The name a member is shown with in this server, learnt from the click itself. */
function displayNameOf(interaction: ButtonInteraction | StringSelectMenuInteraction): string {
	return interaction.member && 'displayName' in interaction.member
		? interaction.member.displayName
		: interaction.user.displayName;
}

/**
 * A member answers the daily question, with a button (one answer) or the menu of a "Select
 * TWO/THREE" question: recorded once, answered privately (within Discord's window).
 */
export async function handleQuizAnswer(
	interaction: ButtonInteraction | StringSelectMenuInteraction,
	id: QuizCustomId,
	{ quiz, index }: BotContext,
): Promise<void> {
	await replyWhenReady(interaction, true, async () => {
		const outcome = await quiz.answer({
			roundId: id.roundId,
			guildId: interaction.guildId,
			userId: interaction.user.id,
			displayName: displayNameOf(interaction),
			shownIndices: shownPicks(interaction, id),
		});
		const section = 'question' in outcome ? index.getSection(outcome.question.sectionId) : undefined;
		return renderAnswerFeedback(outcome, section);
	});
}
