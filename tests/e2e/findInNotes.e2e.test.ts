import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH } from '../../src/search/query.js';
import { registerAllCommands, setUpDailyQuiz, useHarness } from './harness.js';
import { buttonsOf, expectPrivate, firstEmbed } from './seen.js';

describe('Find in notes, a message command, through discord.js and a fake Discord', () => {
	const harness = useHarness();

	const register = () => registerAllCommands(harness().discord, 'guild');

	it('is registered as a message command next to the slash commands', async () => {
		await register();
		const { discord } = harness();
		expect(discord.guildCommands.get(discord.guild.id)).toContainEqual(
			expect.objectContaining({ type: 3, name: 'Find in notes' }),
		);
	});

	it('answers a question a member pasted in chat privately, with the /search result view', async () => {
		const { discord } = harness();
		const channel = discord.guild.channels[0]?.id ?? '';
		const pasted = discord.memberSays(
			channel,
			'Users must upload files from the browser straight into our bucket without us handing out AWS keys. How?',
			discord.memberNamed('manager'),
		);
		const reply = await discord.messageCommand('Find in notes', pasted);
		expectPrivate(reply);
		const embed = firstEmbed(reply);
		expect(embed.title).toMatch(/^🔎 Users must upload files from the browser/u);
		expect(embed.description).toMatch(/^\d+ sections match; showing 1–5/u);
		expect(embed.fields?.[0]?.name).toMatch(/^1\. S3 presigned URLs$/iu);
		expect(buttonsOf(reply).map((entry) => entry.label)).toContain('Next');
		// The pasted message is left as it was; only the member who ran the command sees the answer.
		expect(discord.message(pasted.id)?.content).toBe(pasted.content);
		expect(discord.channelMessages(channel)).toEqual([]);
	});

	it('pages the results of a message like those of /search', async () => {
		const { discord } = harness();
		const pasted = discord.memberSays(
			discord.guild.channels[0]?.id ?? '',
			'block SQL injection attempts before they reach the load balancer targets',
		);
		const reply = await discord.messageCommand('Find in notes', pasted);
		const next = await discord.click(reply, buttonsOf(reply).find((entry) => entry.label === 'Next')?.customId ?? '');
		expect(next.updatedInPlace).toBe(true);
		expect(firstEmbed(next).footer?.text).toMatch(/^Page 2\//u);
	});

	it('searches the daily question, which is an embed, by its text', async () => {
		const { discord } = harness();
		await setUpDailyQuiz(discord);
		await discord.command({ name: 'quiz', subcommand: 'post-now', member: discord.memberNamed('manager') });
		const [question] = discord.channelMessages(discord.guild.channels[0]?.id ?? '');
		if (!question) {
			throw new Error('the quiz question was not posted');
		}
		const reply = await discord.messageCommand('Find in notes', question);
		expectPrivate(reply);
		expect(firstEmbed(reply).fields?.length).toBeGreaterThan(0);
	});

	it('says so, privately, when the message has no text to search', async () => {
		const { discord } = harness();
		const blank = discord.memberSays(discord.guild.channels[0]?.id ?? '', '');
		const reply = await discord.messageCommand('Find in notes', blank);
		expectPrivate(reply);
		expect(firstEmbed(reply).description).toMatch(/That message has no text to search the notes for/u);
		expect(reply.components).toEqual([]);
	});

	it('searches the start of a message longer than a query may be', async () => {
		const { discord } = harness();
		const long = discord.memberSays(
			discord.guild.channels[0]?.id ?? '',
			`NAT gateway for private subnets. ${'More words of a long chat message. '.repeat(80)}`,
		);
		expect(long.content.length).toBeGreaterThan(MAX_QUERY_LENGTH);
		const reply = await discord.messageCommand('Find in notes', long);
		expectPrivate(reply);
		expect(firstEmbed(reply).title).toMatch(/^🔎 NAT gateway for private subnets/u);
		expect(firstEmbed(reply).fields?.length).toBeGreaterThan(0);
	});
});
