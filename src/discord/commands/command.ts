import type {
	AutocompleteInteraction,
	ChatInputCommandInteraction,
	MessageContextMenuCommandInteraction,
	RESTPostAPIChatInputApplicationCommandsJSONBody,
	RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotContext } from '../context.js';

/** One slash command: its definition as Discord takes it, and what it does. */
export interface SlashCommand {
	readonly definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
	execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void>;
	autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
}

/** One command of a message's Apps menu (right-click or long-press a message). */
export interface MessageCommand {
	readonly definition: RESTPostAPIContextMenuApplicationCommandsJSONBody & { readonly name: string };
	/** What `/help` says about it (Discord shows menu commands without a description). */
	readonly help: string;
	execute(interaction: MessageContextMenuCommandInteraction, context: BotContext): Promise<void>;
}
