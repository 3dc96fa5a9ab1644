import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { fitEmbed } from './limits.js';
import { COLOURS, type RenderedMessage } from './message.js';

function usage(definition: RESTPostAPIChatInputApplicationCommandsJSONBody): string {
	const subcommands = (definition.options ?? []).filter(
		(option) => option.type === ApplicationCommandOptionType.Subcommand,
	);
	if (subcommands.length > 0) {
		return `/${definition.name} ${subcommands.map((option) => option.name).join('|')}`;
	}
	const options = (definition.options ?? [])
		.filter(
			(option) =>
				option.type !== ApplicationCommandOptionType.Subcommand &&
				option.type !== ApplicationCommandOptionType.SubcommandGroup,
		)
		.map((option) => ('required' in option && option.required ? `${option.name}:` : `[${option.name}:]`));
	return [`/${definition.name}`, ...options].join(' ');
}

/** Every command the bot has, with how to call it, straight from the command definitions. */
export function renderHelp(
	definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
	notesSummary: string,
): RenderedMessage {
	return {
		embeds: [
			fitEmbed({
				title: 'studybot commands',
				description: `Study companion for the notes of this server. ${notesSummary}`,
				color: COLOURS.brand,
				fields: definitions.map((definition) => ({
					name: `\`${usage(definition)}\``,
					value: definition.description,
				})),
				footer: { text: 'Replies about notes are private until you press “Share in channel”.' },
			}),
		],
		components: [],
		ephemeral: true,
	};
}
