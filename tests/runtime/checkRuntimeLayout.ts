/**
 * `npm run check:runtime` (run by `.ci/run`): the image's runtime layout, proved without Docker.
 * Builds, then repeats the Dockerfile's runtime stage in a temporary folder (the same COPY
 * steps, the same production install), and runs the production install as the image would:
 * `migrate` on an empty database, `search --json`, `questions`, `commands`, a `worker` and a
 * `bot` against the fake Discord, and `all` long enough to answer `/help`. A package needed at run
 * time but listed as a dev dependency fails here. Prints the size of `node_modules` against
 * the goal of issue 21 (at most 150 MB).
 */
import { execFile, spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { FakeDiscord } from '../e2e/fakeDiscord/FakeDiscord.js';
import { FAKE_TOKEN } from '../e2e/harness.js';
import { startStudybotProcess, type StudybotInstall } from '../e2e/processRunner.js';
import { createTestDatabase, createTestPrefix, REDIS_URL } from '../support/services.js';
import { readRuntimeSteps } from './dockerfile.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE_MODULES_GOAL_MB = 150;

function fail(message: string): never {
	console.error(`runtime layout: FAILED: ${message}`);
	process.exit(1);
}

async function shell(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
	const child = spawn('sh', ['-c', command], { cwd, env, stdio: 'inherit' });
	const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
	if (code !== 0) {
		fail(`"${command}" exited ${String(code)}`);
	}
}

/** Runs a studybot subcommand from the install and gives back what it printed. */
async function studybot(
	dir: string,
	args: readonly string[],
	env: Readonly<Record<string, string>>,
): Promise<{ stdout: string; stderr: string }> {
	try {
		return await run(process.execPath, ['dist/cli/main.js', ...args], {
			cwd: dir,
			env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', CONTENT_DIR: path.join(dir, 'content'), ...env },
			maxBuffer: 16 * 1024 * 1024,
		});
	} catch (error) {
		const failed = error as { stdout?: string; stderr?: string; code?: number };
		fail(`studybot ${args.join(' ')} exited ${String(failed.code)}:\n${failed.stderr ?? ''}${failed.stdout ?? ''}`);
	}
}

async function main(): Promise<void> {
	console.log('runtime layout: building dist/');
	await shell('npm run -s build', ROOT, process.env);
	const dir = await mkdtemp(path.join(tmpdir(), 'studybot-runtime-'));
	const env: NodeJS.ProcessEnv = { ...process.env };
	try {
		for (const step of await readRuntimeSteps(path.join(ROOT, 'Dockerfile'))) {
			if (step.kind === 'env') {
				env[step.name] = step.value;
			} else if (step.kind === 'run') {
				console.log(`runtime layout: RUN ${step.command}`);
				await shell(step.command, dir, env);
			} else {
				for (const source of step.sources) {
					const target = step.target.endsWith('/')
						? path.join(dir, step.target, path.basename(source))
						: path.join(dir, step.target);
					await cp(path.join(ROOT, source), target, { recursive: true });
				}
				console.log(
					`runtime layout: COPY ${step.from === 'build' ? '(build) ' : ''}${step.sources.join(' ')} → ${step.target}`,
				);
			}
		}
		const { stdout: size } = await run('du', ['-sm', path.join(dir, 'node_modules')]);
		const megabytes = Number(size.split('\t')[0]);
		console.log(
			`runtime layout: production node_modules ${String(megabytes)} MB (goal ≤ ${String(NODE_MODULES_GOAL_MB)} MB: ${megabytes <= NODE_MODULES_GOAL_MB ? 'met' : 'MISSED'})`,
		);
		await exercise(dir);
		console.log('runtime layout: every subcommand ran from the production install');
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

async function exercise(dir: string): Promise<void> {
	const database = await createTestDatabase({ migrate: false });
	const redis = createTestPrefix();
	const discord = new FakeDiscord();
	await discord.start();
	const base = { DATABASE_URL: database.url, REDIS_URL, QUEUE_PREFIX: redis.prefix, LOG_LEVEL: 'info' };
	try {
		const migrated = await studybot(dir, ['migrate'], base);
		console.log(`runtime layout: migrate: ${migrated.stdout.trim().split('\n').at(-1) ?? ''}`);

		const { stdout: found } = await studybot(dir, ['search', '--json', 'nat gateway'], {});
		const results = (JSON.parse(found) as { results?: { title: string }[] }).results ?? [];
		if (results.length === 0) {
			fail('search --json "nat gateway" found nothing');
		}
		console.log(
			`runtime layout: search --json "nat gateway": ${String(results.length)} results, first "${results[0]?.title ?? ''}"`,
		);

		const { stdout: report } = await studybot(dir, ['questions'], {});
		console.log(`runtime layout: questions: ${report.trim().split('\n')[0] ?? ''}`);

		const discordEnv = {
			DISCORD_TOKEN: FAKE_TOKEN,
			DISCORD_API_URL: discord.apiUrl,
			DISCORD_DEV_GUILD_ID: discord.guild.id,
		};
		const { stdout: registered } = await studybot(dir, ['commands'], discordEnv);
		console.log(`runtime layout: commands: ${registered.trim()}`);

		const install: StudybotInstall = { cwd: dir, entry: ['dist/cli/main.js'], contentDir: path.join(dir, 'content') };
		const settings = { discord, databaseUrl: database.url, redisUrl: REDIS_URL, queuePrefix: redis.prefix, install };
		for (const role of ['worker', 'bot'] as const) {
			const started = await startStudybotProcess(role, settings);
			console.log(`runtime layout: ${role} ready; stopped with exit ${String(await started.stop())}`);
		}

		const all = await startStudybotProcess('all', settings);
		const help = await discord.command({ name: 'help' });
		const title = help.embeds[0]?.title ?? '';
		const code = await all.stop();
		if (title !== 'studybot commands' || code !== 0) {
			fail(`all answered /help with "${title}" and exited ${String(code)}:\n${all.output().slice(-2000)}`);
		}
		console.log(`runtime layout: all answered /help ("${title}"); stopped with exit ${String(code)}`);
	} finally {
		await discord.stop();
		await redis.clear();
		await database.drop();
	}
}

await main();
