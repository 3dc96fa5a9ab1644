import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig } from 'prisma/config';

/**
 * `prisma generate`, `validate` and `format` never run the schema engine, but the CLI downloads
 * it first, which fails offline. Pointing the CLI at any existing file skips the download; this
 * is done only for those commands and only when nothing else is set, so `migrate` still uses a
 * real engine (with a dummy one, `migrate diff` would print nothing and pass). Offline
 * migrations use `npm run db:migrate`, which drives the WASM build of the same engine.
 */
const command = process.argv.slice(2).find((argument) => !argument.startsWith('-'));
if (
	(command === 'generate' || command === 'validate' || command === 'format') &&
	(process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '') === ''
) {
	const placeholder = createRequire(import.meta.url).resolve('prisma/package.json');
	if (existsSync(placeholder)) {
		process.env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
	}
}

export default defineConfig({
	schema: 'prisma/schema.prisma',
	migrations: { path: 'prisma/migrations' },
	datasource: { url: process.env.DATABASE_URL ?? '' },
});
