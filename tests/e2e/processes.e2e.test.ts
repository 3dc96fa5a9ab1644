import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../src/db/client.js';
import { closeJobId, QUIZ_QUEUE, QuizJob, type QuizJobData } from '../../src/jobs/quizQueue.js';
import { eventually } from '../support/eventually.js';
import { createTestDatabase, createTestPrefix, REDIS_URL, type TestDatabase } from '../support/services.js';
import { FakeDiscord } from './fakeDiscord/FakeDiscord.js';
import { setUpDailyQuiz } from './harness.js';
import { startStudybotProcess, type StudybotProcess } from './processRunner.js';
import { answerQuestion } from './seen.js';

describe('studybot as real processes', () => {
	let discord: FakeDiscord;
	let database: TestDatabase;
	let redisPrefix: ReturnType<typeof createTestPrefix>;
	let prisma: PrismaClient;
	let redis: Redis;
	let queue: Queue<QuizJobData>;
	const processes: StudybotProcess[] = [];
	const channelId = () => discord.guild.channels[0]?.id ?? '';

	beforeAll(async () => {
		discord = new FakeDiscord();
		await discord.start();
		database = await createTestDatabase({ migrate: false });
		redisPrefix = createTestPrefix();
		prisma = createPrismaClient(database.url);
		redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
		queue = new Queue<QuizJobData>(QUIZ_QUEUE, { connection: redis, prefix: redisPrefix.prefix });
	}, 30_000);

	afterAll(async () => {
		await Promise.all(processes.map((running) => running.stop('SIGKILL')));
		await queue.close();
		redis.disconnect();
		await prisma.$disconnect();
		await discord.stop();
		await redisPrefix.clear();
		await database.drop();
	}, 30_000);

	const settings = () => ({ discord, databaseUrl: database.url, redisUrl: REDIS_URL, queuePrefix: redisPrefix.prefix });

	it('starts a bot process that migrates an empty database and reports ready', async () => {
		const bot = await startStudybotProcess('bot', { ...settings(), migrate: true });
		processes.push(bot);
		expect(bot.output()).toContain('database migrated');
		const ready = (await (await fetch(`http://127.0.0.1:${bot.healthPort}/readyz`)).json()) as { checks: unknown };
		expect(ready.checks).toEqual({ postgres: true, redis: true, gateway: true });
	}, 90_000);

	it('completes a quiz with the bot and two worker processes: posted once, answered, closed', async () => {
		processes.push(await startStudybotProcess('worker', settings()), await startStudybotProcess('worker', settings()));
		await setUpDailyQuiz(discord);
		await Promise.all(
			['a', 'b', 'c', 'd'].map((id) =>
				queue.add(
					QuizJob.post,
					{ guildId: discord.guild.id, scheduledFor: '2026-03-09T09:00:00Z' },
					{ jobId: `dup-${id}` },
				),
			),
		);
		const round = await eventually(
			() => prisma.quizRound.findFirst({ where: { messageId: { not: null } } }).then((found) => found ?? undefined),
			'the question to be posted',
			30_000,
		);
		await eventually(
			async () => {
				const jobs = await Promise.all(['a', 'b', 'c', 'd'].map((id) => queue.getJob(`dup-${id}`)));
				return jobs.every((job) => job?.finishedOn !== undefined) ? true : undefined;
			},
			'every duplicate job to finish',
			60_000,
		);
		expect(discord.channelMessages(channelId())).toHaveLength(1);
		const post = discord.message(round.messageId ?? '');
		if (!post) {
			throw new Error('no posted message');
		}
		const reply = await answerQuestion(discord, post, 0);
		expect(reply.ephemeral).toBe(true);
		expect(await prisma.quizAnswer.count()).toBe(1);
		await (await queue.getJob(closeJobId(round.id)))?.promote();
		const closed = await eventually(
			() => {
				const message = discord.message(post.id);
				return message?.embeds[0]?.title === '📚 Question of the day (closed)' ? message : undefined;
			},
			'the question to close',
			30_000,
		);
		expect(closed.embeds[0]?.fields?.find((field) => field.name === 'Results')?.value).toMatch(/^1 member answered;/u);
	}, 120_000);

	it('finishes the job it is running on SIGTERM, then exits 0', async () => {
		const all = await startStudybotProcess('all', settings());
		processes.push(all);
		discord.injectFault({ method: 'POST', path: /^\/channels\/\d+\/messages$/u, delayMs: 2_000 });
		const before = discord.callsTo('POST', /^\/channels\/\d+\/messages$/u).length;
		// The other processes stop first, so only this one can take the job.
		await Promise.all(processes.filter((running) => running !== all).map((running) => running.stop()));
		await queue.add(
			QuizJob.post,
			{ guildId: discord.guild.id, scheduledFor: '2026-03-10T09:00:00Z' },
			{ jobId: 'slow-post' },
		);
		await eventually(
			() => (discord.callsTo('POST', /^\/channels\/\d+\/messages$/u).length > before ? true : undefined),
			'the post to reach Discord',
		);
		expect(await all.stop('SIGTERM')).toBe(0);
		expect(all.output()).toContain('shutting down');
		expect(all.output()).toContain('shut down cleanly');
		const round = await prisma.quizRound.findFirstOrThrow({ where: { localDate: '2026-03-10' } });
		expect(round.messageId).not.toBeNull();
		expect((await queue.getJob('slow-post'))?.finishedOn).toBeDefined();
	}, 90_000);

	it('retries a post whose worker was killed (SIGKILL) in the middle of it, on another worker, posting once', async () => {
		const messages = /^\/channels\/\d+\/messages$/u;
		const killed = await startStudybotProcess('worker', settings());
		processes.push(killed);
		// Discord takes the post but answers slowly; the worker dies before it hears back.
		discord.injectFault({ method: 'POST', path: messages, delayMs: 2_000 });
		const before = discord.callsTo('POST', messages).length;
		await queue.add(
			QuizJob.post,
			{ guildId: discord.guild.id, scheduledFor: '2026-03-11T09:00:00Z' },
			{ jobId: 'killed-post' },
		);
		await eventually(
			() => (discord.callsTo('POST', messages).length > before ? true : undefined),
			'the post to reach Discord',
		);
		await killed.stop('SIGKILL');
		const survivor = await startStudybotProcess('worker', settings());
		processes.push(survivor);
		// BullMQ notices the stalled job when its lock expires (30 s) and hands it to the survivor,
		// which takes the round's expired claim and posts with the same nonce.
		const round = await eventually(
			async () => {
				const found = await prisma.quizRound.findFirst({ where: { localDate: '2026-03-11' } });
				return found?.messageId ? found : undefined;
			},
			'the killed post to be retried',
			100_000,
		);
		const posts = discord.callsTo('POST', messages).slice(before);
		expect(posts.length).toBeGreaterThanOrEqual(2);
		const ofThisRound = discord
			.channelMessages(channelId())
			.filter((message) => message.raw.nonce === `studybot-quiz-${String(round.id)}`);
		expect(ofThisRound.map((message) => message.id)).toEqual([round.messageId]);
		expect(await prisma.quizRound.count({ where: { localDate: '2026-03-11' } })).toBe(1);
		await eventually(
			async () => ((await queue.getJob('killed-post'))?.finishedOn === undefined ? undefined : true),
			'the retried job to finish',
		);
	}, 150_000);
});
