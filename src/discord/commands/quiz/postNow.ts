import { renderPostNowOutcome } from '../../render/quizAdmin.js';
import { replyWhenReady } from '../../respond.js';
import { channelAccess } from './channelAccess.js';
import type { QuizSubcommand } from './subcommand.js';

/** `/quiz post-now`: asks for today's question and says, within a few seconds, how it went. */
export const postNowSubcommand: QuizSubcommand = async (interaction, { quiz }) => {
	await replyWhenReady(interaction, true, async () =>
		renderPostNowOutcome(
			await quiz.postNow({
				guildId: interaction.guildId,
				channelAccess: (channelId) => channelAccess(interaction, channelId),
			}),
		),
	);
};
