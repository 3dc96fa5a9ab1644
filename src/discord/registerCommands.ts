import { REST, Routes, type APIApplication, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { DiscordConfig } from '../config/config.js';

export interface RegistrationResult {
	readonly scope: 'guild' | 'global';
	readonly applicationId: string;
	readonly names: readonly string[];
}

/**
 * Replaces the application's commands with `definitions`: in one guild when a development
 * guild is configured (visible at once), else globally (Discord may take up to an hour).
 */
export async function registerCommands(
	config: Pick<DiscordConfig, 'token' | 'applicationId' | 'devGuildId' | 'apiUrl'>,
	definitions: readonly RESTPostAPIApplicationCommandsJSONBody[],
): Promise<RegistrationResult> {
	const rest = new REST(config.apiUrl === undefined ? {} : { api: config.apiUrl }).setToken(config.token);
	const applicationId = config.applicationId ?? ((await rest.get(Routes.currentApplication())) as APIApplication).id;
	const route =
		config.devGuildId === undefined
			? Routes.applicationCommands(applicationId)
			: Routes.applicationGuildCommands(applicationId, config.devGuildId);
	await rest.put(route, { body: definitions });
	return {
		scope: config.devGuildId === undefined ? 'global' : 'guild',
		applicationId,
		names: definitions.map((definition) => definition.name),
	};
}
