import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, PermissionFlagsBits as Flags, type GuildChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from './fakeDiscord/FakeDiscord.js';
import { FAKE_TOKEN } from './harness.js';
import { fakeGuild, permissionsIn, PERMISSIONS } from './fakeDiscord/world.js';
import { fakeUser } from './fakeDiscord/world.js';

/** The fake's own behaviour, checked against what Discord's API documentation says Discord does. */
describe('the fake Discord: channel permissions, CHANNEL_UPDATE and refused requests', () => {
	const discord = new FakeDiscord();
	const channelId = () => discord.guild.channels[0]?.id ?? '';

	async function post(body: Record<string, unknown>, channel = channelId()) {
		const response = await fetch(`${discord.apiUrl}/v10/channels/${channel}/messages`, {
			method: 'POST',
			headers: { authorization: `Bot ${FAKE_TOKEN}`, 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		return { status: response.status, json: (await response.json()) as Record<string, unknown> };
	}

	beforeAll(async () => {
		await discord.start();
	});

	afterAll(async () => {
		await discord.stop();
	});

	it('computes permissions as the docs do: @everyone overwrite, then roles’ overwrites together, then the member’s', () => {
		const bot = fakeUser('bot', true);
		const guild = fakeGuild('docs example', bot);
		const channel = guild.channels[0];
		const member = guild.members[1];
		const role = member?.roles[0] ?? '';
		if (!channel || !member) {
			throw new Error('the fake guild has a channel and a member');
		}
		channel.overwrites.push(
			{ id: guild.id, type: 0, allow: 0n, deny: Flags.SendMessages | Flags.EmbedLinks },
			{ id: role, type: 0, allow: Flags.SendMessages, deny: 0n },
			{ id: member.user.id, type: 1, allow: 0n, deny: Flags.ViewChannel },
		);
		const permissions = permissionsIn(guild, channel, member);
		expect(permissions & Flags.SendMessages).toBe(Flags.SendMessages);
		expect(permissions & Flags.EmbedLinks).toBe(0n);
		expect(permissions & Flags.ViewChannel).toBe(0n);
		// The owner has every permission whatever the overwrites say.
		const owner = guild.members[2];
		expect(owner && permissionsIn(guild, channel, owner)).toBe(~0n);
		expect(PERMISSIONS.member & Flags.Administrator).toBe(0n);
	});

	it('refuses a message without Send Messages (50013), without View Channel (50001), and embeds without Embed Links', async () => {
		const everyone = discord.guild.id;
		expect((await post({ content: 'hello' })).status).toBe(200);
		discord.setPermissionOverwrite(channelId(), { id: everyone, type: 0, allow: 0n, deny: Flags.SendMessages });
		expect(await post({ content: 'hello' })).toEqual({
			status: 403,
			json: { message: 'Missing Permissions', code: 50013 },
		});
		discord.setPermissionOverwrite(channelId(), { id: everyone, type: 0, allow: 0n, deny: Flags.ViewChannel });
		expect(await post({ content: 'hello' })).toEqual({ status: 403, json: { message: 'Missing Access', code: 50001 } });
		const read = await fetch(`${discord.apiUrl}/v10/channels/${channelId()}`, {
			headers: { authorization: `Bot ${FAKE_TOKEN}` },
		});
		expect(read.status).toBe(403);
		discord.setPermissionOverwrite(channelId(), { id: everyone, type: 0, allow: 0n, deny: Flags.EmbedLinks });
		expect((await post({ embeds: [{ title: 'only an embed' }] })).status).toBe(403);
		const withText = await post({ content: 'text', embeds: [{ title: 'dropped' }] });
		expect(withText.status).toBe(200);
		expect(withText.json.embeds).toEqual([]);
		discord.setPermissionOverwrite(channelId(), { id: everyone, type: 0, allow: 0n, deny: 0n });
		expect(discord.guild.channels[0]?.overwrites).toEqual([]);
	});

	it('tells a real discord.js client about an overwrite with CHANNEL_UPDATE', async () => {
		const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl } });
		try {
			await Promise.all([once(client, Events.ClientReady), client.login(FAKE_TOKEN)]);
			const updated = once(client, Events.ChannelUpdate);
			discord.setPermissionOverwrite(channelId(), {
				id: discord.guild.id,
				type: 0,
				allow: 0n,
				deny: Flags.SendMessages,
			});
			const [, channel] = (await updated) as [GuildChannel, GuildChannel];
			const me = channel.guild.members.me;
			expect(me && channel.permissionsFor(me).has(Flags.SendMessages)).toBe(false);
			expect(me && channel.permissionsFor(me).has(Flags.ViewChannel)).toBe(true);
		} finally {
			discord.setPermissionOverwrite(channelId(), { id: discord.guild.id, type: 0, allow: 0n, deny: 0n });
			await client.destroy();
		}
	});

	it('answers with a fault’s status and code, and can hold a response after the message is stored', async () => {
		discord.injectFault({ method: 'POST', path: /\/messages$/u, status: 404, code: 10003 });
		expect(await post({ content: 'x' })).toEqual({ status: 404, json: { message: 'Unknown', code: 10003 } });
		discord.injectFault({ method: 'POST', path: /\/messages$/u, holdResponseMs: 300 });
		const before = discord.channelMessages(channelId()).length;
		const sent = post({ content: 'held' });
		await new Promise((resolve) => setTimeout(resolve, 100));
		// Visible to members before the bot has its answer.
		expect(discord.channelMessages(channelId())).toHaveLength(before + 1);
		expect((await sent).status).toBe(200);
	});
});
