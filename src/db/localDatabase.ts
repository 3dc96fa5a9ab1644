import { userInfo } from 'node:os';
import pg from 'pg';

/** Where a newcomer's PostgreSQL listens: the Debian and Homebrew defaults. */
const LOCAL_HOST = '127.0.0.1';
const LOCAL_PORT = 5432;
const CONNECT_TIMEOUT_MS = 3_000;

export class NoLocalDatabaseError extends Error {
	public constructor(users: readonly string[]) {
		super(
			`DATABASE_URL is not set, and the PostgreSQL server at ${LOCAL_HOST}:${String(LOCAL_PORT)} does not let ` +
				`${users.join(' or ')} in without a password. Set DATABASE_URL to your database, for example ` +
				'postgresql://user:password@localhost:5432/studybot (see .env.example).',
		);
		this.name = 'NoLocalDatabaseError';
	}
}

export interface LocalDatabase {
	/** Never logged: see DatabaseConfig. */
	readonly url: string;
	readonly user: string;
	readonly name: string;
	/** True when this call created the database. */
	readonly created: boolean;
}

/** Creates the database; false when another process created it first (duplicate_database). */
async function createDatabase(client: pg.Client, name: string): Promise<boolean> {
	try {
		await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
		return true;
	} catch (error) {
		if ((error as { code?: unknown }).code === '42P04') {
			return false;
		}
		throw error;
	}
}

function urlFor(user: string, name: string): string {
	return `postgresql://${encodeURIComponent(user)}@${LOCAL_HOST}:${String(LOCAL_PORT)}/${encodeURIComponent(name)}`;
}

/**
 * The database a newcomer gets without DATABASE_URL: `studybot` on the local server, reached as
 * `postgres` (Debian's superuser) or as the current account (Homebrew's), whichever logs in
 * without a password; created when it does not exist yet.
 */
export async function useLocalDatabase(
	options: { readonly name?: string; readonly users?: readonly string[] } = {},
): Promise<LocalDatabase> {
	const name = options.name ?? 'studybot';
	const users = [...new Set(options.users ?? ['postgres', userInfo().username])];
	for (const user of users) {
		const client = new pg.Client({
			connectionString: urlFor(user, 'postgres'),
			connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
		});
		try {
			await client.connect();
		} catch {
			await client.end().catch(() => undefined);
			continue;
		}
		try {
			const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
			const created = existing.rowCount === 0 && (await createDatabase(client, name));
			return { url: urlFor(user, name), user, name, created };
		} finally {
			await client.end();
		}
	}
	throw new NoLocalDatabaseError(users);
}
