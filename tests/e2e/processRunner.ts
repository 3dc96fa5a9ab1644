import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';
import { eventually } from '../support/eventually.js';
import { CONTENT_DIR } from '../support/library.js';
import type { FakeDiscord } from './fakeDiscord/FakeDiscord.js';
import { FAKE_TOKEN } from './harness.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
	const server = createServer();
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	const address = server.address();
	server.close();
	return typeof address === 'object' && address ? address.port : 0;
}

export interface StudybotProcess {
	readonly child: ChildProcess;
	readonly healthPort: number;
	/** Everything the process printed so far. */
	output(): string;
	stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** How to launch studybot: from the sources with tsx (the default), or a build elsewhere. */
export interface StudybotInstall {
	readonly cwd: string;
	/** Node's arguments before the subcommand. */
	readonly entry: readonly string[];
	readonly contentDir: string;
}

export const SOURCE_INSTALL: StudybotInstall = {
	cwd: ROOT,
	entry: ['--import', 'tsx', 'src/cli/main.ts'],
	contentDir: CONTENT_DIR,
};

/** Runs `studybot <command>` as its own process against the fake Discord, and waits until it is ready. */
export async function startStudybotProcess(
	command: 'all' | 'bot' | 'worker',
	settings: {
		discord: FakeDiscord;
		databaseUrl: string;
		redisUrl: string;
		queuePrefix: string;
		migrate?: boolean;
		logLevel?: string;
		install?: StudybotInstall;
		/** More settings, as environment variables. */
		env?: Readonly<Record<string, string>>;
		/** Wait until `/readyz` says ready (the default), or only until `/healthz` answers. */
		waitUntil?: 'ready' | 'alive';
	},
): Promise<StudybotProcess> {
	const healthPort = await freePort();
	const install = settings.install ?? SOURCE_INSTALL;
	let output = '';
	const child = spawn(process.execPath, [...install.entry, command], {
		cwd: install.cwd,
		env: {
			...process.env,
			DISCORD_TOKEN: FAKE_TOKEN,
			DISCORD_API_URL: settings.discord.apiUrl,
			DATABASE_URL: settings.databaseUrl,
			REDIS_URL: settings.redisUrl,
			QUEUE_PREFIX: settings.queuePrefix,
			HEALTH_PORT: String(healthPort),
			CONTENT_DIR: install.contentDir,
			LOG_LEVEL: settings.logLevel ?? 'info',
			MIGRATE_ON_START: String(settings.migrate ?? false),
			...settings.env,
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const probe = settings.waitUntil === 'alive' ? 'healthz' : 'readyz';
	await eventually(
		async () => ((await fetch(`http://127.0.0.1:${healthPort}/${probe}`)).status === 200 ? true : undefined),
		`studybot ${command} to answer /${probe} (output so far: ${output.slice(-500)})`,
		60_000,
	);
	return {
		child,
		healthPort,
		output: () => output,
		async stop(signal = 'SIGTERM') {
			// A process that ended by a signal has no exit code, only a signal code.
			if (child.exitCode !== null || child.signalCode !== null) {
				return child.exitCode;
			}
			child.kill(signal);
			const [code] = (await once(child, 'exit')) as [number | null];
			return code;
		},
	};
}
