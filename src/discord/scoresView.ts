import type { Interaction } from 'discord.js';
import type { NoteSection } from '../notes/types.js';
import { getLeaderboard, type Leaderboard } from '../scores/leaderboard.js';
import { getMemberProgress, type MemberProgress } from '../scores/memberProgress.js';
import type { Period } from '../scores/rules.js';
import { getQuizSettings } from '../quiz/settings.js';
import type { BotContext } from './context.js';

/** The guild's time zone for periods: the quiz's, or UTC before the quiz is set up. */
async function timeZoneOf(context: BotContext, guildId: string): Promise<string> {
	return (await getQuizSettings(context.quiz.prisma, guildId))?.timezone ?? 'UTC';
}

export async function loadLeaderboard(
	context: BotContext,
	interaction: Interaction<'cached'>,
	period: Period,
	page: number,
): Promise<Leaderboard> {
	return getLeaderboard(context.quiz.prisma, {
		guildId: interaction.guildId,
		timeZone: await timeZoneOf(context, interaction.guildId),
		period,
		page,
		readerId: interaction.user.id,
		now: context.quiz.clock(),
	});
}

export async function loadProgress(
	context: BotContext,
	guildId: string,
	userId: string,
	fallbackName: string,
): Promise<{ progress: MemberProgress; sectionOf: (questionId: string | undefined) => NoteSection | undefined }> {
	const progress = await getMemberProgress(context.quiz.prisma, {
		guildId,
		userId,
		fallbackName,
		timeZone: await timeZoneOf(context, guildId),
		now: context.quiz.clock(),
	});
	const sectionOf = (questionId: string | undefined) => {
		const question = questionId === undefined ? undefined : context.quiz.questions.get(questionId);
		return question && context.index.getSection(question.sectionId);
	};
	return { progress, sectionOf };
}
