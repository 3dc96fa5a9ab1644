import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/** Runs the `studybot` CLI from source with the shipped content and no Discord token. */
export async function studybot(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
	return studybotWith({}, ...args);
}

/** Runs the `studybot` CLI with extra settings. */
export async function studybotWith(
	env: Readonly<Record<string, string>>,
	...args: string[]
): Promise<{ stdout: string; stderr: string; code: number }> {
	try {
		const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
			cwd: root,
			env: { ...process.env, CONTENT_DIR: 'content', DISCORD_TOKEN: '', ...env },
		});
		return { stdout, stderr, code: 0 };
	} catch (error) {
		const failed = error as { stdout: string; stderr: string; code: number };
		return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
	}
}
