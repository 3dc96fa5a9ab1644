/**
 * The fan-out: 2,000 servers whose daily question is due in the same minute. Their BullMQ job
 * schedulers fire together and two `studybot worker` processes post through the fake Discord,
 * which enforces Discord's global limit of 50 requests a second and answers 429 beyond it.
 * Prints how long posting took against the bound that limit sets (2,000 / 50 = 40 s), the 429s,
 * and checks that every server got exactly one question.
 *
 *   npm run bench:fanout
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { createPrismaClient } from '../src/db/client.js';
import { PrismaQuizStore } from '../src/db/quizStore.js';
import { BullQuizScheduler } from '../src/jobs/bullQuizScheduler.js';
import { createQuizQueue } from '../src/jobs/quizQueue.js';
import { FakeDiscord } from '../tests/e2e/fakeDiscord/FakeDiscord.js';
import { startStudybotProcess, type StudybotProcess } from '../tests/e2e/processRunner.js';
import { createTestDatabase, createTestPrefix, REDIS_URL, runSql } from '../tests/support/services.js';

const GUILDS = 2_000;
const WORKERS = 2;
const DISCORD_GLOBAL_LIMIT = 50;
const MESSAGES = /^\/channels\/\d+\/messages$/u;

const discord = new FakeDiscord({ guilds: GUILDS, globalRequestsPerSecond: DISCORD_GLOBAL_LIMIT });
await discord.start();
const database = await createTestDatabase();
const prefix = createTestPrefix();
const prisma = createPrismaClient(database.url);
const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
const queue = createQuizQueue(redis, prefix.prefix);
const workers: StudybotProcess[] = [];
try {
	// Due in the next whole minute at least 20 s away, in UTC, for every server.
	const due = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000);
	const time = `${String(due.getUTCHours()).padStart(2, '0')}:${String(due.getUTCMinutes()).padStart(2, '0')}`;
	const rows = discord.guilds.map(
		(guild) => `('${guild.id}', '${guild.channels[0]?.id ?? ''}', '${time}', 'UTC', 24, now())`,
	);
	await runSql(
		database.url,
		`INSERT INTO guild_quiz_settings (guild_id, channel_id, post_time, timezone, answer_window_hours, updated_at)
		 VALUES ${rows.join(',\n')}`,
	);
	const schedules = await new BullQuizScheduler(queue).reconcile(
		await new PrismaQuizStore(prisma).listActiveSettings(),
	);
	console.log(`${String(schedules.upserted)} servers scheduled for ${due.toISOString()} (${time} UTC)`);
	for (let index = 0; index < WORKERS; index += 1) {
		workers.push(
			await startStudybotProcess('worker', {
				discord,
				databaseUrl: database.url,
				redisUrl: REDIS_URL,
				queuePrefix: prefix.prefix,
				logLevel: 'warn',
			}),
		);
	}
	console.log(`${String(WORKERS)} worker processes ready; waiting for the minute`);

	let posted = 0;
	let lastPostedAt: Date | undefined;
	const deadline = due.getTime() + 10 * 60_000;
	while (posted < GUILDS && Date.now() < deadline) {
		await sleep(1_000);
		const progress = await prisma.quizRound.aggregate({
			where: { messageId: { not: null } },
			_count: { _all: true },
			_max: { postedAt: true },
		});
		posted = progress._count._all;
		lastPostedAt = progress._max.postedAt ?? undefined;
	}
	const seconds = ((lastPostedAt?.getTime() ?? Date.now()) - due.getTime()) / 1_000;
	const posts = discord.callsTo('POST', MESSAGES);
	const rateLimited = posts.filter((call) => call.status === 429).length;
	const perGuild = discord.guilds.map((guild) => discord.channelMessages(guild.channels[0]?.id ?? '').length);
	const exactlyOne = perGuild.filter((count) => count === 1).length;
	const rounds = await prisma.quizRound.count();
	const bound = GUILDS / DISCORD_GLOBAL_LIMIT;
	console.log(
		`posted ${String(posted)}/${String(GUILDS)} in ${seconds.toFixed(1)} s after the minute ` +
			`(bound set by Discord's global limit: ${bound.toFixed(0)} s; ${(seconds / bound).toFixed(2)}× the bound)`,
	);
	console.log(
		`POST requests ${String(posts.length)}, of which 429 ${String(rateLimited)}; ` +
			`servers with exactly one question ${String(exactlyOne)}/${String(GUILDS)}; rounds ${String(rounds)}`,
	);
	const correct = posted === GUILDS && exactlyOne === GUILDS && rounds === GUILDS;
	console.log(`check, every server got exactly one question: ${correct ? 'passed' : 'FAILED'}`);
	console.log(`goal, within 1.5× the bound: ${seconds <= bound * 1.5 ? 'met' : 'MISSED'}`);
	process.exitCode = correct ? 0 : 1;
} finally {
	await Promise.all(workers.map((worker) => worker.stop()));
	await queue.close();
	redis.disconnect();
	await prisma.$disconnect();
	await discord.stop();
	await prefix.clear();
	await database.drop();
}
