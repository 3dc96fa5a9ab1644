import type { BotContext } from '../../context.js';
import { getRoundFor } from '../../../quiz/rounds.js';
import type { QuizSettings } from '../../../quiz/settings.js';
import { localDate, nextOccurrence, parseLocalTime } from '../../../quiz/zonedTime.js';
import type { QuizOverview } from '../../render/quizAdmin.js';

/** What `/quiz status` and the confirmations show, read from Postgres. */
export async function loadQuizOverview(settings: QuizSettings, { quiz }: BotContext): Promise<QuizOverview> {
	const now = quiz.clock();
	const time = parseLocalTime(settings.postTime);
	const round = await getRoundFor(quiz.prisma, settings.guildId, localDate(now, settings.timezone));
	const answers = round ? await quiz.prisma.quizAnswer.count({ where: { roundId: round.id } }) : 0;
	return {
		settings,
		guildId: settings.guildId,
		nextPostAt: settings.status === 'active' && time ? nextOccurrence(now, time, settings.timezone) : undefined,
		todaysRound: round && { ...round, answers },
	};
}
