/**
 * `npm run db:new-migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
 * for the changes in prisma/schema.prisma that no migration has yet, offline (the same job as
 * `prisma migrate dev --create-only`). Needs DATABASE_URL and the right to create databases
 * (the engine builds a throw-away shadow database to replay the migrations).
 */
import { ConfigError, loadDatabaseConfig } from '../config/config.js';
import { useLocalDatabase } from '../db/localDatabase.js';
import { createMigration } from '../db/migrate.js';

const name = process.argv[2];
if (name === undefined || !/^[a-z0-9_]+$/iu.test(name)) {
	console.error('Usage: npm run db:new-migration -- <name>   (letters, digits and _ only)');
	process.exit(2);
}
try {
	const { databaseUrl } = loadDatabaseConfig(process.env);
	const directory = await createMigration(databaseUrl ?? (await useLocalDatabase()).url, name);
	console.log(
		directory === undefined
			? 'The migrations already match the schema: nothing to write.'
			: `Wrote ${directory}/migration.sql`,
	);
	process.exit(0);
} catch (error) {
	console.error(error instanceof ConfigError ? error.message : error);
	process.exit(1);
}
