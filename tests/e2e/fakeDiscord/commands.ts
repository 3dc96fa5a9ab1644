import { ApplicationCommandType } from 'discord-api-types/v10';

/**
 * What Discord checks when an app replaces its commands (PUT …/commands), from the application
 * command docs: a slash (CHAT_INPUT) command's name is 1–32 lowercase letters, digits, `-`, `_`
 * or `'`, and it has a 1–100 character description; a USER or MESSAGE command's name is 1–32
 * characters of any case, spaces allowed, and its description is empty and it takes no options;
 * names are unique per command type. A body that breaks a rule is refused whole with 400
 * Invalid Form Body (code 50035), naming the command and the field.
 */
const SLASH_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

interface CommandBody {
	readonly type?: ApplicationCommandType;
	readonly name?: unknown;
	readonly description?: unknown;
	readonly options?: unknown;
}

export interface CommandRefusal {
	readonly status: 400;
	readonly json: unknown;
}

function refusal(position: number, field: string, code: string, message: string): CommandRefusal {
	return {
		status: 400,
		json: {
			message: 'Invalid Form Body',
			code: 50035,
			errors: { [String(position)]: { [field]: { _errors: [{ code, message }] } } },
		},
	};
}

export function checkCommands(body: unknown): CommandRefusal | undefined {
	if (!Array.isArray(body)) {
		return { status: 400, json: { message: 'Invalid Form Body', code: 50035, errors: { _errors: [] } } };
	}
	const seen = new Set<string>();
	for (const [position, command] of (body as CommandBody[]).entries()) {
		const type = command.type ?? ApplicationCommandType.ChatInput;
		const name = typeof command.name === 'string' ? command.name : '';
		const description = typeof command.description === 'string' ? command.description : undefined;
		if (type === ApplicationCommandType.ChatInput) {
			if (!SLASH_NAME.test(name) || name !== name.toLowerCase()) {
				return refusal(position, 'name', 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
			}
			if (description === undefined || description.length < 1 || description.length > 100) {
				return refusal(position, 'description', 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
			}
		} else if (type === ApplicationCommandType.User || type === ApplicationCommandType.Message) {
			if (name.length < 1 || name.length > 32) {
				return refusal(position, 'name', 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 32 in length.');
			}
			if (description !== undefined && description !== '') {
				return refusal(
					position,
					'description',
					'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION_NOT_EMPTY',
					'Context menu commands cannot have description',
				);
			}
			if (Array.isArray(command.options) && command.options.length > 0) {
				return refusal(
					position,
					'options',
					'APPLICATION_COMMAND_OPTIONS_NOT_ALLOWED',
					'Context menu commands cannot have options',
				);
			}
		} else {
			return refusal(position, 'type', 'BASE_TYPE_CHOICES', `Value must be one of {1, 2, 3, 4}.`);
		}
		const key = `${String(type)}:${name}`;
		if (seen.has(key)) {
			return refusal(
				position,
				'name',
				'APPLICATION_COMMANDS_DUPLICATE_NAME',
				`Application command names must be unique`,
			);
		}
		seen.add(key);
	}
	return undefined;
}
