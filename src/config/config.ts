import path from 'node:path';
import { z } from 'zod';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optionalText = z
	.string()
	.trim()
	.transform((value) => (value === '' ? undefined : value))
	.optional();

const snowflake = z
	.string()
	.trim()
	.regex(/^\d{17,20}$/u, 'must be a Discord id (17 to 20 digits)');

const optionalSnowflake = optionalText.pipe(snowflake.optional());

const contentSchema = z.object({
	CONTENT_DIR: z.string().trim().min(1).default('content'),
	LOG_LEVEL: z.enum(logLevels).default('info'),
});

const discordSchema = contentSchema.extend({
	DISCORD_TOKEN: optionalText.pipe(
		z
			.string({ error: 'is required: the bot token from the Discord Developer Portal' })
			.min(50, 'does not look like a bot token (too short)'),
	),
	DISCORD_APPLICATION_ID: optionalSnowflake,
	DISCORD_DEV_GUILD_ID: optionalSnowflake,
	DISCORD_API_URL: optionalText.pipe(z.url({ error: 'must be an http(s) URL' }).optional()),
});

const booleanFlag = z
	.string()
	.trim()
	.toLowerCase()
	.pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' }))
	.transform((value) => value === 'true' || value === '1' || value === 'yes');

const databaseSchema = z.object({
	DATABASE_URL: optionalText.pipe(
		z
			.string()
			.regex(/^postgres(?:ql)?:\/\//u, 'must be a postgresql:// URL, such as postgresql://user@localhost:5432/studybot')
			.optional(),
	),
});

const serviceSchema = discordSchema
	.extend({
		...databaseSchema.shape,
		REDIS_URL: optionalText.pipe(
			z
				.string()
				.regex(/^rediss?:\/\//u, 'must be a redis:// or rediss:// URL')
				.default('redis://127.0.0.1:6379'),
		),
		QUEUE_PREFIX: optionalText.pipe(
			z
				.string()
				.regex(/^[\w-]{1,40}$/u, 'must be letters, digits, - or _ (at most 40)')
				.default('studybot'),
		),
		MIGRATE_ON_START: optionalText.pipe(booleanFlag.default(true)),
		DATABASE_POOL_SIZE: optionalText.pipe(
			z
				.string()
				.regex(/^[1-9]\d{0,2}$/u, 'must be a whole number of connections, 1 to 999')
				.transform(Number)
				.default(20),
		),
		SCHEDULE_CHECK_SECONDS: optionalText.pipe(
			z
				.string()
				.regex(/^[1-9]\d{0,5}$/u, 'must be a whole number of seconds, at least 1')
				.transform(Number)
				.default(300),
		),
		DISCORD_SHARD_COUNT: optionalText.pipe(
			z
				.string()
				.toLowerCase()
				.regex(/^(?:auto|[1-9]\d{0,4})$/u, 'must be "auto" or a whole number of shards (1 or more)')
				.transform((value): 'auto' | number => (value === 'auto' ? 'auto' : Number(value)))
				.default('auto'),
		),
		DISCORD_SHARD_IDS: optionalText.pipe(
			z
				.string()
				.regex(
					/^\d{1,5}(?:-\d{1,5})?(?:\s*,\s*\d{1,5}(?:-\d{1,5})?)*$/u,
					'must be shard ids such as "0,1" or a range such as "0-3"',
				)
				.transform(parseShardIds)
				.optional(),
		),
		HEALTH_PORT: optionalText.pipe(
			z
				.string()
				.regex(/^\d{1,5}$/u, 'must be a port number')
				.transform(Number)
				.pipe(z.number().max(65_535, 'must be between 0 and 65535'))
				.default(8080),
		),
	})
	.superRefine((env, context) => {
		const ids = env.DISCORD_SHARD_IDS;
		// zod runs this even when a field failed its own check (reported already): ids may be raw text.
		if (!Array.isArray(ids)) {
			return;
		}
		if (ids.length === 0) {
			context.addIssue({
				code: 'custom',
				path: ['DISCORD_SHARD_IDS'],
				message: 'names no shard: write ranges low-high',
			});
		} else if (env.DISCORD_SHARD_COUNT === 'auto') {
			context.addIssue({
				code: 'custom',
				path: ['DISCORD_SHARD_IDS'],
				message: 'needs DISCORD_SHARD_COUNT set to a number: processes that split the shards must agree on the total',
			});
		} else if (ids.some((id) => id >= Number(env.DISCORD_SHARD_COUNT))) {
			context.addIssue({
				code: 'custom',
				path: ['DISCORD_SHARD_IDS'],
				message: `must be below DISCORD_SHARD_COUNT (${String(env.DISCORD_SHARD_COUNT)}): shard ids start at 0`,
			});
		}
	});

function parseShardIds(list: string): number[] {
	const ids = new Set<number>();
	for (const part of list.split(',')) {
		const [first = '', last = first] = part.trim().split('-');
		for (let id = Number(first); id <= Number(last); id += 1) {
			ids.add(id);
		}
	}
	return [...ids].sort((a, b) => a - b);
}

export interface ContentConfig {
	/** Folder holding `notes/`, `questions/` and `synonyms.json`, resolved to an absolute path. */
	readonly contentDir: string;
	readonly logLevel: (typeof logLevels)[number];
}

export interface DiscordConfig extends ContentConfig {
	readonly token: string;
	/** Needed to register commands; fetched from Discord when absent. */
	readonly applicationId: string | undefined;
	/** When set, commands are registered to this guild only (instant, for development). */
	readonly devGuildId: string | undefined;
	/** REST base such as `https://discord.com/api`; only for Discord-compatible test servers. */
	readonly apiUrl: string | undefined;
}

export interface DatabaseConfig {
	/**
	 * Never logged: it may hold a password. Undefined when DATABASE_URL is not set: the processes
	 * then use (and create) the `studybot` database of the machine's own PostgreSQL.
	 */
	readonly databaseUrl: string | undefined;
}

/** What the bot and the worker need: Discord, Postgres and Redis. */
export interface ServiceConfig extends DiscordConfig, DatabaseConfig {
	readonly redisUrl: string;
	/** BullMQ key prefix in Redis, so several deployments (or test runs) can share a Redis. */
	readonly queuePrefix: string;
	/** Apply pending database migrations when a process starts. */
	readonly migrateOnStart: boolean;
	/** Postgres connections this process may hold at once. */
	readonly databasePoolSize: number;
	/** How often a bot process checks that Redis holds every schedule Postgres asks for. */
	readonly scheduleCheckSeconds: number;
	/** Port of /healthz, /readyz and /metrics; 0 picks a free one. */
	readonly healthPort: number;
	readonly shards: ShardConfig;
}

/**
 * Gateway shards of a `bot` process: how many the bot has in all, and which of them this
 * process runs (all of them unless split across processes).
 */
export interface ShardConfig {
	/** `auto` asks Discord for its recommended count. */
	readonly count: 'auto' | number;
	/** Shards this process connects; `undefined` means all of them. */
	readonly ids: readonly number[] | undefined;
}

export class ConfigError extends Error {
	public constructor(public readonly problems: readonly string[]) {
		super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
		this.name = 'ConfigError';
	}
}

type Environment = Readonly<Record<string, string | undefined>>;

function parseOrThrow<T>(schema: z.ZodType<T>, env: Environment): T {
	const result = schema.safeParse(env);
	if (!result.success) {
		throw new ConfigError(
			result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`),
		);
	}
	return result.data;
}

export function loadContentConfig(env: Environment, cwd = process.cwd()): ContentConfig {
	const parsed = parseOrThrow(contentSchema, env);
	return { contentDir: path.resolve(cwd, parsed.CONTENT_DIR), logLevel: parsed.LOG_LEVEL };
}

export function loadDiscordConfig(env: Environment, cwd = process.cwd()): DiscordConfig {
	const parsed = parseOrThrow(discordSchema, env);
	return {
		contentDir: path.resolve(cwd, parsed.CONTENT_DIR),
		logLevel: parsed.LOG_LEVEL,
		token: parsed.DISCORD_TOKEN,
		applicationId: parsed.DISCORD_APPLICATION_ID,
		devGuildId: parsed.DISCORD_DEV_GUILD_ID,
		apiUrl: parsed.DISCORD_API_URL,
	};
}

export function loadDatabaseConfig(env: Environment): DatabaseConfig {
	return { databaseUrl: parseOrThrow(databaseSchema, env).DATABASE_URL };
}

export function loadServiceConfig(env: Environment, cwd = process.cwd()): ServiceConfig {
	const parsed = parseOrThrow(serviceSchema, env);
	return {
		...loadDiscordConfig(env, cwd),
		databaseUrl: parsed.DATABASE_URL,
		redisUrl: parsed.REDIS_URL,
		queuePrefix: parsed.QUEUE_PREFIX,
		migrateOnStart: parsed.MIGRATE_ON_START,
		databasePoolSize: parsed.DATABASE_POOL_SIZE,
		scheduleCheckSeconds: parsed.SCHEDULE_CHECK_SECONDS,
		healthPort: parsed.HEALTH_PORT,
		shards: { count: parsed.DISCORD_SHARD_COUNT, ids: parsed.DISCORD_SHARD_IDS },
	};
}
