import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { NoLocalDatabaseError, useLocalDatabase } from '../../src/db/localDatabase.js';
import { runSql, POSTGRES_ADMIN_URL } from '../support/services.js';

/** What a newcomer without DATABASE_URL gets: the machine's own PostgreSQL, with the database created once. */
describe('useLocalDatabase', () => {
	const name = `studybot_test_local_${randomUUID().replaceAll('-', '').slice(0, 12)}`;

	afterAll(async () => {
		await runSql(POSTGRES_ADMIN_URL, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
	});

	it('creates the database on the local server the first time, as a user that logs in without a password', async () => {
		const first = await useLocalDatabase({ name, users: ['no_such_role_here', 'postgres'] });
		expect(first).toMatchObject({ user: 'postgres', name, created: true });
		const client = new pg.Client({ connectionString: first.url });
		await client.connect();
		expect((await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0]?.db).toBe(name);
		await client.end();
	});

	it('uses it as it is afterwards', async () => {
		expect(await useLocalDatabase({ name, users: ['postgres'] })).toMatchObject({ created: false });
	});

	it('says what to set when no local user gets in', async () => {
		await expect(useLocalDatabase({ name, users: ['no_such_role_here'] })).rejects.toBeInstanceOf(NoLocalDatabaseError);
		await expect(useLocalDatabase({ name, users: ['no_such_role_here'] })).rejects.toThrow(
			/DATABASE_URL is not set, and the PostgreSQL server at 127\.0\.0\.1:5432 does not let no_such_role_here in without a password\. Set DATABASE_URL/u,
		);
	});
});
