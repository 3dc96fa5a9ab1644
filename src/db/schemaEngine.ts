import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import {
	bindMigrationAwareSqlAdapterFactory,
	type SqlDriverAdapter,
	type SqlMigrationAwareDriverAdapterFactory,
	type SqlQuery,
	type Transaction,
} from '@prisma/driver-adapter-utils';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';

/**
 * Prisma Migrate, offline: the WASM build of the schema engine that `prisma@7.10.0` would
 * download natively (same commit), driven through the pg driver adapter. It reads the standard
 * `prisma/migrations/<timestamp>_<name>/migration.sql` layout and records `_prisma_migrations`
 * exactly as `prisma migrate deploy` does, so online users can use the plain CLI on the same
 * files. See `../shared/docs/environment.md` for why and for the adapter defects handled here.
 */

export const PRISMA_DIR = path.resolve(fileURLToPath(new URL('../../prisma', import.meta.url)));
const SCHEMA_FILE = path.join(PRISMA_DIR, 'schema.prisma');
const MIGRATIONS_DIR = path.join(PRISMA_DIR, 'migrations');
const LOCKFILE = 'migration_lock.toml';

const PG_TYPE_CHAR = 18;
const PG_TYPE_TEXT = 25;

/** pg results as `performIO` returns them; only the column type is touched. */
interface PgResult {
	fields: { dataTypeID: number }[];
}

interface PatchableQueryable {
	performIO(query: SqlQuery): Promise<PgResult>;
}

/** Defect 1: the engine reads `pg_constraint.contype`, a `"char"` column the adapter rejects. */
function readCharAsText<T extends object>(queryable: T): T {
	const patchable = queryable as T & PatchableQueryable;
	const performIO = patchable.performIO.bind(patchable);
	patchable.performIO = async (query) => {
		const result = await performIO(query);
		for (const field of result.fields) {
			if (field.dataTypeID === PG_TYPE_CHAR) {
				field.dataTypeID = PG_TYPE_TEXT;
			}
		}
		return result;
	};
	return queryable;
}

function patchAdapter(adapter: SqlDriverAdapter, connectionString: string): SqlDriverAdapter {
	readCharAsText(adapter);
	const startTransaction = adapter.startTransaction.bind(adapter);
	adapter.startTransaction = async (isolationLevel): Promise<Transaction> =>
		readCharAsText(await startTransaction(isolationLevel));
	// Defect 2: the adapter splits scripts on `;` and runs the pieces in autocommit. One query,
	// as the native engine sends it, runs atomically and keeps `$$` bodies whole.
	adapter.executeScript = (script) => runOnDatabase(connectionString, script);
	return adapter;
}

function withDatabase(connectionString: string, database: string): string {
	const url = new URL(connectionString);
	url.pathname = `/${database}`;
	return url.toString();
}

async function runOnDatabase(connectionString: string, sql: string): Promise<void> {
	const client = new pg.Client({ connectionString });
	await client.connect();
	try {
		await client.query(sql);
	} finally {
		await client.end();
	}
}

/**
 * Defect 3: the adapter's shadow database either is the main one or cannot be dropped. Here
 * each request gets a throw-away database, dropped `WITH (FORCE)` afterwards (needs CREATEDB,
 * like the native engine).
 */
class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
	public readonly provider = 'postgres';
	public readonly adapterName = '@prisma/adapter-pg';

	public constructor(private readonly connectionString: string) {}

	public async connect(): Promise<SqlDriverAdapter> {
		return patchAdapter(
			await new PrismaPg({ connectionString: this.connectionString }).connect(),
			this.connectionString,
		);
	}

	public async connectToShadowDb(): Promise<SqlDriverAdapter> {
		const database = `prisma_migrate_shadow_db_${randomUUID().replaceAll('-', '')}`;
		await runOnDatabase(this.connectionString, `CREATE DATABASE "${database}"`);
		const shadowUrl = withDatabase(this.connectionString, database);
		const adapter = patchAdapter(await new PrismaPg({ connectionString: shadowUrl }).connect(), shadowUrl);
		const dispose = adapter.dispose.bind(adapter);
		adapter.dispose = async () => {
			await dispose();
			await runOnDatabase(this.connectionString, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
		};
		return adapter;
	}
}

/** Node provides WebAssembly; TypeScript declares it only in the DOM library, so the part used here is declared. */
declare const WebAssembly: {
	instantiate(
		bytes: Uint8Array,
		imports: Record<string, unknown>,
	): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

let wasmReady: Promise<void> | undefined;

/** Node 20 cannot import the package's `.wasm` entry without a flag; instantiate it by hand. */
function loadWasm(): Promise<void> {
	wasmReady ??= (async () => {
		const bindingsFile = fileURLToPath(import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
		const bytes = await readFile(path.join(path.dirname(bindingsFile), 'schema_engine_bg.wasm'));
		const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': engineBindings });
		engineBindings.__wbg_set_wasm(instance.exports);
		(instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
	})();
	return wasmReady;
}

export interface EngineHandle {
	readonly engine: SchemaEngine;
	readonly schema: string;
	readonly migrations: MigrationList;
	close(): void;
}

/** Reads `prisma/migrations` as the engine takes it. */
export async function readMigrations(migrationsDir = MIGRATIONS_DIR): Promise<MigrationList> {
	const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
	const directories = entries
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort();
	const lockContent = await readFile(path.join(migrationsDir, LOCKFILE), 'utf8').catch(() => undefined);
	return {
		baseDir: migrationsDir,
		lockfile: { path: LOCKFILE, content: lockContent ?? null },
		shadowDbInitScript: '',
		migrationDirectories: await Promise.all(
			directories.map(async (name) => ({
				path: name,
				migrationFile: {
					path: 'migration.sql',
					content: {
						tag: 'ok' as const,
						value: await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8'),
					},
				},
			})),
		),
	};
}

/** Starts the schema engine against a database. */
export async function openSchemaEngine(
	databaseUrl: string,
	log: (message: string) => void = () => undefined,
): Promise<EngineHandle> {
	await loadWasm();
	const schema = await readFile(SCHEMA_FILE, 'utf8');
	const engine = await engineBindings.SchemaEngine.new(
		{ datamodels: [[SCHEMA_FILE, schema]] },
		log,
		bindMigrationAwareSqlAdapterFactory(new MigrationAdapterFactory(databaseUrl)),
	);
	return {
		engine,
		schema,
		migrations: await readMigrations(),
		close: () => {
			engine.free();
		},
	};
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

export { MIGRATIONS_DIR, SCHEMA_FILE };
