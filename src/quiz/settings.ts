import type { PrismaClient, QuizStatus } from '../db/client.js';

export interface QuizSettings {
	readonly guildId: string;
	readonly channelId: string;
	readonly roleId: string | null;
	readonly postTime: string;
	readonly timezone: string;
	readonly answerWindowHours: number;
	readonly status: QuizStatus;
	readonly recapEnabled: boolean;
	/** ISO weekday of the weekly recap, 1 = Monday … 7 = Sunday. */
	readonly recapWeekday: number;
	/** Local time of the weekly recap, `HH:MM`. */
	readonly recapTime: string;
}

export type QuizSettingsInput = Omit<QuizSettings, 'status' | 'recapEnabled' | 'recapWeekday' | 'recapTime'>;

export interface RecapSettings {
	readonly recapEnabled: boolean;
	readonly recapWeekday: number;
	readonly recapTime: string;
}

/** Turns the weekly recap on or off and sets when it is posted; undefined before setup. */
export async function saveRecapSettings(
	prisma: PrismaClient,
	guildId: string,
	recap: RecapSettings,
): Promise<QuizSettings | undefined> {
	const { count } = await prisma.guildQuizSettings.updateMany({ where: { guildId }, data: recap });
	return count === 0 ? undefined : getQuizSettings(prisma, guildId);
}

/** Saves a guild's quiz settings; setting up again re-activates a paused or disabled quiz. */
export async function saveQuizSettings(prisma: PrismaClient, input: QuizSettingsInput): Promise<QuizSettings> {
	return prisma.guildQuizSettings.upsert({
		where: { guildId: input.guildId },
		create: { ...input, status: 'active' },
		update: { ...input, status: 'active' },
	});
}

export async function getQuizSettings(prisma: PrismaClient, guildId: string): Promise<QuizSettings | undefined> {
	return (await prisma.guildQuizSettings.findUnique({ where: { guildId } })) ?? undefined;
}

/** Changes the status; undefined when the guild has never set the quiz up. */
export async function setQuizStatus(
	prisma: PrismaClient,
	guildId: string,
	status: QuizStatus,
): Promise<QuizSettings | undefined> {
	const { count } = await prisma.guildQuizSettings.updateMany({ where: { guildId }, data: { status } });
	return count === 0 ? undefined : getQuizSettings(prisma, guildId);
}

export async function listActiveQuizSettings(prisma: PrismaClient): Promise<QuizSettings[]> {
	return prisma.guildQuizSettings.findMany({ where: { status: 'active' }, orderBy: { guildId: 'asc' } });
}
