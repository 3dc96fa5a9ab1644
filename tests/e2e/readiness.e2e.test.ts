import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app/startApp.js';
import { eventually } from '../support/eventually.js';
import { createTestDatabase, createTestPrefix, REDIS_URL, type TestDatabase } from '../support/services.js';
import { TcpProxy, throughProxy } from '../support/tcpProxy.js';
import { FakeDiscord } from './fakeDiscord/FakeDiscord.js';
import { startAppAgainst, TestClock } from './harness.js';

interface Readiness {
	readonly status: number;
	readonly checks: Record<string, boolean>;
}

describe('/readyz follows Postgres and Redis through a proxy the test controls', () => {
	let discord: FakeDiscord;
	let database: TestDatabase;
	let prefix: ReturnType<typeof createTestPrefix>;
	const redisProxy = new TcpProxy('127.0.0.1', 6379);
	const postgresProxy = new TcpProxy('127.0.0.1', 5432);
	let app: RunningApp;

	async function readiness(): Promise<Readiness> {
		const response = await fetch(`http://127.0.0.1:${app.healthPort}/readyz`);
		return { status: response.status, checks: ((await response.json()) as { checks: Record<string, boolean> }).checks };
	}

	beforeAll(async () => {
		discord = new FakeDiscord();
		await discord.start();
		database = await createTestDatabase();
		prefix = createTestPrefix();
		await redisProxy.start();
		await postgresProxy.start();
		app = await startAppAgainst(
			discord,
			{ url: throughProxy(database.url, postgresProxy), drop: () => database.drop() },
			prefix.prefix,
			new TestClock(),
			{ redisUrl: throughProxy(REDIS_URL, redisProxy) },
		);
	}, 60_000);

	afterAll(async () => {
		await redisProxy.restore().catch(() => undefined);
		await postgresProxy.restore().catch(() => undefined);
		await app.stop();
		await redisProxy.stop();
		await postgresProxy.stop();
		await discord.stop();
		await prefix.clear();
		await database.drop();
	});

	it('is ready with everything up', async () => {
		expect(await readiness()).toEqual({ status: 200, checks: { postgres: true, redis: true, gateway: true } });
	});

	it.each([
		['Redis', () => redisProxy, { postgres: true, redis: false, gateway: true }],
		['Postgres', () => postgresProxy, { postgres: false, redis: true, gateway: true }],
	] as const)(
		'turns unready when %s is cut, and ready again when it returns',
		async (_name, proxy, checks) => {
			await proxy().cut();
			expect(
				await eventually(async () => ((await readiness()).status === 503 ? readiness() : undefined), 'unready'),
			).toEqual({
				status: 503,
				checks,
			});
			await proxy().restore();
			await eventually(async () => ((await readiness()).status === 200 ? true : undefined), 'ready again', 20_000);
			const search = await discord.command({ name: 'search', options: { query: 'vpc peering' } });
			expect(search.ephemeral).toBe(true);
		},
		40_000,
	);
});
