import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadContentConfig, loadDiscordConfig, loadServiceConfig } from '../../src/config/config.js';

const token = `${'M'.repeat(24)}.${'x'.repeat(6)}.${'y'.repeat(38)}`;

describe('loadDiscordConfig', () => {
	it('reads a complete environment', () => {
		const config = loadDiscordConfig(
			{
				DISCORD_TOKEN: token,
				DISCORD_APPLICATION_ID: '123456789012345678',
				DISCORD_DEV_GUILD_ID: ' 223456789012345678 ',
				CONTENT_DIR: 'my-content',
				LOG_LEVEL: 'debug',
				DISCORD_API_URL: 'http://127.0.0.1:8080/api',
			},
			'/srv/bot',
		);
		expect(config).toEqual({
			token,
			applicationId: '123456789012345678',
			devGuildId: '223456789012345678',
			contentDir: path.resolve('/srv/bot', 'my-content'),
			logLevel: 'debug',
			apiUrl: 'http://127.0.0.1:8080/api',
		});
	});

	it('uses defaults for what is optional, empty values included', () => {
		const config = loadDiscordConfig(
			{ DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: '', DISCORD_DEV_GUILD_ID: '' },
			'/srv',
		);
		expect(config).toMatchObject({
			contentDir: '/srv/content',
			logLevel: 'info',
			applicationId: undefined,
			devGuildId: undefined,
		});
	});

	it('names every missing or invalid setting, and never echoes the token', () => {
		const attempt = () =>
			loadDiscordConfig({
				DISCORD_TOKEN: 'secret-but-short',
				DISCORD_DEV_GUILD_ID: 'my-guild',
				LOG_LEVEL: 'loud',
				DISCORD_API_URL: 'nope',
			});
		expect(attempt).toThrow(ConfigError);
		try {
			attempt();
		} catch (error) {
			const message = (error as ConfigError).message;
			expect(message).toMatch(/DISCORD_TOKEN does not look like a bot token/u);
			expect(message).toMatch(/DISCORD_DEV_GUILD_ID must be a Discord id/u);
			expect(message).toMatch(/LOG_LEVEL/u);
			expect(message).toMatch(/DISCORD_API_URL must be an http\(s\) URL/u);
			expect(message).not.toContain('secret-but-short');
		}
		expect(() => loadDiscordConfig({})).toThrow(/DISCORD_TOKEN is required/u);
	});
});

describe('loadServiceConfig', () => {
	const base = { DISCORD_TOKEN: token, DATABASE_URL: 'postgresql://u@localhost:5432/db' };

	it('reads Postgres, Redis, the queue prefix, migrations and the health port, with defaults', () => {
		expect(loadServiceConfig(base, '/srv')).toMatchObject({
			databaseUrl: 'postgresql://u@localhost:5432/db',
			redisUrl: 'redis://127.0.0.1:6379',
			queuePrefix: 'studybot',
			migrateOnStart: true,
			healthPort: 8080,
			shards: { count: 'auto', ids: undefined },
			scheduleCheckSeconds: 300,
			databasePoolSize: 20,
		});
		expect(loadServiceConfig({ ...base, MIGRATE_ON_START: 'no', HEALTH_PORT: '0' })).toMatchObject({
			migrateOnStart: false,
			healthPort: 0,
		});
	});

	it('names each bad setting', () => {
		expect(() =>
			loadServiceConfig({
				...base,
				DATABASE_URL: 'mysql://x',
				REDIS_URL: 'http://x',
				QUEUE_PREFIX: 'has space',
				MIGRATE_ON_START: 'maybe',
				HEALTH_PORT: '99999',
				SCHEDULE_CHECK_SECONDS: '0',
			}),
		).toThrow(
			/DATABASE_URL must be a postgresql:\/\/ URL[^]*REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL[^]*QUEUE_PREFIX must be letters[^]*MIGRATE_ON_START must be true or false[^]*SCHEDULE_CHECK_SECONDS must be a whole number of seconds, at least 1[^]*HEALTH_PORT must be between 0 and 65535/u,
		);
		// Without DATABASE_URL the processes use the machine's own PostgreSQL (src/db/localDatabase.ts).
		expect(loadServiceConfig({ DISCORD_TOKEN: token }).databaseUrl).toBeUndefined();
	});

	it('reads the shard count and the shards of this process as lists and ranges', () => {
		expect(loadServiceConfig({ ...base, DISCORD_SHARD_COUNT: 'AUTO' }).shards).toEqual({
			count: 'auto',
			ids: undefined,
		});
		expect(loadServiceConfig({ ...base, DISCORD_SHARD_COUNT: '4' }).shards).toEqual({ count: 4, ids: undefined });
		expect(
			loadServiceConfig({ ...base, DISCORD_SHARD_COUNT: '16', DISCORD_SHARD_IDS: '8-11, 3,0-1,3' }).shards,
		).toEqual({ count: 16, ids: [0, 1, 3, 8, 9, 10, 11] });
	});

	it.each([
		[{ DISCORD_SHARD_COUNT: '0' }, /DISCORD_SHARD_COUNT must be "auto" or a whole number of shards/u],
		[{ DISCORD_SHARD_COUNT: 'many' }, /DISCORD_SHARD_COUNT must be "auto" or a whole number of shards/u],
		[{ DISCORD_SHARD_IDS: '0' }, /DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT set to a number/u],
		[
			{ DISCORD_SHARD_COUNT: '2', DISCORD_SHARD_IDS: '1,2' },
			/DISCORD_SHARD_IDS must be below DISCORD_SHARD_COUNT \(2\)/u,
		],
		[{ DISCORD_SHARD_COUNT: '4', DISCORD_SHARD_IDS: '3-1' }, /DISCORD_SHARD_IDS names no shard/u],
		[{ DISCORD_SHARD_COUNT: '4', DISCORD_SHARD_IDS: 'one' }, /DISCORD_SHARD_IDS must be shard ids such as "0,1"/u],
	])('refuses the shard settings %o', (settings, message) => {
		expect(() => loadServiceConfig({ ...base, ...settings })).toThrow(message);
	});
});

describe('loadContentConfig', () => {
	it('needs no Discord settings', () => {
		expect(loadContentConfig({}, '/x')).toEqual({ contentDir: '/x/content', logLevel: 'info' });
	});
});
