import {
	ApplicationCommandOptionType,
	PermissionFlagsBits,
	type APIApplicationCommandOption,
	type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandCatalogue } from '../context.js';
import { fitEmbed, truncate, DISCORD_LIMITS } from './limits.js';
import { COLOURS, type RenderedMessage } from './message.js';

/** What a member types for an option's value, by its kind. */
function placeholder(option: APIApplicationCommandOption): string {
	if ('choices' in option && option.choices.length > 0) {
		return option.choices.map((choice) => choice.name.toLowerCase()).join('|');
	}
	switch (option.type) {
		case ApplicationCommandOptionType.Channel:
			return '#channel';
		case ApplicationCommandOptionType.Role:
			return '@role';
		case ApplicationCommandOptionType.User:
			return '@member';
		case ApplicationCommandOptionType.Boolean:
			return 'true|false';
		case ApplicationCommandOptionType.Integer:
		case ApplicationCommandOptionType.Number:
			return 'number';
		default:
			return option.name === 'time' ? 'HH:MM' : 'text';
	}
}

/** `/search query:<text>`, `[page:<number>]` for optional ones: as the Discord app shows it while typing. */
function usage(prefix: string, options: readonly APIApplicationCommandOption[]): string {
	return [
		prefix,
		...options.map((option) => {
			const typed = `${option.name}:<${placeholder(option)}>`;
			return 'required' in option && option.required ? typed : `[${typed}]`;
		}),
	].join(' ');
}

interface HelpLine {
	readonly usage: string;
	readonly description: string;
	readonly admin: boolean;
}

function helpLines(definition: RESTPostAPIChatInputApplicationCommandsJSONBody): HelpLine[] {
	const admin = definition.default_member_permissions === String(PermissionFlagsBits.ManageGuild);
	const subcommands = (definition.options ?? []).filter(
		(option) => option.type === ApplicationCommandOptionType.Subcommand,
	);
	if (subcommands.length === 0) {
		return [
			{ usage: usage(`/${definition.name}`, definition.options ?? []), description: definition.description, admin },
		];
	}
	return subcommands.map((subcommand) => ({
		usage: usage(`/${definition.name} ${subcommand.name}`, subcommand.options ?? []),
		description: subcommand.description,
		admin,
	}));
}

/**
 * Every command the bot has, straight from the command definitions: usage as a member types
 * it, the message menu's commands after the members' slash commands, and the commands that
 * need Manage Server marked and listed last.
 */
export function renderHelp(commands: CommandCatalogue, notesSummary: string): RenderedMessage {
	const lines = commands.slash.flatMap(helpLines);
	const menuLines = commands.message.map((command) => ({
		usage: `Apps › ${command.name}`,
		description: command.help,
		admin: false,
	}));
	const ordered = [...lines.filter((line) => !line.admin), ...menuLines, ...lines.filter((line) => line.admin)];
	return {
		embeds: [
			fitEmbed({
				title: 'studybot commands',
				description: `Study companion for the notes of this server. ${notesSummary}`,
				color: COLOURS.brand,
				fields: ordered.map((line) => ({
					name: truncate(`\`${line.usage}\``, DISCORD_LIMITS.fieldName),
					value: line.admin ? `🔒 Manage Server only. ${line.description}` : line.description,
				})),
				footer: { text: 'Replies are private until you press “Share in channel”.' },
			}),
		],
		components: [],
		ephemeral: true,
	};
}
