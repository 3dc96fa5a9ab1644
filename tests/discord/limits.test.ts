import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS, embedLength, fitEmbed, truncate } from '../../src/discord/render/limits.js';
import { expectEmbedWithinLimits } from './assertions.js';

describe('truncate', () => {
	it('cuts with an ellipsis and never leaves a dangling escape', () => {
		expect(truncate('abcdef', 4)).toBe('abc…');
		expect(truncate('abc', 3)).toBe('abc');
		expect(truncate('ab\\*cd', 4)).toBe('ab…');
		expect(truncate('ab\\\\cd', 5)).toBe('ab\\\\…');
	});
});

describe('fitEmbed', () => {
	it('brings an oversized embed within every limit', () => {
		const huge = 'x'.repeat(5000);
		const fitted = fitEmbed({
			title: huge,
			description: huge,
			author: { name: huge },
			footer: { text: huge },
			fields: Array.from({ length: 30 }, () => ({ name: huge, value: huge })),
		});
		expectEmbedWithinLimits(fitted);
		expect(fitted.fields).toHaveLength(DISCORD_LIMITS.embedFields);
		expect(embedLength(fitted)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
	});

	it('leaves an embed that fits unchanged', () => {
		const embed = { title: 'T', description: 'D', fields: [{ name: 'n', value: 'v' }] };
		expect(fitEmbed(embed)).toEqual(embed);
	});
});
