import { ApplicationCommandType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { COMMAND_DEFINITIONS, MESSAGE_COMMANDS } from '../../src/discord/commands/index.js';
import { decodeCustomId, encodeCustomId, type CustomId } from '../../src/discord/customId.js';
import { queryChoices, sectionChoices } from '../../src/discord/render/autocomplete.js';
import { renderHelp } from '../../src/discord/render/help.js';
import { DISCORD_LIMITS } from '../../src/discord/render/limits.js';
import { suggestSections } from '../../src/search/suggestSections.js';
import { shippedNotes } from '../support/library.js';
import { expectSendable } from './assertions.js';

describe('command definitions', () => {
	it('are valid for Discord: lowercase names, short descriptions, unique names', () => {
		const names = COMMAND_DEFINITIONS.map((definition) => definition.name);
		expect(names).toEqual(['search', 'note', 'practice', 'review', 'quiz', 'leaderboard', 'stats', 'privacy', 'help']);
		for (const definition of COMMAND_DEFINITIONS) {
			expect(definition.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
			expect(definition.description.length).toBeGreaterThan(0);
			expect(definition.description.length).toBeLessThanOrEqual(100);
			for (const option of definition.options ?? []) {
				expect(option.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
				expect(option.description.length).toBeLessThanOrEqual(100);
			}
		}
	});
});

describe('where commands can be used', () => {
	it('offers study commands in servers, DMs and as a user-installed app, and the quiz and leaderboard in servers that added the bot', () => {
		const reach = Object.fromEntries(
			[...COMMAND_DEFINITIONS, ...MESSAGE_COMMANDS.map((command) => command.definition)].map((definition) => [
				definition.name,
				{ installs: definition.integration_types, contexts: definition.contexts },
			]),
		);
		const anywhere = { installs: [0, 1], contexts: [0, 1, 2] };
		const serverOnly = { installs: [0], contexts: [0] };
		expect(reach).toEqual({
			search: anywhere,
			note: anywhere,
			practice: anywhere,
			review: anywhere,
			stats: anywhere,
			privacy: anywhere,
			help: anywhere,
			'Find in notes': anywhere,
			quiz: serverOnly,
			leaderboard: serverOnly,
		});
	});
});

describe('message menu commands', () => {
	it('are valid for Discord: a 1–32 character name (spaces and capitals allowed), no description, no options', () => {
		for (const { definition } of MESSAGE_COMMANDS) {
			expect(definition.type).toBe(ApplicationCommandType.Message);
			expect(definition.name.length).toBeGreaterThanOrEqual(1);
			expect(definition.name.length).toBeLessThanOrEqual(32);
			expect(definition).not.toHaveProperty('description');
			expect(definition).not.toHaveProperty('options');
		}
		expect(MESSAGE_COMMANDS.map((command) => command.definition.name)).toEqual(['Find in notes']);
	});
});

describe('/help', () => {
	it('lists every command with its usage, privately', () => {
		const message = renderHelp(
			{
				slash: COMMAND_DEFINITIONS,
				message: MESSAGE_COMMANDS.map((command) => ({ name: command.definition.name, help: command.help })),
			},
			'It knows 3 sections.',
		);
		expectSendable(message);
		expect(message.ephemeral).toBe(true);
		expect(message.embeds[0]?.fields?.map((field) => field.name)).toEqual([
			'`/search query:<text>`',
			'`/note topic:<text>`',
			'`/practice [topic:<text>] [domain:<secure architectures|resilient architectures|high-performing architectures|cost-optimized architectures>] [count:<number>]`',
			'`/review start`',
			'`/review leeches`',
			'`/review remind time:<HH:MM> timezone:<text>`',
			'`/review remind-off`',
			'`/leaderboard [period:<this week|this month|all time>] [page:<number>]`',
			'`/stats me`',
			'`/stats member member:<@member>`',
			'`/privacy`',
			'`/help`',
			'`Apps › Find in notes`',
			'`/quiz setup channel:<#channel> time:<HH:MM> timezone:<text> [role:<@role>] [answer_window:<number>]`',
			'`/quiz status`',
			'`/quiz pause`',
			'`/quiz resume`',
			'`/quiz post-now`',
			'`/quiz disable`',
			'`/quiz recap enabled:<true|false> [day:<monday|tuesday|wednesday|thursday|friday|saturday|sunday>] [time:<HH:MM>]`',
		]);
		const values = message.embeds[0]?.fields?.map((field) => field.value) ?? [];
		expect(values.filter((value) => value.startsWith('🔒 Manage Server only.'))).toHaveLength(7);
		expect(values.slice(0, 13).some((value) => value.includes('Manage Server'))).toBe(false);
	});
});

describe('autocomplete choices', () => {
	it('offer at most 25 choices of at most 100 characters, section ids as /note values', async () => {
		const { index } = await shippedNotes();
		for (const typed of ['', 'v', 'vpc', 'application load balancer', 'x'.repeat(150)]) {
			const sections = suggestSections(index, typed);
			for (const choices of [sectionChoices(sections), queryChoices(typed, sections)]) {
				expect(choices.length).toBeLessThanOrEqual(DISCORD_LIMITS.autocompleteChoices);
				for (const choice of choices) {
					expect(choice.name.length).toBeGreaterThan(0);
					expect(choice.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.choiceName);
					expect(choice.value.length).toBeGreaterThan(0);
					expect(choice.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.choiceValue);
				}
			}
			for (const choice of sectionChoices(sections)) {
				expect(index.getSection(choice.value)).toBeDefined();
			}
		}
	});

	it('offer what was typed first for /search, when it fits', async () => {
		const { index } = await shippedNotes();
		const choices = queryChoices('vpc peer', suggestSections(index, 'vpc peer'));
		expect(choices[0]).toEqual({ name: '🔎 vpc peer', value: 'vpc peer' });
		expect(choices[1]?.value).toBe('VPC Peering');
		const values = queryChoices('VPC Peering', suggestSections(index, 'VPC Peering')).map((choice) =>
			choice.value.toLowerCase(),
		);
		expect(new Set(values).size).toBe(values.length);
		expect(queryChoices('x'.repeat(101), [])).toEqual([]);
	});
});

describe('custom ids', () => {
	it('round-trip every kind of button', () => {
		const ids: CustomId[] = [
			{ feature: 'search', action: 'page', page: 3, query: { kind: 'inline', query: 'nat: gateway vs instance' } },
			{ feature: 'search', action: 'page', page: 0, query: { kind: 'saved', key: '0123456789abcdef' } },
			{ feature: 'leaderboard', action: 'share', period: 'month', page: 2 },
			{ feature: 'note', action: 'open', sectionId: 'saa-course-onenote.vpc-peering', passage: 2 },
			{ feature: 'note', action: 'page', sectionId: 'saa-course-onenote.vpc-peering', page: 0 },
			{ feature: 'note', action: 'share', sectionId: 'saa-course-onenote.vpc-peering', page: 1 },
		];
		for (const id of ids) {
			expect(decodeCustomId(encodeCustomId(id))).toEqual(id);
		}
	});

	it.each([
		'',
		'garbage',
		'search:page:-1',
		'search:page:1e3',
		'search:page:1',
		'search:page:1:extra',
		'search:page:1:q:',
		'search:page:1:k:NOTHEX0123456789',
		'search:page:1:z:query',
		'note:open:../../etc:1',
		'note:delete:a.b:1',
		'note:page:a.b:99999',
		'quiz:answer:0:2',
		'quiz:answer:1:6',
		'quiz:pick:x',
		'quiz:pick:1:0',
		'quiz:answer:x:1',
	])('rejects %j', (raw) => {
		expect(decodeCustomId(raw)).toBeUndefined();
	});

	it('refuses to build an id longer than Discord allows', () => {
		expect(() =>
			encodeCustomId({ feature: 'note', action: 'page', sectionId: `a.${'b'.repeat(100)}`, page: 1 }),
		).toThrow(/longer than Discord's 100/u);
	});
});
