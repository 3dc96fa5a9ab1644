import type { ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../../context.js';

/** A `/quiz` subcommand, run in a server by a member allowed to manage the quiz. */
export type QuizSubcommand = (interaction: ChatInputCommandInteraction<'cached'>, context: BotContext) => Promise<void>;
