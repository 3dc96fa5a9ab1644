import {
	ApplicationCommandOptionType,
	ChannelType,
	InteractionContextType,
	PermissionFlagsBits,
	type ChatInputCommandInteraction,
	type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { allTimeZones } from '../../quiz/zonedTime.js';
import type { BotContext } from '../context.js';
import { renderProblem } from '../render/message.js';
import { replyOptions } from '../respond.js';
import type { SlashCommand } from './command.js';
import { postNowSubcommand } from './quiz/postNow.js';
import { recapSubcommand, WEEKDAYS } from './quiz/recap.js';
import { setStatusSubcommand } from './quiz/setStatus.js';
import { setupSubcommand } from './quiz/setup.js';
import { statusSubcommand } from './quiz/status.js';

export const quizDefinition = {
	name: 'quiz',
	description: 'Set up and manage the daily quiz of this server',
	default_member_permissions: String(PermissionFlagsBits.ManageGuild),
	contexts: [InteractionContextType.Guild],
	options: [
		{
			type: ApplicationCommandOptionType.Subcommand,
			name: 'setup',
			description: 'Post a question every day in a channel, at a time in your time zone',
			options: [
				{
					type: ApplicationCommandOptionType.Channel,
					name: 'channel',
					description: 'Where the question is posted',
					required: true,
					channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
				},
				{
					type: ApplicationCommandOptionType.String,
					name: 'time',
					description: 'Local time to post, 24-hour HH:MM, e.g. 09:00',
					required: true,
					min_length: 4,
					max_length: 5,
				},
				{
					type: ApplicationCommandOptionType.String,
					name: 'timezone',
					description: 'Your time zone, e.g. Europe/Berlin',
					required: true,
					autocomplete: true,
					max_length: 64,
				},
				{
					type: ApplicationCommandOptionType.Role,
					name: 'role',
					description: 'Role to mention when the question is posted (nobody else is pinged)',
				},
				{
					type: ApplicationCommandOptionType.Integer,
					name: 'answer_window',
					description: 'Hours the question stays open (default 24)',
					min_value: 1,
					max_value: 24,
				},
			],
		},
		{
			type: ApplicationCommandOptionType.Subcommand,
			name: 'status',
			description: 'When the next question comes, and today’s',
		},
		{ type: ApplicationCommandOptionType.Subcommand, name: 'pause', description: 'Stop posting until resumed' },
		{ type: ApplicationCommandOptionType.Subcommand, name: 'resume', description: 'Start posting again' },
		{
			type: ApplicationCommandOptionType.Subcommand,
			name: 'post-now',
			description: 'Post today’s question now, if not posted yet',
		},
		{
			type: ApplicationCommandOptionType.Subcommand,
			name: 'disable',
			description: 'Turn the quiz off (scores and history are kept)',
		},
		{
			type: ApplicationCommandOptionType.Subcommand,
			name: 'recap',
			description: 'Turn the weekly recap (top members, streaks, hardest question) on or off',
			options: [
				{
					type: ApplicationCommandOptionType.Boolean,
					name: 'enabled',
					description: 'Post the weekly recap',
					required: true,
				},
				{
					type: ApplicationCommandOptionType.Integer,
					name: 'day',
					description: 'Day of the week (default Sunday)',
					choices: WEEKDAYS.map((day, index) => ({ name: day, value: index + 1 })),
				},
				{
					type: ApplicationCommandOptionType.String,
					name: 'time',
					description: 'Local time, 24-hour HH:MM (default 18:00)',
					min_length: 4,
					max_length: 5,
				},
			],
		},
	],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

type Subcommand = (interaction: ChatInputCommandInteraction<'cached'>, context: BotContext) => Promise<void>;

const SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
	setup: setupSubcommand,
	status: statusSubcommand,
	pause: setStatusSubcommand('paused'),
	resume: setStatusSubcommand('active'),
	disable: setStatusSubcommand('disabled'),
	'post-now': postNowSubcommand,
	recap: recapSubcommand,
};

export const quizCommand: SlashCommand = {
	definition: quizDefinition,
	async execute(interaction, context) {
		if (!interaction.inCachedGuild()) {
			await interaction.reply(
				replyOptions(renderProblem('The quiz belongs to a server: use `/quiz` in a server channel.')),
			);
			return;
		}
		// The command is hidden from members without Manage Server, but a server can override that.
		if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
			await interaction.reply(
				replyOptions(renderProblem('Only members with the **Manage Server** permission can change the quiz.')),
			);
			return;
		}
		const subcommand = SUBCOMMANDS[interaction.options.getSubcommand(true)];
		if (!subcommand) {
			await interaction.reply(
				replyOptions(renderProblem('That `/quiz` subcommand is not known to this version of the bot.')),
			);
			return;
		}
		await subcommand(interaction, context);
	},
	async autocomplete(interaction) {
		const typed = interaction.options.getFocused().trim().toLowerCase().replaceAll(' ', '_');
		const zones = allTimeZones();
		const starts = zones.filter((zone) => zone.toLowerCase().startsWith(typed));
		const contains = zones.filter(
			(zone) => !zone.toLowerCase().startsWith(typed) && zone.toLowerCase().includes(typed),
		);
		await interaction.respond([...starts, ...contains].slice(0, 25).map((zone) => ({ name: zone, value: zone })));
	},
};
