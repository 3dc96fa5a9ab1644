import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Logger } from '../logging/logger.js';
import type { SearchIndex } from '../search/searchIndex.js';

/** What command and button handlers are given to work with. */
export interface BotContext {
	readonly index: SearchIndex;
	readonly logger: Logger;
	readonly commandDefinitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[];
}
