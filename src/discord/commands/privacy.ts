import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { renderPrivacy } from '../render/study.js';
import { replyWhenReady } from '../respond.js';
import type { SlashCommand } from './command.js';
import { ANYWHERE } from './reach.js';

export const privacyDefinition = {
	name: 'privacy',
	description: 'What studybot stores about you, and deleting it',
	...ANYWHERE,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const privacyCommand: SlashCommand = {
	definition: privacyDefinition,
	async execute(interaction, { study }) {
		await replyWhenReady(interaction, true, async () => renderPrivacy(await study.footprint(interaction.user.id)));
	},
};
