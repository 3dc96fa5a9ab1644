import { describe, expect, it } from 'vitest';
import { useHarness } from './harness.js';
import { expectPrivate, firstEmbed } from './seen.js';

const CALLBACK = /^\/interactions\/\d+\/[^/]+\/callback$/u;

describe('the bot under injected faults', () => {
	const harness = useHarness();

	it('waits out a 429 on the interaction callback and still replies', async () => {
		const { discord } = harness();
		discord.injectFault({ method: 'POST', path: CALLBACK, status: 429, retryAfter: 0.3 });
		const reply = await discord.command({ name: 'help' });
		expectPrivate(reply);
		const statuses = discord
			.callsTo('POST', CALLBACK)
			.slice(-2)
			.map((call) => call.status);
		expect(statuses).toEqual([429, 204]);
	});

	it('retries a 500 on the interaction callback and still replies', async () => {
		const { discord } = harness();
		discord.injectFault({ method: 'POST', path: CALLBACK, status: 500 });
		const reply = await discord.command({ name: 'search', options: { query: 'ebs snapshots' } });
		expectPrivate(reply);
		expect(firstEmbed(reply).fields?.length).toBeGreaterThan(0);
		expect(
			discord
				.callsTo('POST', CALLBACK)
				.slice(-2)
				.map((call) => call.status),
		).toEqual([500, 204]);
	});

	it('answers through a slow Discord', async () => {
		const { discord } = harness();
		discord.injectFault({ method: 'POST', path: CALLBACK, delayMs: 800 });
		const reply = await discord.command({ name: 'note', options: { topic: 'VPC Peering' } });
		expectPrivate(reply);
		expect(firstEmbed(reply).title).toBe('VPC Peering');
	});

	it('resumes after the gateway connection drops and answers the next interactions', async () => {
		const { discord } = harness();
		const before = { ...discord.gateway.stats };
		discord.gateway.drop();
		await discord.gateway.waitUntilConnected();
		const reply = await discord.command({ name: 'help' });
		expectPrivate(reply);
		expect(discord.gateway.stats.connections).toBeGreaterThan(before.connections);
		expect(discord.gateway.stats.resumes).toBe(before.resumes + 1);
		expect(discord.gateway.stats.identifies).toBe(before.identifies);
	});

	it('answers an interaction sent while the connection was down, replayed on resume', async () => {
		const { discord } = harness();
		discord.gateway.drop();
		const pending = discord.command({ name: 'search', options: { query: 'dynamodb streams' } });
		const reply = await pending;
		expectPrivate(reply);
		expect(firstEmbed(reply).title).toBe('🔎 dynamodb streams');
	});

	it('identifies again when the session is invalidated', async () => {
		const { discord } = harness();
		const identifies = discord.gateway.stats.identifies;
		discord.gateway.invalidateSession();
		await expect.poll(() => discord.gateway.stats.identifies, { timeout: 15_000 }).toBe(identifies + 1);
		await discord.gateway.waitUntilConnected();
		const reply = await discord.command({ name: 'help' });
		expectPrivate(reply);
	});

	it('used only routes the fake knows', () => {
		expect(harness().discord.unknownRoutes).toEqual([]);
	});
});
