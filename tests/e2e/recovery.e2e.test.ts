import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../src/db/client.js';
import { closeJobId, QUIZ_QUEUE, schedulerId, type QuizJobData } from '../../src/jobs/quizQueue.js';
import { eventually } from '../support/eventually.js';
import type { RunningApp } from '../../src/app/startApp.js';
import { PrivateRedis } from '../support/privateRedis.js';
import { clearPrefix, createTestDatabase, REDIS_URL, type TestDatabase } from '../support/services.js';
import { FakeDiscord } from './fakeDiscord/FakeDiscord.js';
import { startAppAgainst, TestClock, useHarness, setUpDailyQuiz } from './harness.js';
import { firstEmbed } from './seen.js';

const MESSAGES = /^\/channels\/\d+\/messages$/u;
const MESSAGE = /^\/channels\/\d+\/messages\/\d+$/u;

describe('the quiz recovers from a lost Redis and from Discord errors, posting and closing once', () => {
	// The bot checks every second that Redis holds what Postgres asks for.
	const harness = useHarness({ env: { SCHEDULE_CHECK_SECONDS: '1' } });
	let prisma: PrismaClient;
	let redis: Redis;
	let queue: Queue<QuizJobData>;

	beforeAll(async () => {
		prisma = createPrismaClient(harness().database.url);
		redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
		queue = new Queue<QuizJobData>(QUIZ_QUEUE, { connection: redis, prefix: harness().queuePrefix });
		const { discord, clock } = harness();
		clock.set('2026-03-10T08:55:00Z');
		await setUpDailyQuiz(discord);
	});

	afterAll(async () => {
		await queue.close();
		redis.disconnect();
		await prisma.$disconnect();
	});

	const channelMessages = () => harness().discord.channelMessages(harness().discord.guild.channels[0]?.id ?? '');
	const roundsOf = (localDate: string) => prisma.quizRound.findMany({ where: { localDate } });

	it('restores the scheduler when Redis is emptied before the post, and posts the missed question once', async () => {
		const { discord, clock, queuePrefix } = harness();
		expect(await queue.getJobScheduler(schedulerId(discord.guild.id))).toBeDefined();
		await clearPrefix(queuePrefix);
		expect(await queue.getJobScheduler(schedulerId(discord.guild.id))).toBeUndefined();
		await eventually(
			async () => ((await queue.getJobScheduler(schedulerId(discord.guild.id))) === undefined ? undefined : true),
			'the scheduler to be restored',
		);
		expect(channelMessages()).toHaveLength(0);

		// 09:00 passes while the scheduler is lost (Redis was emptied when it should have fired).
		await clearPrefix(queuePrefix);
		clock.set('2026-03-10T09:05:00Z');
		const [round] = await eventually(
			async () =>
				(await roundsOf('2026-03-10')).some((found) => found.messageId !== null) ? roundsOf('2026-03-10') : undefined,
			'the missed question to be posted',
		);
		expect(channelMessages()).toHaveLength(1);
		expect(await queue.getJob(closeJobId(round?.id ?? 0))).toBeDefined();

		await sleep(2_500);
		expect(channelMessages()).toHaveLength(1);
		expect(await roundsOf('2026-03-10')).toHaveLength(1);
	});

	it('restores the close job of an open round lost with Redis, and closes the round once', async () => {
		const { queuePrefix } = harness();
		const [round] = await roundsOf('2026-03-10');
		await clearPrefix(queuePrefix);
		const close = await eventually(() => queue.getJob(closeJobId(round?.id ?? 0)), 'the close job to be restored');
		await close.promote();
		await eventually(
			async () => ((await prisma.quizRound.findUnique({ where: { id: round?.id ?? 0 } }))?.closedAt ? true : undefined),
			'the round to close',
		);
		const edits = harness().discord.callsTo('PATCH', MESSAGE);
		expect(edits.map((call) => call.status)).toEqual([200]);
		const [closed] = channelMessages();
		expect(closed && firstEmbed(closed).title).toBe('📚 Question of the day (closed)');
	});

	it('waits out 429s and retries 5xx from Discord when posting and editing, posting and editing once', async () => {
		const { discord, clock } = harness();
		clock.set('2026-03-11T09:01:00Z');
		discord.injectFault({ method: 'POST', path: MESSAGES, status: 429, retryAfter: 0.3 });
		discord.injectFault({ method: 'POST', path: MESSAGES, status: 502 });
		const posted = await eventually(
			async () => ((await roundsOf('2026-03-11'))[0]?.messageId ? (await roundsOf('2026-03-11'))[0] : undefined),
			'the question of 2026-03-11 to be posted',
			30_000,
		);
		const posts = discord.callsTo('POST', MESSAGES).map((call) => call.status);
		expect(posts.slice(-3)).toEqual([429, 502, 200]);
		expect(channelMessages()).toHaveLength(2);

		discord.injectFault({ method: 'PATCH', path: MESSAGE, status: 503 });
		discord.injectFault({ method: 'PATCH', path: MESSAGE, status: 429, retryAfter: 0.3 });
		await (await queue.getJob(closeJobId(posted.id)))?.promote();
		await eventually(
			async () => ((await prisma.quizRound.findUnique({ where: { id: posted.id } }))?.closedAt ? true : undefined),
			'the round of 2026-03-11 to close',
			30_000,
		);
		expect(
			discord
				.callsTo('PATCH', MESSAGE)
				.map((call) => call.status)
				.slice(-3),
		).toEqual([503, 429, 200]);
		expect(channelMessages()).toHaveLength(2);
		expect(discord.unknownRoutes).toEqual([]);
	});
});

