import {
	ApplicationCommandOptionType,
	type APIInteractionDataResolvedGuildMember,
	type APIRole,
	type ChatInputCommandInteraction,
	type GuildMember,
	type Role,
	type User,
} from 'discord.js';

/** A user option: the user, and their membership of the server the command came from (with its nickname). */
export interface ResolvedUser {
	readonly user: User;
	readonly member: GuildMember | APIInteractionDataResolvedGuildMember | null;
}

/** The part of an option definition that decides what it reads as. */
export interface OptionDefinition {
	readonly type: ApplicationCommandOptionType;
	readonly name: string;
	readonly required?: boolean;
	readonly choices?: readonly { readonly value: string | number }[];
	readonly options?: readonly OptionDefinition[];
}

type ChannelOption = NonNullable<ReturnType<ChatInputCommandInteraction['options']['getChannel']>>;

/** What one option reads as: a choice's value, or the option type's value. */
type ValueOf<O extends OptionDefinition> = O extends { readonly choices: readonly { readonly value: infer V }[] }
	? V
	: O['type'] extends ApplicationCommandOptionType.String
		? string
		: O['type'] extends ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Number
			? number
			: O['type'] extends ApplicationCommandOptionType.Boolean
				? boolean
				: O['type'] extends ApplicationCommandOptionType.User
					? ResolvedUser
					: O['type'] extends ApplicationCommandOptionType.Role
						? Role | APIRole
						: O['type'] extends ApplicationCommandOptionType.Channel
							? ChannelOption
							: never;

/** The options of a definition as one typed object: required ones always set, the rest possibly undefined. */
export type ArgsOf<Options extends readonly OptionDefinition[]> = {
	readonly [O in Options[number] as O['name']]: O extends { readonly required: true }
		? ValueOf<O>
		: ValueOf<O> | undefined;
};

/** The options of one subcommand of a definition. */
export type SubcommandOptions<
	Definition extends { readonly options?: readonly OptionDefinition[] },
	Name extends string,
> = NonNullable<Extract<NonNullable<Definition['options']>[number], { readonly name: Name }>['options']>;

function readOne(options: ChatInputCommandInteraction['options'], definition: OptionDefinition): unknown {
	const required = definition.required === true;
	switch (definition.type) {
		case ApplicationCommandOptionType.String: {
			const value = options.getString(definition.name, required) ?? undefined;
			return definition.choices && !definition.choices.some((choice) => choice.value === value) ? undefined : value;
		}
		case ApplicationCommandOptionType.Integer:
		case ApplicationCommandOptionType.Number: {
			const value =
				(definition.type === ApplicationCommandOptionType.Integer
					? options.getInteger(definition.name, required)
					: options.getNumber(definition.name, required)) ?? undefined;
			return definition.choices && !definition.choices.some((choice) => choice.value === value) ? undefined : value;
		}
		case ApplicationCommandOptionType.Boolean:
			return options.getBoolean(definition.name, required) ?? undefined;
		case ApplicationCommandOptionType.User: {
			const user = options.getUser(definition.name, required);
			return user ? { user, member: options.getMember(definition.name) } : undefined;
		}
		case ApplicationCommandOptionType.Role:
			return options.getRole(definition.name, required) ?? undefined;
		case ApplicationCommandOptionType.Channel:
			return options.getChannel(definition.name, required) ?? undefined;
		default:
			return undefined;
	}
}

/**
 * Reads a command's (or subcommand's) options by their definitions, so a handler gets typed
 * values instead of reading names and casting. A value outside an option's choices reads as
 * absent, so the handler's default applies.
 */
export function readArgs<const Options extends readonly OptionDefinition[]>(
	options: ChatInputCommandInteraction['options'],
	definitions: Options,
): ArgsOf<Options> {
	const args: Record<string, unknown> = {};
	for (const definition of definitions) {
		args[definition.name] = readOne(options, definition);
	}
	// Built from the same definitions the type is derived from, one entry per option.
	return args as ArgsOf<Options>;
}

/** The options of a subcommand, found by name in its command's definition. */
export function subcommandOptions<
	const Definition extends { readonly options?: readonly OptionDefinition[] },
	const Name extends string,
>(definition: Definition, name: Name): SubcommandOptions<Definition, Name> {
	const subcommand = definition.options?.find(
		(option) => option.type === ApplicationCommandOptionType.Subcommand && option.name === name,
	);
	// The definition is a constant; a missing subcommand is a programming error the command tests catch.
	return subcommand?.options ?? [];
}
