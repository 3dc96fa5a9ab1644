import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { DOMAIN_LABEL, EXAM_DOMAINS } from '../../quiz/questionBank.js';
import { MAX_PRACTICE_QUESTIONS, MIN_PRACTICE_QUESTIONS } from '../../study/practiceSessions.js';
import { DISCORD_LIMITS } from '../render/limits.js';
import { renderPracticeStart } from '../render/study.js';
import { replyWhenReady } from '../respond.js';
import type { SlashCommand } from './command.js';
import { readArgs } from './options.js';
import { ANYWHERE } from './reach.js';

export const practiceDefinition = {
	name: 'practice',
	description: 'Practise privately: your due reviews, then questions you have not seen, weakest areas first',
	...ANYWHERE,
	options: [
		{
			type: ApplicationCommandOptionType.String,
			name: 'topic',
			description: 'Only this topic (pick as you type)',
			autocomplete: true,
		},
		{
			type: ApplicationCommandOptionType.String,
			name: 'domain',
			description: 'Only this exam domain',
			choices: EXAM_DOMAINS.map((domain) => ({ name: DOMAIN_LABEL[domain], value: domain })),
		},
		{
			type: ApplicationCommandOptionType.Integer,
			name: 'count',
			description: `How many questions (${MIN_PRACTICE_QUESTIONS}–${MAX_PRACTICE_QUESTIONS}, default 10)`,
			min_value: MIN_PRACTICE_QUESTIONS,
			max_value: MAX_PRACTICE_QUESTIONS,
		},
	],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const practiceCommand: SlashCommand = {
	definition: practiceDefinition,
	async execute(interaction, { study }) {
		const { topic, domain, count } = readArgs(interaction.options, practiceDefinition.options);
		await replyWhenReady(interaction, true, async () =>
			renderPracticeStart(
				await study.startPractice({ userId: interaction.user.id, guildId: interaction.guildId, topic, domain, count }),
			),
		);
	},
	async autocomplete(interaction, { study }) {
		const typed = interaction.options.getFocused().trim().toLowerCase();
		await interaction.respond(
			study
				.topics()
				.filter((topic) => topic.toLowerCase().includes(typed))
				.slice(0, DISCORD_LIMITS.autocompleteChoices)
				.map((topic) => ({ name: topic, value: topic })),
		);
	},
};
