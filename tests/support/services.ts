import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { migrateDatabase } from '../../src/db/migrate.js';

/** The machine's Postgres and Redis (see ../shared/docs/environment.md); tests own their own databases and key prefixes. */
export const POSTGRES_ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = 'redis://127.0.0.1:6379';

function databaseUrl(name: string): string {
	const url = new URL(POSTGRES_ADMIN_URL);
	url.pathname = `/${name}`;
	return url.toString();
}

/** Runs SQL (one or many statements) on a database. */
export async function runSql(url: string, sql: string): Promise<void> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query(sql);
	} finally {
		await client.end();
	}
}

const admin = (sql: string): Promise<void> => runSql(POSTGRES_ADMIN_URL, sql);

export interface TestDatabase {
	readonly url: string;
	drop(): Promise<void>;
}

/** A fresh database of the test's own, migrated with the project's migrations unless told not to. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
	const name = `studybot_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
	await admin(`CREATE DATABASE "${name}"`);
	const url = databaseUrl(name);
	if (options.migrate ?? true) {
		await migrateDatabase(url);
	}
	return {
		url,
		drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
	};
}

/** A Redis key prefix of the test's own, and a way to remove every key under it. */
/** Deletes every Redis key under a prefix of our own; the machine's other keys are never touched. */
export async function clearPrefix(prefix: string): Promise<void> {
	const redis = new Redis(REDIS_URL);
	try {
		let cursor = '0';
		do {
			const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
			cursor = next;
			if (keys.length > 0) {
				await redis.del(...keys);
			}
		} while (cursor !== '0');
	} finally {
		redis.disconnect();
	}
}

export function createTestPrefix(): { readonly prefix: string; clear(): Promise<void> } {
	const prefix = `studybot-test-${randomUUID().slice(0, 8)}`;
	return { prefix, clear: () => clearPrefix(prefix) };
}
