import type { SlashCommand } from './command.js';
import { helpCommand } from './help.js';
import { noteCommand } from './note.js';
import { quizCommand } from './quiz.js';
import { searchCommand } from './search.js';

/** Every slash command of the bot: registered with Discord from here, routed from here. */
export const COMMANDS: readonly SlashCommand[] = [searchCommand, noteCommand, quizCommand, helpCommand];

export const COMMAND_DEFINITIONS = COMMANDS.map((command) => command.definition);
