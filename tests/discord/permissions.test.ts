import { OverwriteType, PermissionFlagsBits as Flags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { channelPermissions, missingPostingPermissions } from '../../src/discord/permissions.js';

const GUILD = '100';
const ROLE = '200';
const BOT = '300';
const base = {
	guildId: GUILD,
	ownerId: '999',
	roles: [
		{ id: GUILD, permissions: String(Flags.ViewChannel | Flags.SendMessages | Flags.EmbedLinks) },
		{ id: ROLE, permissions: '0' },
	],
	member: { id: BOT, roles: [ROLE] },
};

describe('channelPermissions, as Discord documents the computation', () => {
	it('applies the @everyone overwrite, then the roles’ overwrites together, then the member’s own', () => {
		const overwrites = [
			{ id: GUILD, type: OverwriteType.Role, allow: '0', deny: String(Flags.SendMessages | Flags.EmbedLinks) },
			{ id: ROLE, type: OverwriteType.Role, allow: String(Flags.SendMessages), deny: '0' },
			{ id: BOT, type: OverwriteType.Member, allow: '0', deny: String(Flags.ViewChannel) },
		];
		const permissions = channelPermissions({ ...base, overwrites });
		expect(missingPostingPermissions(permissions)).toEqual(['View Channel', 'Embed Links']);
	});

	it('gives the owner and administrators everything whatever the overwrites', () => {
		const denyAll = [{ id: GUILD, type: OverwriteType.Role, allow: '0', deny: String(~0n) }];
		expect(channelPermissions({ ...base, ownerId: BOT, overwrites: denyAll })).toBe(~0n);
		const admin = { ...base, roles: [...base.roles, { id: '400', permissions: String(Flags.Administrator) }] };
		expect(channelPermissions({ ...admin, member: { id: BOT, roles: ['400'] }, overwrites: denyAll })).toBe(~0n);
	});

	it('finds nothing missing in a channel without overwrites', () => {
		expect(missingPostingPermissions(channelPermissions({ ...base, overwrites: [] }))).toEqual([]);
	});
});
