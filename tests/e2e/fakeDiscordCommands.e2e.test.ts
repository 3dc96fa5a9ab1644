import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_TOKEN } from './harness.js';
import { FakeDiscord } from './fakeDiscord/FakeDiscord.js';

/** The fake's command registration and message commands, held to what Discord's docs say. */
describe('fake Discord: application commands', () => {
	const discord = new FakeDiscord();
	beforeAll(() => discord.start());
	afterAll(() => discord.stop());

	const put = async (body: unknown) => {
		const response = await fetch(
			`${discord.apiUrl}/v10/applications/${discord.application.id}/guilds/${discord.guild.id}/commands`,
			{
				method: 'PUT',
				headers: { authorization: `Bot ${FAKE_TOKEN}`, 'content-type': 'application/json' },
				body: JSON.stringify(body),
			},
		);
		return { status: response.status, json: (await response.json()) as { code?: number; errors?: unknown } };
	};

	it('stores slash and message commands that follow the rules, with ids', async () => {
		const stored = await put([
			{ name: 'search', description: 'Search the notes', type: 1 },
			{ name: 'Find in notes', type: 3 },
			{ name: 'Find in notes', type: 2 },
		]);
		expect(stored.status).toBe(200);
		const registered = (discord.guildCommands.get(discord.guild.id) ?? []) as {
			name: string;
			type: number;
			id: string;
		}[];
		expect(registered.map(({ name, type }) => ({ name, type }))).toEqual([
			{ name: 'search', type: 1 },
			{ name: 'Find in notes', type: 3 },
			{ name: 'Find in notes', type: 2 },
		]);
		expect(registered.every((command) => /^\d+$/u.test(command.id))).toBe(true);
	});

	it.each([
		['a slash command with capitals', [{ name: 'Search', description: 'x' }], 'name'],
		['a slash command with a space', [{ name: 'find notes', description: 'x' }], 'name'],
		['a slash command without a description', [{ name: 'search' }], 'description'],
		['a message command with a description', [{ name: 'Find in notes', type: 3, description: 'x' }], 'description'],
		[
			'a message command with options',
			[{ name: 'Find', type: 3, options: [{ name: 'a', type: 3, description: 'a' }] }],
			'options',
		],
		['a message command with a 33-character name', [{ name: 'x'.repeat(33), type: 3 }], 'name'],
		[
			'two message commands of one name',
			[
				{ name: 'Find', type: 3 },
				{ name: 'Find', type: 3 },
			],
			'name',
		],
	])('refuses %s with 400 Invalid Form Body, and keeps what was registered', async (_label, body, field) => {
		const before = discord.guildCommands.get(discord.guild.id);
		const refused = await put(body);
		expect(refused.status).toBe(400);
		expect(refused.json.code).toBe(50035);
		expect(JSON.stringify(refused.json.errors)).toContain(`"${field}"`);
		expect(discord.guildCommands.get(discord.guild.id)).toBe(before);
	});

	it('offers a message command only when it is registered, and sends the whole message', async () => {
		const channel = discord.guild.channels[0]?.id ?? '';
		const said = discord.memberSays(channel, 'hello **there**');
		await expect(discord.messageCommand('Not registered', said)).rejects.toThrow(
			/no message command "Not registered" is registered/u,
		);
		expect(said.content).toBe('hello **there**');
		expect(discord.channelMessages(channel)).toEqual([]);
	});
});
