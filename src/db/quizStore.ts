import type { NewAnswer, NewRound, QuizStore, RoundOnDate } from '../quiz/quizStore.js';
import type { QuizRound, RoundStats } from '../quiz/rounds.js';
import type { QuizSettings, QuizSettingsInput, QuizStatus, RecapSettings } from '../quiz/settings.js';
import { insertAnswerStatement } from './answerStatement.js';
import { isUniqueViolation, type PrismaClient } from './client.js';
import type { GuildQuizSettings, QuizRound as QuizRoundRow } from './generated/client.js';

/** Rows become domain values here, so nothing outside `src/db` sees a Prisma type. */
function toQuizSettings(row: GuildQuizSettings): QuizSettings {
	return {
		guildId: row.guildId,
		channelId: row.channelId,
		roleId: row.roleId,
		postTime: row.postTime,
		timezone: row.timezone,
		answerWindowHours: row.answerWindowHours,
		status: row.status,
		recapEnabled: row.recapEnabled,
		recapWeekday: row.recapWeekday,
		recapTime: row.recapTime,
	};
}

function toQuizRound(row: QuizRoundRow): QuizRound {
	return {
		id: row.id,
		guildId: row.guildId,
		localDate: row.localDate,
		questionId: row.questionId,
		topic: row.topic,
		optionOrder: row.optionOrder,
		channelId: row.channelId,
		messageId: row.messageId,
		postedAt: row.postedAt,
		closesAt: row.closesAt,
		closedAt: row.closedAt,
	};
}

/** The quiz's state in Postgres, through Prisma. */
export class PrismaQuizStore implements QuizStore {
	public constructor(private readonly prisma: PrismaClient) {}

	public async getSettings(guildId: string): Promise<QuizSettings | undefined> {
		const row = await this.prisma.guildQuizSettings.findUnique({ where: { guildId } });
		return row ? toQuizSettings(row) : undefined;
	}

	public async saveSettings(input: QuizSettingsInput): Promise<QuizSettings> {
		return toQuizSettings(
			await this.prisma.guildQuizSettings.upsert({
				where: { guildId: input.guildId },
				create: { ...input, status: 'active' },
				update: { ...input, status: 'active' },
			}),
		);
	}

	public async setStatus(guildId: string, status: QuizStatus): Promise<QuizSettings | undefined> {
		const { count } = await this.prisma.guildQuizSettings.updateMany({ where: { guildId }, data: { status } });
		return count === 0 ? undefined : this.getSettings(guildId);
	}

	public async saveRecapSettings(guildId: string, recap: RecapSettings): Promise<QuizSettings | undefined> {
		const { count } = await this.prisma.guildQuizSettings.updateMany({ where: { guildId }, data: recap });
		return count === 0 ? undefined : this.getSettings(guildId);
	}

	public async listActiveSettings(): Promise<QuizSettings[]> {
		const rows = await this.prisma.guildQuizSettings.findMany({
			where: { status: 'active' },
			orderBy: { guildId: 'asc' },
		});
		return rows.map(toQuizSettings);
	}

	public async getRound(roundId: number): Promise<QuizRound | undefined> {
		const row = await this.prisma.quizRound.findUnique({ where: { id: roundId } });
		return row ? toQuizRound(row) : undefined;
	}

	public async findRound(guildId: string, localDate: string): Promise<QuizRound | undefined> {
		const row = await this.prisma.quizRound.findUnique({ where: { guildId_localDate: { guildId, localDate } } });
		return row ? toQuizRound(row) : undefined;
	}

	public async questionHistory(guildId: string): Promise<string[]> {
		const rows = await this.prisma.quizRound.findMany({
			where: { guildId },
			orderBy: { localDate: 'asc' },
			select: { questionId: true },
		});
		return rows.map((row) => row.questionId);
	}

	public async createRound(round: NewRound): Promise<QuizRound> {
		try {
			return toQuizRound(
				await this.prisma.quizRound.create({ data: { ...round, optionOrder: [...round.optionOrder] } }),
			);
		} catch (error) {
			if (!isUniqueViolation(error)) {
				throw error;
			}
			// Another writer created the guild's round for this date first: theirs is the round.
			return toQuizRound(
				await this.prisma.quizRound.findUniqueOrThrow({
					where: { guildId_localDate: { guildId: round.guildId, localDate: round.localDate } },
				}),
			);
		}
	}

	public async claimRoundPost(roundId: number, now: Date, staleAfterMs: number): Promise<boolean> {
		const { count } = await this.prisma.quizRound.updateMany({
			where: {
				id: roundId,
				messageId: null,
				OR: [{ postClaimedAt: null }, { postClaimedAt: { lt: new Date(now.getTime() - staleAfterMs) } }],
			},
			data: { postClaimedAt: now },
		});
		return count === 1;
	}

	public async markRoundPosted(roundId: number, messageId: string, postedAt: Date, closesAt: Date): Promise<QuizRound> {
		return toQuizRound(
			await this.prisma.quizRound.update({ where: { id: roundId }, data: { messageId, postedAt, closesAt } }),
		);
	}

	public async markRoundClosed(roundId: number, now: Date): Promise<boolean> {
		const { count } = await this.prisma.quizRound.updateMany({
			where: { id: roundId, closedAt: null },
			data: { closedAt: now },
		});
		return count === 1;
	}

	public async roundStats(roundId: number): Promise<RoundStats> {
		const [answers, correct] = await Promise.all([
			this.prisma.quizAnswer.count({ where: { roundId } }),
			this.prisma.quizAnswer.count({ where: { roundId, correct: true } }),
		]);
		return { answers, correct };
	}

	public async recordAnswer(answer: NewAnswer): Promise<boolean> {
		const rows = await this.prisma.$queryRaw<{ inserted: number }[]>(insertAnswerStatement(answer));
		return (rows[0]?.inserted ?? 0) > 0;
	}

	public async findAnswer(roundId: number, userId: string): Promise<{ readonly correct: boolean } | undefined> {
		const row = await this.prisma.quizAnswer.findUnique({
			where: { roundId_userId: { roundId, userId } },
			select: { correct: true },
		});
		return row ?? undefined;
	}

	public async openRounds(): Promise<Pick<QuizRound, 'id' | 'closesAt'>[]> {
		return this.prisma.quizRound.findMany({
			where: { messageId: { not: null }, closedAt: null },
			select: { id: true, closesAt: true },
		});
	}

	public async roundsOn(guildIds: readonly string[], localDates: readonly string[]): Promise<RoundOnDate[]> {
		return this.prisma.quizRound.findMany({
			where: { guildId: { in: [...guildIds] }, localDate: { in: [...localDates] } },
			select: { guildId: true, localDate: true },
		});
	}
}
