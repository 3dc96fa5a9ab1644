import { describe, expect, it } from 'vitest';
import { FAKE_TOKEN, registerAllCommands, useHarness } from './harness.js';

/**
 * The fake's interaction contexts and installs, DMs and servers without the bot, held to what
 * Discord's docs say (Application Commands: contexts, installation context; Interactions:
 * authorizing_integration_owners, app_permissions; Users: Create DM; error 50007).
 */
describe('fake Discord: where commands are offered, DMs and user installs', () => {
	const harness = useHarness();

	const rest = async (method: string, path: string, body?: unknown) => {
		const response = await fetch(`${harness().discord.apiUrl}/v10${path}`, {
			method,
			headers: { authorization: `Bot ${FAKE_TOKEN}`, 'content-type': 'application/json' },
			...(body === undefined ? {} : { body: JSON.stringify(body) }),
		});
		return { status: response.status, json: (await response.json()) as Record<string, unknown> };
	};

	it('offers registered commands only in their contexts and through an install they support', async () => {
		const { discord } = harness();
		await registerAllCommands(discord);
		const elsewhere = discord.addGuildWithoutBot('Other Server');
		const visitor = discord.memberNamed('ana', elsewhere);

		// A server-only command is not offered in a DM; a study command is.
		await expect(discord.command({ name: 'leaderboard', dm: true })).rejects.toThrow(/would not offer \/leaderboard/u);
		await expect(discord.command({ name: 'help', dm: true })).resolves.toMatchObject({ ephemeral: true });
		// In a server without the bot, nothing is offered until the member installs the app to their account.
		await expect(discord.command({ name: 'help', guild: elsewhere, member: visitor })).rejects.toThrow(
			/would not offer \/help in Other Server/u,
		);
		discord.installForUser(visitor);
		await expect(discord.command({ name: 'help', guild: elsewhere, member: visitor })).resolves.toMatchObject({
			ephemeral: true,
		});
		await expect(
			discord.command({ name: 'quiz', subcommand: 'status', guild: elsewhere, member: visitor }),
		).rejects.toThrow(/would not offer \/quiz/u);
	});

	it('sends each interaction with its context, the installs that authorised it and the app’s permissions', async () => {
		const { discord } = harness();
		const payloads = discord.interactionPayloads;
		const [elsewhere] = discord.guildsWithoutBot;
		if (!elsewhere) {
			throw new Error('the first test adds a server without the bot');
		}
		const visitor = discord.memberNamed('ana', elsewhere);
		await discord.command({ name: 'help' });
		expect(payloads.at(-1)).toMatchObject({
			context: 0,
			guild_id: discord.guild.id,
			authorizing_integration_owners: { '0': discord.guild.id },
		});
		expect(BigInt(String(payloads.at(-1)?.app_permissions))).toBe(
			discord.botPermissionsIn(discord.guild.channels[0]?.id ?? ''),
		);
		await discord.command({ name: 'help', dm: true });
		expect(payloads.at(-1)).toMatchObject({
			context: 1,
			authorizing_integration_owners: { '0': '0' },
			user: { id: discord.member.user.id },
			channel: { id: discord.dmChannelOf(discord.member.user), type: 1 },
		});
		await discord.command({ name: 'help', guild: elsewhere, member: visitor });
		expect(payloads.at(-1)).toMatchObject({
			context: 0,
			guild_id: elsewhere.id,
			authorizing_integration_owners: { '1': visitor.user.id },
			// Attach Files, Embed Links and Mention Everyone: what a response may use where the bot is not a member.
			app_permissions: String((1n << 15n) | (1n << 14n) | (1n << 17n)),
		});
		expect(payloads.at(-1)?.authorizing_integration_owners).not.toHaveProperty('0');
	});

	it('opens a member’s DM channel, delivers DMs there, and refuses them with 50007 once DMs are closed', async () => {
		const { discord } = harness();
		const member = discord.memberNamed('manager');
		const opened = await rest('POST', '/users/@me/channels', { recipient_id: member.user.id });
		expect(opened).toMatchObject({ status: 200, json: { id: discord.dmChannelOf(member.user), type: 1 } });
		expect((await rest('POST', `/channels/${String(opened.json.id)}/messages`, { content: 'hello' })).status).toBe(200);
		expect(discord.directMessages(member).map((message) => message.content)).toEqual(['hello']);
		discord.closeDms(member);
		expect(await rest('POST', `/channels/${String(opened.json.id)}/messages`, { content: 'again' })).toEqual({
			status: 403,
			json: { message: 'Cannot send messages to this user', code: 50007 },
		});
		expect(discord.directMessages(member)).toHaveLength(1);
		expect((await rest('POST', '/users/@me/channels', { recipient_id: '1' })).json).toMatchObject({ code: 10013 });
	});

	it('refuses a post in a channel of a server the bot has not joined (Missing Access)', async () => {
		const { discord } = harness();
		const channel = discord.guildsWithoutBot[0]?.channels[0];
		expect(await rest('POST', `/channels/${channel?.id ?? ''}/messages`, { content: 'hi' })).toEqual({
			status: 403,
			json: { message: 'Missing Access', code: 50001 },
		});
		expect(discord.channelMessages(channel?.id ?? '')).toEqual([]);
	});
});
