import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../src/db/client.js';
import { QUIZ_QUEUE, QuizJob, type QuizJobData } from '../../src/jobs/quizQueue.js';
import { eventually } from '../support/eventually.js';
import { CONTENT_DIR } from '../support/library.js';
import { createTestDatabase, createTestPrefix, REDIS_URL, type TestDatabase } from '../support/services.js';
import { FakeDiscord } from './fakeDiscord/FakeDiscord.js';
import { FAKE_TOKEN } from './harness.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function freePort(): Promise<number> {
	const server = createServer();
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	const address = server.address();
	server.close();
	return typeof address === 'object' && address ? address.port : 0;
}

describe('studybot as a real process', () => {
	let discord: FakeDiscord;
	let database: TestDatabase;
	let redisPrefix: ReturnType<typeof createTestPrefix>;
	let prisma: PrismaClient;
	let child: ChildProcess;
	let output = '';
	let healthPort: number;

	beforeAll(async () => {
		discord = new FakeDiscord();
		await discord.start();
		database = await createTestDatabase({ migrate: false });
		redisPrefix = createTestPrefix();
		prisma = createPrismaClient(database.url);
		healthPort = await freePort();
		child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'all'], {
			cwd: ROOT,
			env: {
				...process.env,
				DISCORD_TOKEN: FAKE_TOKEN,
				DISCORD_API_URL: discord.apiUrl,
				DATABASE_URL: database.url,
				REDIS_URL,
				QUEUE_PREFIX: redisPrefix.prefix,
				HEALTH_PORT: String(healthPort),
				CONTENT_DIR,
				LOG_LEVEL: 'info',
				MIGRATE_ON_START: 'true',
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		await eventually(
			async () => ((await fetch(`http://127.0.0.1:${healthPort}/readyz`)).status === 200 ? true : undefined),
			'the process to be ready',
			60_000,
		);
	}, 90_000);

	afterAll(async () => {
		if (child.exitCode === null) {
			child.kill('SIGKILL');
		}
		await prisma.$disconnect();
		await discord.stop();
		await redisPrefix.clear();
		await database.drop();
	});

	it('applied the migrations on start and reports ready', async () => {
		expect(output).toContain('database migrated');
		const ready = (await (await fetch(`http://127.0.0.1:${healthPort}/readyz`)).json()) as { checks: unknown };
		expect(ready.checks).toEqual({ postgres: true, redis: true, gateway: true });
	});

	it('finishes the job it is running on SIGTERM, then exits 0', async () => {
		const manager = discord.memberNamed('manager');
		const channelId = discord.guild.channels[0]?.id ?? '';
		await discord.command({
			name: 'quiz',
			subcommand: 'setup',
			member: manager,
			options: { channel: { kind: 'channel', id: channelId }, time: '09:00', timezone: 'UTC' },
		});
		discord.injectFault({ method: 'POST', path: /^\/channels\/\d+\/messages$/u, delayMs: 2_000 });
		const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
		const queue = new Queue<QuizJobData>(QUIZ_QUEUE, { connection: redis, prefix: redisPrefix.prefix });
		try {
			await queue.add(
				QuizJob.post,
				{ guildId: discord.guild.id, scheduledFor: '2026-03-10T09:00:00Z' },
				{ jobId: 'slow-post' },
			);
			await eventually(
				() => (discord.callsTo('POST', /^\/channels\/\d+\/messages$/u).length > 0 ? true : undefined),
				'the post to reach Discord',
			);
			child.kill('SIGTERM');
			const [code] = (await once(child, 'exit')) as [number | null];
			expect(code).toBe(0);
			expect(output).toContain('shutting down');
			expect(output).toContain('shut down cleanly');
			const round = await prisma.quizRound.findFirstOrThrow({ where: { localDate: '2026-03-10' } });
			expect(round.messageId).not.toBeNull();
			expect(discord.channelMessages(channelId)).toHaveLength(1);
			expect((await queue.getJob('slow-post'))?.finishedOn).toBeDefined();
		} finally {
			await queue.close();
			redis.disconnect();
		}
	}, 60_000);
});
