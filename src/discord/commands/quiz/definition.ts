import {
	ApplicationCommandOptionType,
	ChannelType,
	PermissionFlagsBits,
	type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { DEFAULT_ANSWER_WINDOW_HOURS, MAX_ANSWER_WINDOW_HOURS } from '../../../quiz/settings.js';
import { WEEKDAYS } from '../../render/quizAdmin.js';
import { SERVER_ONLY } from '../reach.js';

/** `/quiz`: the daily quiz's admin commands, for members with Manage Server. */
export const quizDefinition = {
	name: 'quiz',
	description: 'Set up and manage the daily quiz of this server',
	default_member_permissions: String(PermissionFlagsBits.ManageGuild),
	...SERVER_ONLY,
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
					description: `Hours the question stays open (default ${DEFAULT_ANSWER_WINDOW_HOURS})`,
					min_value: 1,
					max_value: MAX_ANSWER_WINDOW_HOURS,
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
