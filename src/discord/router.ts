import type {
	AutocompleteInteraction,
	ButtonInteraction,
	ChatInputCommandInteraction,
	Interaction,
	MessageContextMenuCommandInteraction,
	StringSelectMenuInteraction,
} from 'discord.js';
import type { MessageCommand, SlashCommand } from './commands/command.js';
import { handleNoteButton } from './components/noteButtons.js';
import { handleQuizAnswer } from './components/quizButtons.js';
import { handleScoreButton } from './components/scoreButtons.js';
import { handleSearchButton } from './components/searchButtons.js';
import { handlePrivacyButton, handleReviewButton, handleStudyComponent } from './components/studyButtons.js';
import type { BotContext } from './context.js';
import { decodeCustomId } from './customId.js';
import { renderProblem } from './render/message.js';
import { isExpiredInteraction, replyOptions, updateOptions } from './respond.js';

const UNKNOWN_COMMAND = 'This command is not known to this version of the bot.';
const STALE_BUTTON = 'This button no longer works. Run the command again.';
const FAILURE = 'Something went wrong on our side while answering. Please try again in a moment.';
const UNAVAILABLE = {
	database:
		'The quiz and scores are unavailable for a moment: our database is not answering. Nothing was recorded, so please try again shortly.',
	queue:
		'The quiz is unavailable for a moment: our job queue is not answering. Nothing was recorded, so please try again shortly.',
} as const;

/** The interactions that get a message back (autocomplete gets choices). */
type AnsweredInteraction =
	ChatInputCommandInteraction | MessageContextMenuCommandInteraction | ButtonInteraction | StringSelectMenuInteraction;

async function replyPrivately(interaction: AnsweredInteraction, text: string): Promise<void> {
	const problem = renderProblem(text);
	if (interaction.deferred && !interaction.replied) {
		// The member sees "thinking…": the problem takes its place.
		await interaction.editReply(updateOptions(problem));
	} else if (interaction.replied) {
		await interaction.followUp(replyOptions(problem));
	} else {
		await interaction.reply(replyOptions(problem));
	}
}

/** Buttons and menus, by their custom id; menus answer "Select TWO/THREE" questions (quiz and study). */
async function routeComponent(
	interaction: ButtonInteraction | StringSelectMenuInteraction,
	context: BotContext,
): Promise<void> {
	const id = decodeCustomId(interaction.customId);
	if (!id || (id.feature !== 'quiz' && id.feature !== 'study' && !interaction.isButton())) {
		await replyPrivately(interaction, STALE_BUTTON);
		return;
	}
	if (id.feature === 'quiz') {
		await handleQuizAnswer(interaction, id, context);
		return;
	}
	if (id.feature === 'study') {
		await handleStudyComponent(interaction, id, context);
		return;
	}
	if (!interaction.isButton()) {
		return;
	}
	switch (id.feature) {
		case 'search':
			await handleSearchButton(interaction, id, context);
			return;
		case 'note':
			await handleNoteButton(interaction, id, context);
			return;
		case 'leaderboard':
		case 'stats':
			await handleScoreButton(interaction, id, context);
			return;
		case 'review':
			await handleReviewButton(interaction, id, context);
			return;
		case 'privacy':
			await handlePrivacyButton(interaction, id, context);
			return;
		default: {
			const unhandled: never = id;
			throw new Error(`no handler for button ${JSON.stringify(unhandled)}`);
		}
	}
}

async function routeAutocomplete(
	interaction: AutocompleteInteraction,
	command: SlashCommand | undefined,
	context: BotContext,
): Promise<void> {
	if (command?.autocomplete) {
		await command.autocomplete(interaction, context);
	} else {
		await interaction.respond([]);
	}
}

/**
 * The one entry point for interactions: routes each to its command or button handler; a
 * failure is logged with its context and answered with a private message, never left hanging.
 */
export function createInteractionRouter(
	commands: readonly SlashCommand[],
	messageCommands: readonly MessageCommand[],
	context: BotContext,
): (interaction: Interaction) => Promise<void> {
	const byName = new Map(commands.map((command) => [command.definition.name, command]));
	const messageCommandsByName = new Map(messageCommands.map((command) => [command.definition.name, command]));
	return async (interaction) => {
		const started = performance.now();
		const where = {
			interactionId: interaction.id,
			guildId: interaction.guildId,
			userId: interaction.user.id,
			...(interaction.isCommand() || interaction.isAutocomplete() ? { command: interaction.commandName } : {}),
			...(interaction.isMessageComponent() ? { customId: interaction.customId } : {}),
		};
		const label =
			interaction.isCommand() || interaction.isAutocomplete()
				? interaction.commandName
				: interaction.isMessageComponent()
					? `button:${interaction.customId.split(':')[0] ?? ''}`
					: 'other';
		const kind = interaction.isAutocomplete()
			? 'autocomplete'
			: interaction.isMessageComponent()
				? 'button'
				: 'command';
		let outcome = 'ok';
		try {
			if (interaction.isChatInputCommand()) {
				const command = byName.get(interaction.commandName);
				if (command) {
					await command.execute(interaction, context);
				} else {
					await replyPrivately(interaction, UNKNOWN_COMMAND);
				}
			} else if (interaction.isMessageContextMenuCommand()) {
				const command = messageCommandsByName.get(interaction.commandName);
				if (command) {
					await command.execute(interaction, context);
				} else {
					await replyPrivately(interaction, UNKNOWN_COMMAND);
				}
			} else if (interaction.isAutocomplete()) {
				await routeAutocomplete(interaction, byName.get(interaction.commandName), context);
			} else if (interaction.isButton() || interaction.isStringSelectMenu()) {
				await routeComponent(interaction, context);
			} else {
				return;
			}
			context.logger.debug({ ...where, ms: Math.round(performance.now() - started) }, 'interaction answered');
		} catch (error) {
			if (isExpiredInteraction(error)) {
				// Discord dropped the interaction (slower than its 3 s, or already gone): nobody can be told.
				outcome = 'expired';
				context.logger.warn({ ...where, err: error }, 'interaction expired before it was answered');
				return;
			}
			const unavailable = context.unavailableService(error);
			outcome = unavailable ? 'unavailable' : 'error';
			if (unavailable) {
				context.logger.warn(
					{ ...where, service: unavailable },
					`interaction refused: the ${unavailable} is unavailable`,
				);
			} else {
				context.logger.error({ ...where, err: error }, 'interaction failed');
			}
			if (
				interaction.isChatInputCommand() ||
				interaction.isMessageContextMenuCommand() ||
				interaction.isButton() ||
				interaction.isStringSelectMenu()
			) {
				await replyPrivately(interaction, unavailable ? UNAVAILABLE[unavailable] : FAILURE).catch(
					(replyError: unknown) => {
						context.logger.warn({ ...where, err: replyError }, 'could not tell the user about the failure');
					},
				);
			}
		} finally {
			context.metrics.interactions.inc({ command: label, outcome });
			context.metrics.interactionSeconds.observe({ kind }, (performance.now() - started) / 1000);
		}
	};
}
