#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startApp, type AppRoles } from '../app/startApp.js';
import {
	ConfigError,
	type DatabaseConfig,
	loadContentConfig,
	loadDatabaseConfig,
	loadDiscordConfig,
	loadServiceConfig,
} from '../config/config.js';
import { NoLocalDatabaseError, useLocalDatabase } from '../db/localDatabase.js';
import { migrateDatabase } from '../db/migrate.js';
import { APPLICATION_COMMAND_DEFINITIONS, MESSAGE_COMMANDS } from '../discord/commands/index.js';
import { registerCommands } from '../discord/registerCommands.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { NoNotesError } from '../search/loadSearchIndex.js';
import { formatBankReport, reviewQuestionBank } from './questionsReport.js';
import { searchFromTerminal } from './searchCommand.js';

const USAGE = `Usage: studybot <command>

Commands:
  all                    the bot and the quiz worker in one process (the default for small servers)
  bot                    connect to Discord and answer slash commands (gateway + interactions)
  worker                 post and close quiz questions from the job queue (Discord REST only)
  migrate                apply pending database migrations
  commands               register the slash and message-menu commands with Discord
                         (in DISCORD_DEV_GUILD_ID when set, else globally)
  search [--json] <query>  search the notes from the terminal
  questions              check the question bank and print its spread (exit 1 if it needs fixing)

Settings come from the environment; see .env.example.`;

/** DATABASE_URL, or the machine's own PostgreSQL when it is not set (said in the log). */
async function databaseUrlOf(config: DatabaseConfig, logger?: Logger): Promise<string> {
	if (config.databaseUrl !== undefined) {
		return config.databaseUrl;
	}
	const local = await useLocalDatabase();
	const message = `DATABASE_URL is not set: using the local database "${local.name}" as ${local.user}${local.created ? ' (created it just now)' : ''}`;
	if (logger) {
		logger.info({ database: local.name, user: local.user, created: local.created }, message);
	} else {
		console.error(message);
	}
	return local.url;
}

async function runApp(roles: AppRoles): Promise<void> {
	const config = loadServiceConfig(process.env);
	const logger = createLogger(config.logLevel);
	const app = await startApp({ ...config, databaseUrl: await databaseUrlOf(config, logger) }, logger, roles);
	app.started.catch((error: unknown) => {
		logger.fatal({ err: error }, 'start-up failed');
		process.exit(1);
	});
	let stopping = false;
	const stop = (signal: NodeJS.Signals): void => {
		if (stopping) {
			return;
		}
		stopping = true;
		logger.info({ signal }, 'shutting down');
		app.stop().then(
			() => {
				logger.info('shut down cleanly');
				process.exit(0);
			},
			(error: unknown) => {
				logger.error({ err: error }, 'shutdown failed');
				process.exit(1);
			},
		);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

async function runCommands(): Promise<void> {
	const config = loadDiscordConfig(process.env);
	const result = await registerCommands(config, APPLICATION_COMMAND_DEFINITIONS);
	const menu = new Set(MESSAGE_COMMANDS.map((command) => command.definition.name));
	const listed = result.names.map((name) => (menu.has(name) ? `“${name}” (message menu)` : `/${name}`));
	console.log(
		`Registered ${listed.join(', ')} ${result.scope === 'guild' ? `in guild ${config.devGuildId ?? ''}` : 'globally (may take up to an hour to appear)'} for application ${result.applicationId}.`,
	);
}

async function runSearchCommand(args: readonly string[]): Promise<number> {
	const { values, positionals } = parseArgs({
		args: [...args],
		allowPositionals: true,
		options: { json: { type: 'boolean', default: false } },
	});
	const query = positionals.join(' ');
	const config = loadContentConfig(process.env);
	const { output, exitCode, warnings } = await searchFromTerminal(config.contentDir, query, {
		json: values.json,
		bold: process.stdout.isTTY,
	});
	for (const warning of warnings) {
		console.error(warning);
	}
	console.log(output);
	return exitCode;
}

async function main(argv: readonly string[]): Promise<number> {
	const [command, ...rest] = argv;
	switch (command) {
		case 'all':
			await runApp({ bot: true, worker: true });
			return -1;
		case 'bot':
			await runApp({ bot: true, worker: false });
			return -1;
		case 'worker':
			await runApp({ bot: false, worker: true });
			return -1;
		case 'migrate': {
			const applied = await migrateDatabase(await databaseUrlOf(loadDatabaseConfig(process.env)));
			console.log(applied.length > 0 ? `Applied ${applied.join(', ')}.` : 'The database is up to date.');
			// The schema engine can keep the process alive for a while after it is done.
			process.exit(0);
			return 0;
		}
		case 'commands':
			await runCommands();
			return 0;
		case 'search':
			return runSearchCommand(rest);
		case 'questions': {
			const report = await reviewQuestionBank(loadContentConfig(process.env).contentDir);
			console.log(formatBankReport(report));
			const clean =
				report.problems.length === 0 && report.nearDuplicates.length === 0 && report.shortfalls.length === 0;
			return clean ? 0 : 1;
		}
		case undefined:
		case 'help':
		case '--help':
		case '-h':
			console.log(USAGE);
			return command === undefined ? 2 : 0;
		default:
			console.error(`Unknown command "${command}".\n\n${USAGE}`);
			return 2;
	}
}

main(process.argv.slice(2)).then(
	(exitCode) => {
		if (exitCode >= 0) {
			process.exitCode = exitCode;
		}
	},
	(error: unknown) => {
		if (error instanceof ConfigError) {
			console.error(error.message);
		} else if (error instanceof NoLocalDatabaseError) {
			console.error(error.message);
		} else if (error instanceof NoNotesError) {
			console.error(`${error.message}\nCONTENT_DIR must name the folder that holds notes/ (and questions/).`);
		} else {
			console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
		}
		process.exitCode = 1;
	},
);
