import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app/startApp.js';
import { createTestDatabase, createTestPrefix, type TestDatabase } from '../support/services.js';
import { FakeDiscord } from './fakeDiscord/FakeDiscord.js';
import { shardOf } from './fakeDiscord/gateway.js';
import { startAppAgainst, TestClock } from './harness.js';
import { expectPrivate, firstEmbed } from './seen.js';

const BOT_ONLY = { bot: true, worker: false } as const;

async function metricsOf(app: RunningApp): Promise<string> {
	return (await fetch(`http://127.0.0.1:${String(app.healthPort)}/metrics`)).text();
}

function cachedGuildIds(app: RunningApp): string[] {
	return [...(app.bot?.client.guilds.cache.keys() ?? [])].sort();
}

describe('gateway sharding through discord.js against a sharding fake Discord', () => {
	const discord = new FakeDiscord({ guilds: 4, recommendedShards: 2 });
	const clock = new TestClock();
	let database: TestDatabase;
	let prefix: ReturnType<typeof createTestPrefix>;
	const apps: RunningApp[] = [];

	beforeAll(async () => {
		await discord.start();
		database = await createTestDatabase();
		prefix = createTestPrefix();
	}, 60_000);

	afterAll(async () => {
		await Promise.all(apps.map((app) => app.stop()));
		await discord.stop();
		await prefix.clear();
		await database.drop();
	});

	const guildsOnShard = (shard: number): string[] =>
		discord.guilds
			.filter((guild) => shardOf(guild.id, 2) === shard)
			.map((guild) => guild.id)
			.sort();

	it('spreads the fake guilds over both shards', () => {
		expect(guildsOnShard(0)).toHaveLength(2);
		expect(guildsOnShard(1)).toHaveLength(2);
	});

	it('with DISCORD_SHARD_COUNT=auto, runs the recommended number of shards and answers in every guild', async () => {
		const app = await startAppAgainst(discord, database, prefix.prefix, clock, { roles: BOT_ONLY });
		apps.push(app);
		expect(discord.gateway.liveShards).toEqual(['0/2', '1/2']);
		expect(cachedGuildIds(app)).toEqual(discord.guilds.map((guild) => guild.id).sort());
		for (const guild of discord.guilds) {
			const help = await discord.command({ name: 'help', guild });
			expectPrivate(help);
			expect(firstEmbed(help).title).toMatch(/studybot/iu);
		}
		const metrics = await metricsOf(app);
		expect(metrics).toMatch(/^studybot_guilds\{shard="0"\} 2$/mu);
		expect(metrics).toMatch(/^studybot_guilds\{shard="1"\} 2$/mu);
		await app.stop();
		apps.splice(apps.indexOf(app), 1);
	});

	it('split over two processes with DISCORD_SHARD_IDS, each process receives and answers only its own guilds', async () => {
		const [first, second] = await Promise.all(
			['0', '1'].map((ids) =>
				startAppAgainst(discord, database, prefix.prefix, clock, {
					roles: BOT_ONLY,
					env: { DISCORD_SHARD_COUNT: '2', DISCORD_SHARD_IDS: ids },
				}),
			),
		);
		if (!first || !second) {
			throw new Error('two apps expected');
		}
		apps.push(first, second);
		expect(cachedGuildIds(first)).toEqual(guildsOnShard(0));
		expect(cachedGuildIds(second)).toEqual(guildsOnShard(1));

		for (const guild of discord.guilds) {
			expectPrivate(await discord.command({ name: 'help', guild }));
		}
		const [, guildOnSecondShard] = discord.guilds;
		if (!guildOnSecondShard) {
			throw new Error('four guilds expected');
		}
		const quizStatus = await discord.command({
			name: 'quiz',
			subcommand: 'status',
			guild: guildOnSecondShard,
			member: discord.memberNamed('manager', guildOnSecondShard),
		});
		expectPrivate(quizStatus);

		const [firstMetrics, secondMetrics] = await Promise.all([metricsOf(first), metricsOf(second)]);
		expect(firstMetrics).toMatch(/^studybot_guilds\{shard="0"\} 2$/mu);
		expect(firstMetrics).not.toMatch(/^studybot_guilds\{shard="1"\}/mu);
		expect(firstMetrics).toMatch(/^studybot_interactions_total\{command="help",outcome="ok"\} 2$/mu);
		expect(firstMetrics).not.toMatch(/command="quiz"/u);
		expect(secondMetrics).toMatch(/^studybot_guilds\{shard="1"\} 2$/mu);
		expect(secondMetrics).toMatch(/^studybot_interactions_total\{command="help",outcome="ok"\} 2$/mu);
		expect(secondMetrics).toMatch(/^studybot_interactions_total\{command="quiz",outcome="ok"\} 1$/mu);
		expect(discord.unknownRoutes).toEqual([]);
	});
});
