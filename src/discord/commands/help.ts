import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { renderHelp } from '../render/help.js';
import { replyOptions } from '../respond.js';
import type { SlashCommand } from './command.js';
import { ANYWHERE } from './reach.js';

export const helpDefinition = {
	name: 'help',
	description: 'List every studybot command and how to use it',
	...ANYWHERE,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const helpCommand: SlashCommand = {
	definition: helpDefinition,
	async execute(interaction, { index, commands }) {
		const files = new Set(index.sections.map((section) => section.file)).size;
		const summary = `It knows ${index.sections.length} sections from ${files} note files.`;
		await interaction.reply(replyOptions(renderHelp(commands, summary)));
	},
};
