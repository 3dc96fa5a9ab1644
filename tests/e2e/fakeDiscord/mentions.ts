import type { APIAllowedMentions } from 'discord-api-types/v10';

/**
 * Who a message's content would notify, by Discord's rules: embeds never ping; without
 * `allowed_mentions` every mention in the content pings; with it, only what it allows.
 */
export function pingsOf(content: string, allowed: APIAllowedMentions | undefined): string[] {
	const parse = new Set<string>(allowed?.parse ?? (allowed ? [] : ['everyone', 'users', 'roles']));
	const allowedUsers = new Set(allowed?.users ?? []);
	const allowedRoles = new Set(allowed?.roles ?? []);
	const pings: string[] = [];
	for (const match of content.matchAll(/@(everyone|here)/gu)) {
		if (parse.has('everyone')) {
			pings.push(`@${match[1] ?? ''}`);
		}
	}
	for (const match of content.matchAll(/<@!?(\d{17,20})>/gu)) {
		const id = match[1] ?? '';
		if (parse.has('users') || allowedUsers.has(id)) {
			pings.push(`user:${id}`);
		}
	}
	for (const match of content.matchAll(/<@&(\d{17,20})>/gu)) {
		const id = match[1] ?? '';
		if (parse.has('roles') || allowedRoles.has(id)) {
			pings.push(`role:${id}`);
		}
	}
	return pings;
}
