import type { SlashCommand } from './command.js';
import { helpCommand } from './help.js';
import { noteCommand } from './note.js';
import { leaderboardCommand } from './leaderboard.js';
import { quizCommand } from './quiz.js';
import { statsCommand } from './stats.js';
import { searchCommand } from './search.js';

/** Every slash command of the bot: registered with Discord from here, routed from here. */
export const COMMANDS: readonly SlashCommand[] = [
	searchCommand,
	noteCommand,
	quizCommand,
	leaderboardCommand,
	statsCommand,
	helpCommand,
];

export const COMMAND_DEFINITIONS = COMMANDS.map((command) => command.definition);
