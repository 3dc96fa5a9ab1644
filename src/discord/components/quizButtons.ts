import type { ButtonInteraction } from 'discord.js';
import { recordAnswer } from '../../quiz/rounds.js';
import type { BotContext } from '../context.js';
import type { CustomId } from '../customId.js';
import { renderAnswerFeedback } from '../render/quizRound.js';
import { replyWhenReady } from '../respond.js';

type QuizCustomId = Extract<CustomId, { feature: 'quiz' }>;

/** A member answers the daily question: recorded once, answered privately (within Discord's window). */
export async function handleQuizButton(
	interaction: ButtonInteraction,
	id: QuizCustomId,
	context: BotContext,
): Promise<void> {
	const { quiz, index } = context;
	await replyWhenReady(interaction, true, async () => {
		const outcome = await recordAnswer(
			quiz.prisma,
			quiz.questions,
			{
				roundId: id.roundId,
				guildId: interaction.guildId,
				userId: interaction.user.id,
				displayName:
					interaction.member && 'displayName' in interaction.member
						? interaction.member.displayName
						: interaction.user.displayName,
				shownIndex: id.choice,
				now: quiz.clock(),
			},
			quiz.readRound,
		);
		const section = 'question' in outcome ? index.getSection(outcome.question.sectionId) : undefined;
		return renderAnswerFeedback(outcome, section);
	});
}
