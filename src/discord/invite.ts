import { OAuth2Scopes, PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { POSTING_PERMISSIONS } from './permissions.js';

/** What the invite asks for: posting the quiz, plus reading the history of the channels it posts in. */
export const INVITE_PERMISSIONS = new PermissionsBitField([
	...POSTING_PERMISSIONS.map(([flag]) => flag),
	PermissionFlagsBits.ReadMessageHistory,
]);

/** The link that adds the bot to a server with its slash commands. */
export function inviteUrl(applicationId: string): string {
	const query = new URLSearchParams({
		client_id: applicationId,
		scope: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(' '),
		permissions: INVITE_PERMISSIONS.bitfield.toString(),
	});
	return `https://discord.com/oauth2/authorize?${query.toString()}`;
}
