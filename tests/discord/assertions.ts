import { ComponentType, type APIEmbed } from 'discord.js';
import { expect } from 'vitest';
import { decodeCustomId } from '../../src/discord/customId.js';
import { DISCORD_LIMITS, embedLength } from '../../src/discord/render/limits.js';
import type { RenderedMessage } from '../../src/discord/render/message.js';

/** What Discord would reject, or what would ping somebody, fails the test. */
export function expectSendable(message: RenderedMessage): void {
	expect(message.embeds.length).toBeLessThanOrEqual(10);
	if (message.content !== undefined) {
		expect(message.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
		expectNoPing(message.content);
	}
	for (const embed of message.embeds) {
		expectEmbedWithinLimits(embed);
	}
	expect(message.components.length).toBeLessThanOrEqual(5);
	const ids = message.components.flatMap((row) => row.components.map((component) => component.custom_id));
	expect(new Set(ids).size).toBe(ids.length);
	for (const row of message.components) {
		expect(row.components.length).toBeLessThanOrEqual(5);
		for (const component of row.components) {
			expect(component.custom_id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
			expect(decodeCustomId(component.custom_id)).toBeDefined();
			if (component.type === ComponentType.Button) {
				expect(component.label?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.buttonLabel);
			} else {
				// A select menu: at most 25 options, each label and description within Discord's limits.
				expect(component.options.length).toBeLessThanOrEqual(25);
				for (const option of component.options) {
					expect(option.label.length).toBeLessThanOrEqual(100);
					expect(option.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.selectOptionDescription);
				}
			}
		}
	}
}

export function expectEmbedWithinLimits(embed: APIEmbed): void {
	expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
	expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
	expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footerText);
	expect(embed.author?.name.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.authorName);
	expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedFields);
	for (const field of embed.fields ?? []) {
		expect(field.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
		expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
		expect(field.value.trim()).not.toBe('');
	}
	expect(embedLength(embed)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
	// Embeds never ping, and may show a role or channel as a mention on purpose; @everyone in
	// an embed would still read as a broken promise, so it must never appear.
	for (const text of [
		embed.title,
		embed.description,
		...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
	]) {
		expect(text ?? '').not.toMatch(/@(everyone|here)/iu);
	}
}

/** Text Discord would turn into a mention: @everyone, @here, or a user or role mention. */
export function expectNoPing(text: string): void {
	expect(text).not.toMatch(/@(everyone|here)/iu);
	expect(text).not.toMatch(/<@[!&]?\d+>/u);
}