describe('the quiz survives a Redis restart that loses everything', () => {
	const redisServer = new PrivateRedis();
	const discord = new FakeDiscord();
	const clock = new TestClock(new Date('2026-05-04T08:55:00Z'));
	let database: TestDatabase;
	let prisma: PrismaClient;
	let app: RunningApp;
	let queue: Queue<QuizJobData>;
	let redis: Redis;

	beforeAll(async () => {
		await redisServer.start();
		await discord.start();
		database = await createTestDatabase();
		prisma = createPrismaClient(database.url);
		app = await startAppAgainst(discord, database, 'studybot', clock, {
			redisUrl: redisServer.url,
			env: { SCHEDULE_CHECK_SECONDS: '1' },
		});
		redis = new Redis(redisServer.url, { maxRetriesPerRequest: null });
		// The test's own view of the queue loses its connection during the restart, as expected.
		redis.on('error', () => undefined);
		queue = new Queue<QuizJobData>(QUIZ_QUEUE, { connection: redis, prefix: 'studybot' });
	}, 60_000);

	afterAll(async () => {
		await queue.close();
		redis.disconnect();
		await app.stop();
		await discord.stop();
		await prisma.$disconnect();
		await database.drop();
		await redisServer.stop();
	}, 30_000);

	it('rebuilds the schedule from Postgres after the restart and posts the day’s question once', async () => {
		await setUpDailyQuiz(discord);
		expect(await queue.getJobScheduler(schedulerId(discord.guild.id))).toBeDefined();
		await redisServer.restart();
		expect(await queue.getJobScheduler(schedulerId(discord.guild.id))).toBeUndefined();
		await eventually(
			async () => ((await queue.getJobScheduler(schedulerId(discord.guild.id))) === undefined ? undefined : true),
			'the scheduler to be rebuilt after the restart',
			20_000,
		);
		clock.set('2026-05-04T09:02:00Z');
		await eventually(
			async () =>
				(await prisma.quizRound.findFirst({ where: { localDate: '2026-05-04', messageId: { not: null } } })) ??
				undefined,
			'the question to be posted after the restart',
			20_000,
		);
		await sleep(2_500);
		expect(discord.channelMessages(discord.guild.channels[0]?.id ?? '')).toHaveLength(1);
		const ready = await fetch(`http://127.0.0.1:${String(app.healthPort)}/readyz`);
		expect(ready.status).toBe(200);
	}, 60_000);
});
