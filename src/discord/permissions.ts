import { PermissionFlagsBits, type APIOverwrite, type APIRole } from 'discord.js';

/** What the bot needs in the quiz channel to post a question there, with the names the Discord app shows. */
export const POSTING_PERMISSIONS = [
	[PermissionFlagsBits.ViewChannel, 'View Channel'],
	[PermissionFlagsBits.SendMessages, 'Send Messages'],
	[PermissionFlagsBits.EmbedLinks, 'Embed Links'],
] as const;

export interface ChannelPermissionInput {
	readonly guildId: string;
	readonly ownerId: string;
	/** Every role of the guild (the @everyone role's id is the guild's). */
	readonly roles: readonly Pick<APIRole, 'id' | 'permissions'>[];
	readonly member: { readonly id: string; readonly roles: readonly string[] };
	readonly overwrites: readonly Pick<APIOverwrite, 'id' | 'type' | 'allow' | 'deny'>[];
}

/**
 * A member's permissions in a channel, computed as Discord documents it ("Permission
 * Overwrites"): the owner and administrators have all; otherwise the roles' permissions, then
 * the @everyone overwrite, then the member's roles' overwrites together, then the member's own.
 */
export function channelPermissions(input: ChannelPermissionInput): bigint {
	if (input.member.id === input.ownerId) {
		return ~0n;
	}
	const roleIds = new Set([input.guildId, ...input.member.roles]);
	let permissions = input.roles
		.filter((role) => roleIds.has(role.id))
		.reduce((all, role) => all | BigInt(role.permissions), 0n);
	if ((permissions & PermissionFlagsBits.Administrator) !== 0n) {
		return ~0n;
	}
	const apply = (allow: bigint, deny: bigint): void => {
		permissions = (permissions & ~deny) | allow;
	};
	const everyone = input.overwrites.find((overwrite) => overwrite.id === input.guildId);
	if (everyone) {
		apply(BigInt(everyone.allow), BigInt(everyone.deny));
	}
	const roleOverwrites = input.overwrites.filter(
		(overwrite) => overwrite.id !== input.guildId && input.member.roles.includes(overwrite.id),
	);
	apply(
		roleOverwrites.reduce((all, overwrite) => all | BigInt(overwrite.allow), 0n),
		roleOverwrites.reduce((all, overwrite) => all | BigInt(overwrite.deny), 0n),
	);
	const own = input.overwrites.find((overwrite) => overwrite.id === input.member.id);
	if (own) {
		apply(BigInt(own.allow), BigInt(own.deny));
	}
	return permissions;
}

/** The names of the posting permissions missing from a permission set. */
export function missingPostingPermissions(permissions: { has(flag: bigint): boolean } | bigint | null): string[] {
	return POSTING_PERMISSIONS.filter(([flag]) =>
		typeof permissions === 'bigint' ? (permissions & flag) === 0n : !permissions?.has(flag),
	).map(([, name]) => name);
}
