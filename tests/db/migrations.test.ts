import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, pendingSchemaChanges } from '../../src/db/migrate.js';
import { MIGRATIONS_DIR, readMigrations } from '../../src/db/schemaEngine.js';
import { createTestDatabase, runSql, type TestDatabase } from '../support/services.js';

describe('database migrations through the WASM schema engine', () => {
	let database: TestDatabase;

	beforeAll(async () => {
		database = await createTestDatabase();
	}, 60_000);

	afterAll(async () => {
		await database.drop();
	});

	it('records every migration in _prisma_migrations as prisma migrate deploy does', async () => {
		const client = new pg.Client({ connectionString: database.url });
		await client.connect();
		try {
			const { rows } = await client.query<{
				migration_name: string;
				checksum: string;
				finished: boolean;
				applied_steps_count: number;
			}>(
				'SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
			);
			const migrations = await readMigrations();
			expect(rows.map((row) => row.migration_name)).toEqual(
				migrations.migrationDirectories.map((directory) => directory.path),
			);
			for (const row of rows) {
				const sql = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
				expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
				expect(row.finished).toBe(true);
				expect(row.applied_steps_count).toBe(1);
			}
		} finally {
			await client.end();
		}
	});

	it('applies nothing the second time', async () => {
		expect(await migrateDatabase(database.url)).toEqual([]);
	});

	it('has migrations that match prisma/schema.prisma (no drift)', async () => {
		expect(await pendingSchemaChanges(database.url)).toBe('');
	}, 60_000);

	it('enforces one round per guild and date, and one answer per member and round', async () => {
		const client = new pg.Client({ connectionString: database.url });
		await client.connect();
		try {
			await client.query(
				`INSERT INTO guild_quiz_settings (guild_id, channel_id, post_time, timezone, updated_at) VALUES ('1', '2', '09:00', 'UTC', now())`,
			);
			const insertRound = `INSERT INTO quiz_rounds (guild_id, local_date, question_id, topic, option_order, channel_id, closes_at) VALUES ('1', '2026-03-10', 'q', 't', '{0,1}', '2', now()) RETURNING id`;
			const { rows } = await client.query<{ id: number }>(insertRound);
			await expect(client.query(insertRound)).rejects.toThrow(/quiz_rounds_guild_id_local_date_key/u);
			const insertAnswer = `INSERT INTO quiz_answers (round_id, guild_id, user_id, choices, option_indices, correct, points, response_ms) VALUES (${rows[0]?.id ?? 0}, '1', '3', '{0}', '{0}', true, 10, 5)`;
			await client.query(insertAnswer);
			await expect(client.query(insertAnswer)).rejects.toThrow(/quiz_answers_round_id_user_id_key/u);
		} finally {
			await client.end();
		}
	});

	it('keeps every answer given before multi-answer questions, its one choice becoming a list of one', async () => {
		const older = await createTestDatabase({ migrate: false });
		try {
			const { migrationDirectories } = await readMigrations();
			const split = migrationDirectories.findIndex((directory) => directory.path.endsWith('_answer_choice_lists'));
			expect(split).toBeGreaterThan(0);
			const sqlOf = (name: string) => readFile(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8');
			for (const directory of migrationDirectories.slice(0, split)) {
				await runSql(older.url, await sqlOf(directory.path));
			}
			await runSql(
				older.url,
				`INSERT INTO guild_quiz_settings (guild_id, channel_id, post_time, timezone, updated_at) VALUES ('1', '2', '09:00', 'UTC', now());
				 INSERT INTO quiz_rounds (id, guild_id, local_date, question_id, topic, option_order, channel_id, closes_at) VALUES (1, '1', '2026-01-01', 'q', 't', '{2,0,1}', '2', now());
				 INSERT INTO quiz_answers (round_id, guild_id, user_id, choice, option_index, correct, points, response_ms) VALUES (1, '1', '3', 1, 0, true, 12, 5), (1, '1', '4', 2, 1, false, 0, 9);`,
			);
			await runSql(older.url, await sqlOf(migrationDirectories[split]?.path ?? ''));
			const client = new pg.Client({ connectionString: older.url });
			await client.connect();
			try {
				const { rows } = await client.query<{ user_id: string; choices: number[]; option_indices: number[] }>(
					'SELECT user_id, choices, option_indices FROM quiz_answers ORDER BY user_id',
				);
				expect(rows).toEqual([
					{ user_id: '3', choices: [1], option_indices: [0] },
					{ user_id: '4', choices: [2], option_indices: [1] },
				]);
			} finally {
				await client.end();
			}
		} finally {
			await older.drop();
		}
	});
});
