import { afterAll, beforeAll } from 'vitest';
import { loadDiscordConfig } from '../../src/config/config.js';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import { createLogger } from '../../src/logging/logger.js';
import { CONTENT_DIR } from '../support/library.js';
import { FakeDiscord } from './fakeDiscord/FakeDiscord.js';

export const FAKE_TOKEN = `${'M'.repeat(26)}.fake.${'t'.repeat(38)}`;

export interface Harness {
	readonly discord: FakeDiscord;
	readonly bot: RunningBot;
	stop(): Promise<void>;
}

/** The real bot, logged into `discord` through configuration alone. */
export async function startBotAgainst(discord: FakeDiscord): Promise<RunningBot> {
	const config = loadDiscordConfig({
		DISCORD_TOKEN: FAKE_TOKEN,
		DISCORD_API_URL: discord.apiUrl,
		CONTENT_DIR,
		LOG_LEVEL: 'silent',
	});
	return startBot(config, createLogger(config.logLevel));
}

/** A fake Discord on a free local port, and the real bot logged into it. */
export async function startHarness(options: { guilds?: number } = {}): Promise<Harness> {
	const discord = new FakeDiscord(options);
	await discord.start();
	const bot = await startBotAgainst(discord);
	return {
		discord,
		bot,
		async stop() {
			await bot.stop();
			await discord.stop();
		},
	};
}

/** One harness for the test file: started before its tests, stopped after them. */
export function useHarness(options: { guilds?: number } = {}): () => Harness {
	let harness: Harness | undefined;
	beforeAll(async () => {
		harness = await startHarness(options);
	});
	afterAll(async () => {
		await harness?.stop();
	});
	return () => {
		if (!harness) {
			throw new Error('the harness is not started: call useHarness() at the top of a describe block');
		}
		return harness;
	};
}
