import type { ButtonInteraction } from 'discord.js';
import { replyServerOnly } from '../commands/serverOnly.js';
import type { BotContext } from '../context.js';
import type { CustomId } from '../customId.js';
import { renderProblem } from '../render/message.js';
import { pageOfPassage, renderNotePage, renderSharedNote } from '../render/noteView.js';
import { replyOptions, updateOptions } from '../respond.js';

type NoteCustomId = Extract<CustomId, { feature: 'note' }>;

const GONE = 'That section is no longer in the notes (they were edited). Find it again with `/search` or `/note`.';

/** Opening a section (a new private message), turning its pages, and sharing it publicly. */
export async function handleNoteButton(
	interaction: ButtonInteraction,
	id: NoteCustomId,
	{ index }: BotContext,
): Promise<void> {
	const section = index.getSection(id.sectionId);
	if (!section) {
		await interaction.reply(replyOptions(renderProblem(GONE)));
		return;
	}
	switch (id.action) {
		case 'open':
			await interaction.reply(replyOptions(renderNotePage(section, pageOfPassage(section, id.passage))));
			return;
		case 'page':
			await interaction.update(updateOptions(renderNotePage(section, id.page)));
			return;
		case 'share':
			// In a server that has not added the bot (the app installed on the member's account), nothing is posted.
			await (interaction.guildId !== null && !interaction.inCachedGuild()
				? replyServerOnly(interaction)
				: interaction.reply(replyOptions(renderSharedNote(section, id.page, interaction.user.id))));
			return;
	}
}
