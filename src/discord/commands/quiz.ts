import { PermissionFlagsBits } from 'discord.js';
import { suggestTimeZones } from '../../time/zonedTime.js';
import { DISCORD_LIMITS } from '../render/limits.js';
import { renderProblem } from '../render/message.js';
import { replyOptions } from '../respond.js';
import type { SlashCommand } from './command.js';
import { quizDefinition } from './quiz/definition.js';
import { postNowSubcommand } from './quiz/postNow.js';
import { recapSubcommand } from './quiz/recap.js';
import { setStatusSubcommand } from './quiz/setStatus.js';
import { setupSubcommand } from './quiz/setup.js';
import { statusSubcommand } from './quiz/status.js';
import type { QuizSubcommand } from './quiz/subcommand.js';
import { replyServerOnly } from './serverOnly.js';

export { quizDefinition };

const QUEUE_UNAVAILABLE =
	'The quiz schedule is unavailable for a moment: our job queue is not answering. Nothing was recorded, so please try again shortly.';

type SubcommandName = (typeof quizDefinition.options)[number]['name'];

const SUBCOMMANDS: Readonly<Record<SubcommandName, QuizSubcommand>> = {
	setup: setupSubcommand,
	status: statusSubcommand,
	pause: setStatusSubcommand('paused'),
	resume: setStatusSubcommand('active'),
	disable: setStatusSubcommand('disabled'),
	'post-now': postNowSubcommand,
	recap: recapSubcommand,
};

function isSubcommandName(name: string): name is SubcommandName {
	return name in SUBCOMMANDS;
}

export const quizCommand: SlashCommand = {
	definition: quizDefinition,
	async execute(interaction, context) {
		if (!interaction.inCachedGuild()) {
			await replyServerOnly(interaction);
			return;
		}
		// The command is hidden from members without Manage Server, but a server can override that.
		if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
			await interaction.reply(
				replyOptions(renderProblem('Only members with the **Manage Server** permission can change the quiz.')),
			);
			return;
		}
		const name = interaction.options.getSubcommand(true);
		if (!isSubcommandName(name)) {
			await interaction.reply(
				replyOptions(renderProblem('That `/quiz` subcommand is not known to this version of the bot.')),
			);
			return;
		}
		// Changing the quiz changes its schedule in Redis: with Redis away, change nothing (status only reads).
		if (name !== 'status' && !context.isQueueAvailable()) {
			await interaction.reply(replyOptions(renderProblem(QUEUE_UNAVAILABLE)));
			return;
		}
		await SUBCOMMANDS[name](interaction, context);
	},
	async autocomplete(interaction) {
		await interaction.respond(
			suggestTimeZones(interaction.options.getFocused(), DISCORD_LIMITS.autocompleteChoices).map((zone) => ({
				name: zone,
				value: zone,
			})),
		);
	},
};
