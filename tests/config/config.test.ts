import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadContentConfig, loadDiscordConfig } from '../../src/config/config.js';

const token = `${'M'.repeat(24)}.${'x'.repeat(6)}.${'y'.repeat(38)}`;

describe('loadDiscordConfig', () => {
	it('reads a complete environment', () => {
		const config = loadDiscordConfig(
			{
				DISCORD_TOKEN: token,
				DISCORD_APPLICATION_ID: '123456789012345678',
				DISCORD_DEV_GUILD_ID: ' 223456789012345678 ',
				CONTENT_DIR: 'my-content',
				LOG_LEVEL: 'debug',
				DISCORD_API_URL: 'http://127.0.0.1:8080/api',
			},
			'/srv/bot',
		);
		expect(config).toEqual({
			token,
			applicationId: '123456789012345678',
			devGuildId: '223456789012345678',
			contentDir: path.resolve('/srv/bot', 'my-content'),
			logLevel: 'debug',
			apiUrl: 'http://127.0.0.1:8080/api',
		});
	});

	it('uses defaults for what is optional, empty values included', () => {
		const config = loadDiscordConfig(
			{ DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: '', DISCORD_DEV_GUILD_ID: '' },
			'/srv',
		);
		expect(config).toMatchObject({
			contentDir: '/srv/content',
			logLevel: 'info',
			applicationId: undefined,
			devGuildId: undefined,
		});
	});

	it('names every missing or invalid setting, and never echoes the token', () => {
		const attempt = () =>
			loadDiscordConfig({
				DISCORD_TOKEN: 'secret-but-short',
				DISCORD_DEV_GUILD_ID: 'my-guild',
				LOG_LEVEL: 'loud',
				DISCORD_API_URL: 'nope',
			});
		expect(attempt).toThrow(ConfigError);
		try {
			attempt();
		} catch (error) {
			const message = (error as ConfigError).message;
			expect(message).toMatch(/DISCORD_TOKEN does not look like a bot token/u);
			expect(message).toMatch(/DISCORD_DEV_GUILD_ID must be a Discord id/u);
			expect(message).toMatch(/LOG_LEVEL/u);
			expect(message).toMatch(/DISCORD_API_URL must be an http\(s\) URL/u);
			expect(message).not.toContain('secret-but-short');
		}
		expect(() => loadDiscordConfig({})).toThrow(/DISCORD_TOKEN is required/u);
	});
});

describe('loadContentConfig', () => {
	it('needs no Discord settings', () => {
		expect(loadContentConfig({}, '/x')).toEqual({ contentDir: '/x/content', logLevel: 'info' });
	});
});
