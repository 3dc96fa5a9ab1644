import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUIZ_QUEUE, schedulerId } from '../../src/jobs/quizQueue.js';
import { eventually } from '../support/eventually.js';
import { createTestDatabase, createTestPrefix, REDIS_URL, type TestDatabase } from '../support/services.js';
import { TcpProxy, throughProxy } from '../support/tcpProxy.js';
import { FakeDiscord } from './fakeDiscord/FakeDiscord.js';
import { setUpDailyQuiz } from './harness.js';
import { startStudybotProcess, type StudybotProcess } from './processRunner.js';
import { expectPrivate, firstEmbed } from './seen.js';

const MIGRATIONS = path.resolve(import.meta.dirname, '../../prisma/migrations');
const UNAVAILABLE = {
	postgres: /our database is not answering\. Nothing was recorded/u,
	redis: /our job queue is not answering\. Nothing was recorded/u,
} as const;

interface Case {
	readonly command: 'all' | 'bot' | 'worker';
	readonly away: 'postgres' | 'redis';
}

/** Every line a process printed is one JSON object (pino): no raw library dumps. */
function expectOnlyJsonLines(output: string): void {
	const lines = output.split('\n').filter((line) => line.trim() !== '');
	expect(lines.length).toBeGreaterThan(0);
	for (const line of lines) {
		expect(() => JSON.parse(line) as unknown, line).not.toThrow();
	}
}

async function readiness(process_: StudybotProcess): Promise<{ status: number; body: unknown }> {
	const response = await fetch(`http://127.0.0.1:${String(process_.healthPort)}/readyz`);
	return { status: response.status, body: await response.json() };
}

/**
 * Real `studybot` processes started while Postgres or Redis is cut (through a TCP proxy the test
 * controls) on an empty database with migrations on start: they connect to the gateway and
 * serve what needs neither, say the rest is unavailable, and finish their start by themselves
 * once the service is back.
 */
describe.each<Case>([
	{ command: 'all', away: 'redis' },
	{ command: 'all', away: 'postgres' },
	{ command: 'bot', away: 'postgres' },
	{ command: 'worker', away: 'redis' },
])('studybot $command started while $away is down', ({ command, away }) => {
	const discord = new FakeDiscord();
	const proxy = new TcpProxy('127.0.0.1', away === 'postgres' ? 5432 : 6379);
	const prefix = createTestPrefix();
	let database: TestDatabase;
	let studybot: StudybotProcess;
	let sql: pg.Pool;
	let redis: Redis;
	let queue: Queue;

	beforeAll(async () => {
		await discord.start();
		database = await createTestDatabase({ migrate: false });
		sql = new pg.Pool({ connectionString: database.url, max: 2 });
		redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
		queue = new Queue(QUIZ_QUEUE, { connection: redis, prefix: prefix.prefix });
		await proxy.start();
		await proxy.cut();
		studybot = await startStudybotProcess(command, {
			discord,
			databaseUrl: away === 'postgres' ? throughProxy(database.url, proxy) : database.url,
			redisUrl: away === 'redis' ? throughProxy(REDIS_URL, proxy) : REDIS_URL,
			queuePrefix: prefix.prefix,
			migrate: true,
			waitUntil: 'alive',
		});
	}, 90_000);

	afterAll(async () => {
		await studybot.stop();
		await proxy.stop();
		await queue.close();
		redis.disconnect();
		await sql.end();
		await discord.stop();
		await prefix.clear();
		await database.drop();
	});

	const tables = async () =>
		(await sql.query<{ count: number }>("SELECT count(*)::int AS count FROM pg_tables WHERE schemaname = 'public'"))
			.rows[0]?.count;

	it(`stays up, serves what it can, and names ${away} on /readyz`, async () => {
		expect((await fetch(`http://127.0.0.1:${String(studybot.healthPort)}/healthz`)).status).toBe(200);
		const ready = await readiness(studybot);
		expect(ready.status).toBe(503);
		expect(ready.body).toMatchObject({ ready: false, checks: { [away]: false } });
		if (command !== 'worker') {
			await eventually(() => (discord.gateway.stats.identifies > 0 ? true : undefined), 'the gateway identified');
			const search = await discord.command({ name: 'search', options: { query: 'vpc peering' } });
			expectPrivate(search);
			expect(firstEmbed(search).fields?.[0]?.name).toMatch(/VPC Peering/iu);
			const help = await discord.command({ name: 'help' });
			expectPrivate(help);
		}
		if (command === 'all') {
			const setup = await setUpDailyQuiz(discord);
			expectPrivate(setup);
			expect(firstEmbed(setup).description).toMatch(UNAVAILABLE[away]);
			if (away === 'postgres') {
				for (const reply of [
					await discord.command({ name: 'leaderboard' }),
					await discord.command({ name: 'practice' }),
					await discord.command({ name: 'review', subcommand: 'start' }),
				]) {
					expectPrivate(reply);
					expect(firstEmbed(reply).description).toMatch(UNAVAILABLE.postgres);
				}
				expect(await tables()).toBe(0);
			} else {
				// Postgres is there: the migrations run while Redis is away, and the refused setup stored nothing.
				const settings = await eventually(
					() =>
						sql
							.query<{ count: number }>('SELECT count(*)::int AS count FROM guild_quiz_settings')
							.then((result) => result.rows[0]),
					'the migrations',
				);
				expect(settings).toEqual({ count: 0 });
			}
		}
		expectOnlyJsonLines(studybot.output());
	}, 60_000);

	it('finishes its start by itself once the service is back: migrated, ready, the quiz set up and posted once', async () => {
		// The outage lasts until the process has tried and said so (its first query loads Prisma's engine first).
		await eventually(
			() => (studybot.output().includes(`"msg":"${away} is unavailable"`) ? true : undefined),
			`the process to notice ${away} is down`,
		);
		await proxy.restore();
		await eventually(
			async () => ((await readiness(studybot)).status === 200 ? true : undefined),
			'ready again',
			45_000,
		);
		await eventually(
			() => (studybot.output().includes('"msg":"start-up finished"') ? true : undefined),
			'the start to finish',
		);
		const migrations = (await readdir(MIGRATIONS, { withFileTypes: true })).filter((entry) => entry.isDirectory());
		expect(
			(await sql.query('SELECT count(*)::int AS count FROM _prisma_migrations WHERE finished_at IS NOT NULL')).rows[0],
		).toEqual({ count: migrations.length });
		if (command === 'all') {
			const setup = await setUpDailyQuiz(discord);
			expect(JSON.stringify(setup.embeds)).not.toMatch(/unavailable/u);
			expect((await queue.getJobScheduler(schedulerId(discord.guild.id)))?.pattern).toMatch(/^\d+ \d+ \* \* \*$/u);
			await discord.command({ name: 'quiz', subcommand: 'post-now', member: discord.memberNamed('manager') });
			const channelId = discord.guild.channels[0]?.id ?? '';
			await eventually(() => (discord.channelMessages(channelId).length > 0 ? true : undefined), 'the post');
			await new Promise((resolve) => setTimeout(resolve, 1_000));
			expect(discord.channelMessages(channelId)).toHaveLength(1);
		}
		const output = studybot.output();
		expectOnlyJsonLines(output);
		const lines = output
			.split('\n')
			.filter((line) => line.trim() !== '')
			.map((line) => JSON.parse(line) as { msg?: string; level?: number });
		expect(lines.filter((line) => line.msg === `${away} is unavailable`)).toHaveLength(1);
		expect(lines.filter((line) => line.msg === `${away} is back`)).toHaveLength(1);
	}, 90_000);
});
