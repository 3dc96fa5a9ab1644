import { afterAll, beforeAll } from 'vitest';
import { startApp, type AppRoles, type RunningApp } from '../../src/app/startApp.js';
import { loadDiscordConfig, loadServiceConfig } from '../../src/config/config.js';
import { APPLICATION_COMMAND_DEFINITIONS } from '../../src/discord/commands/index.js';
import { registerCommands } from '../../src/discord/registerCommands.js';
import { createLogger, type Logger } from '../../src/logging/logger.js';
import { CONTENT_DIR } from '../support/library.js';
import { createTestDatabase, createTestPrefix, REDIS_URL, type TestDatabase } from '../support/services.js';
import { FakeDiscord, type SeenMessage } from './fakeDiscord/FakeDiscord.js';

export const FAKE_TOKEN = `${'M'.repeat(26)}.fake.${'t'.repeat(38)}`;

/** A clock the test moves by hand. */
export class TestClock {
	public constructor(private current = new Date('2026-03-10T08:00:00Z')) {}
	public readonly now = (): Date => new Date(this.current.getTime());
	public set(instant: string | Date): void {
		this.current = new Date(instant);
	}
	public advance(milliseconds: number): void {
		this.current = new Date(this.current.getTime() + milliseconds);
	}
}

export interface Harness {
	readonly discord: FakeDiscord;
	readonly app: RunningApp;
	readonly database: TestDatabase;
	readonly queuePrefix: string;
	readonly clock: TestClock;
	stop(): Promise<void>;
}

export interface HarnessOptions extends AppOptions {
	readonly guilds?: number;
	readonly recommendedShards?: number;
}

export interface AppOptions {
	readonly roles?: AppRoles;
	readonly redisUrl?: string;
	/** More settings, as environment variables. */
	readonly env?: Readonly<Record<string, string>>;
	/** Where the app logs; silent when absent. */
	readonly logger?: Logger;
}

/** Starts the real app (bot and/or worker) against a fake Discord, its own database and Redis prefix. */
export async function startAppAgainst(
	discord: FakeDiscord,
	database: TestDatabase,
	queuePrefix: string,
	clock: TestClock,
	{ roles = { bot: true, worker: true }, redisUrl = REDIS_URL, env = {}, logger }: AppOptions = {},
): Promise<RunningApp> {
	const config = loadServiceConfig({
		DISCORD_TOKEN: FAKE_TOKEN,
		DISCORD_API_URL: discord.apiUrl,
		CONTENT_DIR,
		LOG_LEVEL: 'silent',
		DATABASE_URL: database.url,
		REDIS_URL: redisUrl,
		QUEUE_PREFIX: queuePrefix,
		MIGRATE_ON_START: 'false',
		HEALTH_PORT: '0',
		...env,
	});
	const app = await startApp(
		{ ...config, databaseUrl: database.url },
		logger ?? createLogger(config.logLevel),
		roles,
		clock.now,
	);
	// Tests start from a finished start-up: schedules reconciled, workers running.
	await app.started;
	return app;
}

/** A fake Discord on a free local port, a fresh database and Redis prefix, and the real app logged in. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
	const discord = new FakeDiscord(options);
	await discord.start();
	const database = await createTestDatabase();
	const redis = createTestPrefix();
	const clock = new TestClock();
	const app = await startAppAgainst(discord, database, redis.prefix, clock, options);
	return {
		discord,
		app,
		database,
		queuePrefix: redis.prefix,
		clock,
		async stop() {
			await app.stop();
			await discord.stop();
			await redis.clear();
			await database.drop();
		},
	};
}

/** One harness for the test file: started before its tests, stopped after them. */
export function useHarness(options: HarnessOptions = {}): () => Harness {
	let harness: Harness | undefined;
	beforeAll(async () => {
		harness = await startHarness(options);
	}, 60_000);
	afterAll(async () => {
		await harness?.stop();
	});
	return () => {
		if (!harness) {
			throw new Error('the harness is not started: call useHarness() at the top of a describe block');
		}
		return harness;
	};
}

/** The guild's manager sets the quiz up in its first channel, daily at 09:00 UTC. */
export function setUpDailyQuiz(discord: FakeDiscord, guild = discord.guild): Promise<SeenMessage> {
	return discord.command({
		name: 'quiz',
		subcommand: 'setup',
		guild,
		member: discord.memberNamed('manager', guild),
		options: { channel: { kind: 'channel', id: guild.channels[0]?.id ?? '' }, time: '09:00', timezone: 'UTC' },
	});
}

/**
 * Registers every command as `studybot commands` does: globally, or in one guild. From then on
 * the fake offers each command only where Discord would.
 */
export async function registerAllCommands(discord: FakeDiscord, scope: 'global' | 'guild' = 'global'): Promise<void> {
	await registerCommands(
		loadDiscordConfig({
			DISCORD_TOKEN: FAKE_TOKEN,
			DISCORD_API_URL: discord.apiUrl,
			...(scope === 'global'
				? { DISCORD_APPLICATION_ID: discord.application.id }
				: { DISCORD_DEV_GUILD_ID: discord.guild.id }),
		}),
		APPLICATION_COMMAND_DEFINITIONS,
	);
}
