import type { PostFailure, RecordedPostFailure } from '../quiz/postFailure.js';
import type { NewAnswer, NewRound, QuizStore } from '../quiz/quizStore.js';
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
		adminChannelId: row.adminChannelId,
	};
}

/** The failure columns as stored: the kind, and its detail (the missing permissions, or what Discord said). */
function toPostFailure(kind: string, detail: string | null): PostFailure {
	switch (kind) {
		case 'missing-access':
			return { kind, missing: detail === null || detail === '' ? [] : detail.split(', ') };
		case 'channel-gone':
			return { kind };
		case 'rejected':
			return { kind, detail: detail ?? '' };
		default:
			return { kind: 'temporary', detail: detail ?? '' };
	}
}

function failureDetail(failure: PostFailure): string | null {
	switch (failure.kind) {
		case 'missing-access':
			return failure.missing.join(', ');
		case 'channel-gone':
			return null;
		case 'rejected':
		case 'temporary':
			return failure.detail;
	}
}

function toRecordedFailure(row: QuizRoundRow): RecordedPostFailure | undefined {
	return row.postFailedAt === null || row.postFailure === null || row.messageId !== null
		? undefined
		: {
				failure: toPostFailure(row.postFailure, row.postFailureDetail),
				at: row.postFailedAt,
				retryAt: row.postRetryAt ?? undefined,
				reportedAt: row.failureReportedAt ?? undefined,
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
		postClaimedAt: row.postClaimedAt,
		postAttempts: row.postAttempts,
		postedAt: row.postedAt,
		closesAt: row.closesAt,
		closedAt: row.closedAt,
		lastFailure: toRecordedFailure(row),
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

	public async claimRoundPost(roundId: number, now: Date, staleAfterMs: number, closesAt: Date): Promise<boolean> {
		const { count } = await this.prisma.quizRound.updateMany({
			where: {
				id: roundId,
				messageId: null,
				OR: [{ postClaimedAt: null }, { postClaimedAt: { lt: new Date(now.getTime() - staleAfterMs) } }],
			},
			data: { postClaimedAt: now, postedAt: now, closesAt, postAttempts: { increment: 1 } },
		});
		return count === 1;
	}

	public async markRoundPosted(roundId: number, messageId: string): Promise<QuizRound> {
		return toQuizRound(
			await this.prisma.quizRound.update({
				where: { id: roundId },
				data: { messageId, postFailedAt: null, postFailure: null, postFailureDetail: null, postRetryAt: null },
			}),
		);
	}

	public async recordPostFailure(roundId: number, recorded: Omit<RecordedPostFailure, 'reportedAt'>): Promise<void> {
		await this.prisma.quizRound.updateMany({
			where: { id: roundId, messageId: null },
			data: {
				postFailedAt: recorded.at,
				postFailure: recorded.failure.kind,
				postFailureDetail: failureDetail(recorded.failure),
				postRetryAt: recorded.retryAt ?? null,
				postClaimedAt: null,
				postedAt: null,
			},
		});
	}

	public async markFailureReported(roundId: number, at: Date): Promise<void> {
		await this.prisma.quizRound.update({ where: { id: roundId }, data: { failureReportedAt: at } });
	}

	public async markRoundClosed(roundId: number, now: Date): Promise<boolean> {
		const { count } = await this.prisma.quizRound.updateMany({
			where: { id: roundId, closedAt: null },
			data: { closedAt: now },
		});
		return count === 1;
	}

	public async roundStats(roundId: number): Promise<RoundStats> {
		const rows = await this.prisma.$queryRaw<{ choice: number | null; answers: number; correct: number }[]>`
			SELECT NULL::int AS choice, COUNT(*)::int AS answers, COUNT(*) FILTER (WHERE correct)::int AS correct
			FROM quiz_answers WHERE round_id = ${roundId}
			UNION ALL
			SELECT choice, COUNT(*)::int, 0 FROM quiz_answers, unnest(choices) AS choice
			WHERE round_id = ${roundId} GROUP BY choice`;
		const [totals] = rows.filter((row) => row.choice === null);
		const picked = rows.filter((row): row is typeof row & { choice: number } => row.choice !== null);
		const picks = Array.from({ length: Math.max(0, ...picked.map((row) => row.choice + 1)) }, () => 0);
		for (const row of picked) {
			picks[row.choice] = row.answers;
		}
		return { answers: totals?.answers ?? 0, correct: totals?.correct ?? 0, picks };
	}

	public async recordAnswer(answer: NewAnswer): Promise<boolean> {
		const rows = await this.prisma.$queryRaw<{ inserted: number }[]>(insertAnswerStatement(answer));
		return (rows[0]?.inserted ?? 0) > 0;
	}

	public async findAnswer(
		roundId: number,
		userId: string,
	): Promise<{ readonly correct: boolean; readonly shownIndices: readonly number[] } | undefined> {
		const row = await this.prisma.quizAnswer.findUnique({
			where: { roundId_userId: { roundId, userId } },
			select: { correct: true, choices: true },
		});
		return row ? { correct: row.correct, shownIndices: row.choices } : undefined;
	}

	public async openRounds(): Promise<Pick<QuizRound, 'id' | 'closesAt'>[]> {
		return this.prisma.quizRound.findMany({
			where: { messageId: { not: null }, closedAt: null },
			select: { id: true, closesAt: true },
		});
	}

	public async roundsOn(guildIds: readonly string[], localDates: readonly string[]): Promise<QuizRound[]> {
		const rows = await this.prisma.quizRound.findMany({
			where: { guildId: { in: [...guildIds] }, localDate: { in: [...localDates] } },
		});
		return rows.map(toQuizRound);
	}
}
