import type { MessageCommand, SlashCommand } from './command.js';
import { findInNotesCommand } from './findInNotes.js';
import { helpCommand } from './help.js';
import { leaderboardCommand } from './leaderboard.js';
import { noteCommand } from './note.js';
import { practiceCommand } from './practice.js';
import { privacyCommand } from './privacy.js';
import { quizCommand } from './quiz.js';
import { reviewCommand } from './review.js';
import { searchCommand } from './search.js';
import { statsCommand } from './stats.js';

/** Every slash command of the bot: registered with Discord from here, routed from here. */
export const COMMANDS: readonly SlashCommand[] = [
	searchCommand,
	noteCommand,
	practiceCommand,
	reviewCommand,
	quizCommand,
	leaderboardCommand,
	statsCommand,
	privacyCommand,
	helpCommand,
];

/** Every command of a message's Apps menu. */
export const MESSAGE_COMMANDS: readonly MessageCommand[] = [findInNotesCommand];

export const COMMAND_DEFINITIONS = COMMANDS.map((command) => command.definition);

/** What `npm run commands:register` sends Discord: the slash commands and the message commands. */
export const APPLICATION_COMMAND_DEFINITIONS = [
	...COMMAND_DEFINITIONS,
	...MESSAGE_COMMANDS.map((command) => command.definition),
];
