import { createPrismaClient, type PrismaClient } from '../src/db/client.js';
import { FakeDiscord } from '../tests/e2e/fakeDiscord/FakeDiscord.js';
import { startStudybotProcess, type StudybotProcess } from '../tests/e2e/processRunner.js';
import { createTestDatabase, createTestPrefix, REDIS_URL } from '../tests/support/services.js';

export interface StudybotUnderLoad {
	readonly discord: FakeDiscord;
	readonly prisma: PrismaClient;
	readonly bot: StudybotProcess;
	stop(): Promise<void>;
}

/**
 * A `studybot all` process on a database and Redis prefix of its own, logged into a fake
 * Discord where a reply that comes late is still counted (only one that never comes is lost).
 */
export async function startStudybotUnderLoad(): Promise<StudybotUnderLoad> {
	const discord = new FakeDiscord({ replyTimeoutMs: 60_000 });
	await discord.start();
	const database = await createTestDatabase();
	const redis = createTestPrefix();
	const prisma = createPrismaClient(database.url);
	const bot = await startStudybotProcess('all', {
		discord,
		databaseUrl: database.url,
		redisUrl: REDIS_URL,
		queuePrefix: redis.prefix,
		logLevel: 'warn',
	});
	return {
		discord,
		prisma,
		bot,
		async stop() {
			await bot.stop();
			await prisma.$disconnect();
			await discord.stop();
			await redis.clear();
			await database.drop();
		},
	};
}
