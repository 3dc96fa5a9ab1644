import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports that only an adapter or the composition root may make. */
const ADAPTER_PACKAGES = ['discord.js', '@discordjs/*', 'bullmq', 'ioredis', '@prisma/*', 'pg', 'prisma'];

/**
 * The layering rules (README, "Layout"): each entry forbids a layer some imports. Patterns are
 * gitignore-style and match the relative paths of imports: `../db/client.js` is a db import.
 */
function forbid(files, patterns, message) {
	return {
		files,
		rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
	};
}

const DOMAIN = ['src/notes/**', 'src/search/**', 'src/quiz/**', 'src/scores/**', 'src/study/**', 'src/time/**'];

export default tseslint.config(
	{ ignores: ['dist/', 'node_modules/', 'coverage/', 'scratch/', 'src/db/generated/'] },
	js.configs.recommended,
	...tseslint.configs.strictTypeChecked,
	...tseslint.configs.stylisticTypeChecked,
	{
		languageOptions: {
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
		},
		rules: {
			'no-console': 'error',
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
			'@typescript-eslint/consistent-type-imports': 'error',
			'@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
		},
	},
	{
		// Configuration is read once, in src/config, from the environment the CLI passes in.
		files: ['src/**/*.ts'],
		ignores: ['src/config/**', 'src/cli/**'],
		rules: {
			'no-restricted-properties': [
				'error',
				{ object: 'process', property: 'env', message: 'Only src/config and src/cli read the environment.' },
			],
		},
	},
	forbid(
		DOMAIN,
		[...ADAPTER_PACKAGES, '**/db/**', '**/jobs/**', '**/discord/**', '**/app/**', '**/health/**'],
		'Domain code (use cases and rules) imports no adapter: talk to a port (QuizStore, QuizScheduler, QuizAnnouncer…) instead.',
	),
	forbid(
		['src/jobs/**'],
		['discord.js', '@discordjs/*', '**/discord/**', '**/db/**', '@prisma/*', '**/app/**'],
		'The worker turns a job into a use-case call; it never reaches Discord or the database itself.',
	),
	forbid(
		['src/discord/**'],
		['**/db/**', '**/jobs/**', 'bullmq', 'ioredis', '@prisma/*', 'pg', '**/app/**'],
		'Discord is a transport: commands call use cases from the BotContext, never the store or the queue.',
	),
	forbid(
		['src/db/**'],
		['discord.js', '@discordjs/*', '**/discord/**', '**/jobs/**', 'bullmq', 'ioredis', '**/app/**'],
		'The store talks to Postgres only.',
	),
	{
		// Command-line programs, benchmarks and CI checks talk to a person on the terminal.
		files: ['src/cli/**/*.ts', 'bench/**/*.ts', 'tests/runtime/checkRuntimeLayout.ts'],
		rules: { 'no-console': 'off' },
	},
	{
		files: ['eslint.config.js'],
		...tseslint.configs.disableTypeChecked,
	},
);
