import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createPrismaClient } from '../../src/db/client.js';
import { loadDiscordConfig } from '../../src/config/config.js';
import { APPLICATION_COMMAND_DEFINITIONS } from '../../src/discord/commands/index.js';
import { registerCommands } from '../../src/discord/registerCommands.js';
import { FAKE_TOKEN, startAppAgainst, startHarness, useHarness } from './harness.js';
import { button, buttonsOf, expectClean, expectPrivate, firstEmbed } from './seen.js';

/** Every command in the order Discord lists them after registration. */
const REGISTERED = [
	'search',
	'note',
	'practice',
	'review',
	'quiz',
	'leaderboard',
	'stats',
	'privacy',
	'help',
	'Find in notes',
];

describe('notes lookups through discord.js and a fake Discord', () => {
	const harness = useHarness();

	it('registers the slash commands in a development guild, and globally', async () => {
		const { discord } = harness();
		const base = { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: discord.apiUrl };
		const inGuild = await registerCommands(
			loadDiscordConfig({ ...base, DISCORD_DEV_GUILD_ID: discord.guild.id }),
			APPLICATION_COMMAND_DEFINITIONS,
		);
		expect(inGuild).toEqual({
			scope: 'guild',
			applicationId: discord.application.id,
			names: REGISTERED,
		});
		expect(
			(discord.guildCommands.get(discord.guild.id) ?? []).map((command) => (command as { name: string }).name),
		).toEqual(REGISTERED);
		const global = await registerCommands(
			loadDiscordConfig({ ...base, DISCORD_APPLICATION_ID: discord.application.id }),
			APPLICATION_COMMAND_DEFINITIONS,
		);
		expect(global.scope).toBe('global');
		expect(discord.globalCommands).toHaveLength(10);

		// Registered: a bot started now gives no registration hint.
		const lines: string[] = [];
		const sink = new Writable({
			write(chunk: Buffer, _encoding, done) {
				lines.push(chunk.toString('utf8'));
				done();
			},
		});
		const { database, queuePrefix, clock } = harness();
		const second = await startAppAgainst(discord, database, queuePrefix, clock, {
			logger: pino({ level: 'info' }, sink),
		});
		await second.stop();
		expect(lines.join('')).toMatch(/connected to Discord/u);
		expect(lines.join('')).not.toMatch(/No slash commands are registered yet/u);
	});

	it('autocompletes /search with what was typed, then matching section titles', async () => {
		const choices = await harness().discord.autocomplete({
			name: 'search',
			options: { query: 'vpc pe' },
			focused: 'query',
		});
		expect(choices[0]).toEqual({ name: '🔎 vpc pe', value: 'vpc pe' });
		expect(choices.map((choice) => choice.value)).toContain('VPC Peering');
		expect(choices.length).toBeLessThanOrEqual(25);
	});

	it('answers /search privately with a page of results, pages through them and opens one', async () => {
		const { discord } = harness();
		const results = await discord.command({ name: 'search', options: { query: 'kms key rotation' } });
		expectPrivate(results);
		const embed = firstEmbed(results);
		expect(embed.title).toBe('🔎 kms key rotation');
		expect(embed.fields?.map((field) => field.name.slice(0, 3))).toEqual(['1. ', '2. ', '3. ', '4. ', '5. ']);
		expect(embed.fields?.[0]?.value).toMatch(/\*\*(KMS|key|rotation)\*\*/iu);
		expect(embed.footer?.text).toMatch(/^Page 1\/\d+$/u);
		expect(embed.description).toMatch(
			/^\d+ sections match; showing 1–5( of the best 25)?\. Open one to read it in full\.$/u,
		);
		const titles = (embed.fields ?? []).map((field) => field.name.replace(/^\d+\. /u, ''));
		// Each open button says what it opens; no internal id is shown anywhere.
		expect(buttonsOf(results).map((entry) => entry.label)).toEqual([
			...titles.map((title, index) => `${String(index + 1)}. ${title}`.slice(0, 80)),
			'Previous',
			'Next',
		]);
		expect(JSON.stringify(results.embeds)).not.toMatch(/`[a-z0-9-]+\.[a-z0-9-]+`/u);

		const second = await discord.click(results, button(results, 'Next'));
		expect(second.updatedInPlace).toBe(true);
		expectPrivate(second);
		expect(firstEmbed(second).fields?.[0]?.name).toMatch(/^6\. /u);
		expect(firstEmbed(second).footer?.text).toMatch(/^Page 2\//u);
		expect(
			buttonsOf(second)
				.map((entry) => entry.label.split('. ')[0])
				.slice(0, 5),
		).toEqual(['6', '7', '8', '9', '10']);

		const back = await discord.click(second, button(second, 'Previous'));
		expect(firstEmbed(back).fields?.[0]?.name).toBe(embed.fields?.[0]?.name);

		const opened = await discord.click(back, buttonsOf(back)[0]?.customId ?? '');
		expect(opened.updatedInPlace).toBe(false);
		expectPrivate(opened);
		const title = embed.fields?.[0]?.name.replace(/^1\. /u, '');
		expect(firstEmbed(opened).title).toBe(title);
		expect(firstEmbed(opened).author?.name).toMatch(/ › |^[A-Z]/u);
		expect(buttonsOf(opened).map((entry) => entry.label)).toContain('Share in channel');
	});

	it('shares an opened section in the channel, saying who shared it without pinging them', async () => {
		const { discord } = harness();
		const opened = await discord.command({ name: 'note', options: { topic: 'VPC Peering' } });
		expectPrivate(opened);
		const shared = await discord.click(opened, button(opened, 'Share in channel'));
		expect(shared.ephemeral).toBe(false);
		expectClean(shared);
		expect(shared.content).toBe(`📣 Shared by <@${discord.member.user.id}>`);
		expect(shared.raw.content).toContain(discord.member.user.id);
		expect(firstEmbed(shared).title).toBe(firstEmbed(opened).title);
		expect(shared.components).toEqual([]);
	});

	it('shows a long section one page at a time with /note', async () => {
		const { discord } = harness();
		const first = await discord.command({
			name: 'note',
			options: { topic: 'saa-course-onenote.s3-object-storage-classes' },
		});
		expectPrivate(first);
		expect(firstEmbed(first).title).toBe('S3 Object Storage Classes');
		expect(firstEmbed(first).author?.name).toBe('SAA course onenote › Simple Storage Service (S3)');
		expect(firstEmbed(first).footer?.text).toBe('Page 1/2');
		expect(buttonsOf(first).map((entry) => [entry.label, entry.disabled])).toEqual([
			['Previous', true],
			['Next', false],
			['Share in channel', false],
		]);
		const next = await discord.click(first, button(first, 'Next'));
		expect(next.updatedInPlace).toBe(true);
		expectPrivate(next);
		expect(firstEmbed(next).footer?.text).toBe('Page 2/2');
		expect(firstEmbed(next).title).toBe('S3 Object Storage Classes (continued)');
		expect(firstEmbed(next).description).not.toBe(firstEmbed(first).description);
		expect(buttonsOf(next).map((entry) => entry.disabled)).toEqual([false, true, false]);
	});

	it('offers sections to /note by id, and opens the closest one for text not picked from the list', async () => {
		const { discord } = harness();
		const choices = await discord.autocomplete({
			name: 'note',
			options: { topic: 'route 53 health' },
			focused: 'topic',
		});
		expect(choices[0]?.value).toBe('saa-course-onenote.route-53-health-checks');
		expect(choices[0]?.name).toBe('Route 53 Health Checks — SAA course onenote');

		const guessed = await discord.command({ name: 'note', options: { topic: 'how do nacls work' } });
		expectPrivate(guessed);
		expect(guessed.content).toBe('No section is called “how do nacls work”; this is the closest match.');
		expect(firstEmbed(guessed).title).toMatch(/ACL/iu);

		const missing = await discord.command({ name: 'note', options: { topic: 'qqqqq wwwww' } });
		expectPrivate(missing);
		expect(firstEmbed(missing).description).toMatch(/No section of the notes matches “qqqqq wwwww”/u);
		expect(missing.components).toEqual([]);
	});

	it('lists every command with /help', async () => {
		const help = await harness().discord.command({ name: 'help' });
		expectPrivate(help);
		const fields = firstEmbed(help).fields ?? [];
		expect(fields.slice(0, 13).map((field) => field.name.split(' ').slice(0, 2).join(' '))).toEqual([
			'`/search query:<text>`',
			'`/note topic:<text>`',
			'`/practice [topic:<text>]',
			'`/review start`',
			'`/review leeches`',
			'`/review remind',
			'`/review remind-off`',
			'`/leaderboard [period:<this',
			'`/stats me`',
			'`/stats member',
			'`/privacy`',
			'`/help`',
			'`Apps ›',
		]);
		expect(fields[12]?.value).toMatch(/^Right-click \(or long-press\) a message, then Apps › Find in notes/u);
		// The admin commands come last, each marked as needing Manage Server.
		expect(fields.slice(13).map((field) => field.name.split(' ').slice(0, 2).join(' '))).toEqual([
			'`/quiz setup',
			'`/quiz status`',
			'`/quiz pause`',
			'`/quiz resume`',
			'`/quiz post-now`',
			'`/quiz disable`',
			'`/quiz recap',
		]);
		expect(fields.slice(13).every((field) => field.value.startsWith('🔒 Manage Server only.'))).toBe(true);
	});

	it.each([
		['an empty query', '   ', /empty/u],
		['only punctuation', '?!...', /no words or numbers/u],
		['only emoji', '🙂🙂', /no words or numbers/u],
	])('answers %s with a clear private message', async (_label, query, message) => {
		const reply = await harness().discord.command({ name: 'search', options: { query } });
		expectPrivate(reply);
		expect(firstEmbed(reply).description).toMatch(message);
		expect(reply.components).toEqual([]);
	});

	it('never pings or breaks the embed when the query carries mentions and Markdown', async () => {
		const { discord } = harness();
		const role = discord.guild.roles[1]?.id ?? '';
		const reply = await discord.command({
			name: 'search',
			options: { query: `@everyone <@&${role}> <@${discord.member.user.id}> **vpc** ||peering|| # x` },
		});
		expectPrivate(reply);
		const embed = firstEmbed(reply);
		expect(embed.title).not.toMatch(/@everyone|<@/u);
		expect(embed.title).toContain('\\*\\*vpc\\*\\*');
	});

	it.each([
		['a query at the 1,500-character limit', `vpc peering ${'transit gateway '.repeat(92)}`.slice(0, 1_500)],
		['control characters', '\u0000vpc\u0007 peer\u001bing\u007f'],
		['zero-width characters inside words', 'v\u200bpc pee\u200dring\ufeff'],
		['right-to-left and combining marks', '\u202evpc\u202c pe\u0301ering'],
	])('answers %s privately, within every embed limit', async (_label, query) => {
		const reply = await harness().discord.command({ name: 'search', options: { query } });
		expectPrivate(reply);
		const embed = firstEmbed(reply);
		expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
		expect(embed.fields?.length ?? 0).toBeGreaterThan(0);
		expect(JSON.stringify(embed)).not.toMatch(/\\u0000|\\u0007|\\u001b/u);
	});

	it('answers a forged query far beyond the limit with a clear private message', async () => {
		const reply = await harness().discord.command({ name: 'search', options: { query: 'nat gateway '.repeat(1_000) } });
		expectPrivate(reply);
		expect(firstEmbed(reply).description).toMatch(/is 11999 characters long; keep it under 1500/u);
	});

	it('answers /note with a topic far beyond its limit, or made of control characters, with a clear message', async () => {
		for (const topic of ['x'.repeat(5_000), '\u0000\u0001\u0002']) {
			const reply = await harness().discord.command({ name: 'note', options: { topic } });
			expectPrivate(reply);
			expect(firstEmbed(reply).description ?? firstEmbed(reply).title).toBeTruthy();
		}
	});

	it('says when nothing matches and offers the closest titles to open', async () => {
		const reply = await harness().discord.command({ name: 'search', options: { query: 'vpcc' } });
		expectPrivate(reply);
		expect(firstEmbed(reply).title).toBe('No results');
		const opened = await harness().discord.click(reply, buttonsOf(reply)[0]?.customId ?? '');
		expectPrivate(opened);
		expect(firstEmbed(opened).title).toMatch(/VPC/u);
	});

	it('counts every matching section, not the 25 it can page through', async () => {
		const reply = await harness().discord.command({ name: 'search', options: { query: 's3' } });
		const match = /^(\d+) sections match; showing 1–5 of the best 25\./u.exec(firstEmbed(reply).description ?? '');
		expect(Number(match?.[1])).toBeGreaterThan(25);
	});

	it.each([
		['symbols and one letter', '@everyone <@&123> **bold** `x`'],
		['stop words only', 'the and of'],
	])('does not search %s, and says what to type instead', async (_, query) => {
		const reply = await harness().discord.command({ name: 'search', options: { query } });
		expectPrivate(reply);
		const text = JSON.stringify(reply.embeds);
		expect(text).not.toMatch(/X-?Ray/iu);
		expect(text).not.toMatch(/fewer or more general/u);
	});

	it('pages a long pasted question by a short key kept in Postgres, with a short footer', async () => {
		const { discord, database } = harness();
		const query =
			`A company runs its web tier on EC2 instances behind an Application Load Balancer in two Availability Zones and must keep user sessions when instances are replaced. ${'Which solution meets these requirements with the LEAST operational overhead? '.repeat(3)}`.trim();
		const results = await discord.command({ name: 'search', options: { query } });
		expectPrivate(results);
		expect(firstEmbed(results).footer?.text).toMatch(/^Page 1\/\d+$/u);
		const next = buttonsOf(results).find((entry) => entry.label === 'Next');
		expect(next?.customId).toMatch(/^search:page:1:k:[0-9a-f]{16}$/u);
		expect(next?.customId.length).toBeLessThanOrEqual(100);
		const prisma = createPrismaClient(database.url);
		try {
			expect(
				await prisma.searchQuery.findUnique({ where: { key: next?.customId.split(':').at(-1) ?? '' } }),
			).toMatchObject({
				query: query.replace(/\s+/gu, ' '),
			});
		} finally {
			await prisma.$disconnect();
		}
		const second = await discord.click(results, next?.customId ?? '');
		expect(second.updatedInPlace).toBe(true);
		expect(firstEmbed(second).fields?.[0]?.name).toMatch(/^6\. /u);
	});

	it('refuses forged and stale buttons privately', async () => {
		const { discord } = harness();
		const results = await discord.command({ name: 'search', options: { query: 'glacier' } });
		const forged = await discord.clickRaw(results, 'garbage:1');
		expectPrivate(forged);
		expect(firstEmbed(forged).description).toBe('This button no longer works. Run the command again.');
		const stale = await discord.clickRaw(results, 'note:open:old-notes.removed-section:0');
		expectPrivate(stale);
		expect(firstEmbed(stale).description).toMatch(/no longer in the notes/u);
	});

	it('works in a direct message', async () => {
		const reply = await harness().discord.command({ name: 'search', options: { query: 'sqs fifo' }, dm: true });
		expectPrivate(reply);
		expect(firstEmbed(reply).fields?.length).toBeGreaterThan(0);
	});

	it('reports health, readiness and Prometheus metrics after traffic', async () => {
		const { app } = harness();
		const base = `http://127.0.0.1:${app.healthPort}`;
		expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
		const ready = await fetch(`${base}/readyz`);
		expect(ready.status).toBe(200);
		expect(await ready.json()).toEqual({ ready: true, checks: { postgres: true, redis: true, gateway: true } });
		const metrics = await (await fetch(`${base}/metrics`)).text();
		expect(metrics).toMatch(/^studybot_interactions_total\{command="search",outcome="ok"\} [1-9]\d*$/mu);
		expect(metrics).not.toMatch(/^studybot_interactions_total\{[^}]*outcome="error"\}/mu);
		expect(metrics).toMatch(/^studybot_interactions_total\{command="button:search",outcome="ok"\} [1-9]\d*$/mu);
		expect(metrics).toMatch(/^studybot_interaction_duration_seconds_count\{kind="autocomplete"\} [1-9]\d*$/mu);
		expect(metrics).toMatch(/^studybot_search_duration_seconds_count [1-9]\d*$/mu);
		expect(metrics).toMatch(/^studybot_queue_jobs\{queue="quiz",state="waiting"\} \d+$/mu);
		expect(metrics).toMatch(/^studybot_gateway_ping_milliseconds -?\d+$/mu);
	});

	it('used only routes the fake knows', () => {
		expect(harness().discord.unknownRoutes).toEqual([]);
	});
});

describe('buttons after a restart', () => {
	it('keep paging a results message sent before the bot restarted', async () => {
		const first = await startHarness();
		const { discord } = first;
		const results = await discord.command({ name: 'search', options: { query: 'route 53' } });
		await first.app.stop();

		const restarted = await startAppAgainst(discord, first.database, first.queuePrefix, first.clock);
		try {
			const second = await discord.click(results, button(results, 'Next'));
			expect(second.updatedInPlace).toBe(true);
			expect(firstEmbed(second).footer?.text).toMatch(/^Page 2\/\d+$/u);
			expect(firstEmbed(second).title).toBe('🔎 route 53');
		} finally {
			await restarted.stop();
			await discord.stop();
			await first.database.drop();
		}
	});
});
