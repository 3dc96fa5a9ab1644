import { describe, expect, it } from 'vitest';
import { searchableText } from '../../src/discord/commands/findInNotes.js';

describe('searchableText', () => {
	it('reads the text of a message, then the title, text and fields of its embeds', () => {
		expect(
			searchableText({
				content: 'Anyone know this one?',
				embeds: [
					{
						title: 'Daily question',
						description: 'Which service blocks SQL injection before the load balancer?',
						fields: [{ name: 'A', value: 'AWS WAF' }],
					},
				],
			}),
		).toBe(
			'Anyone know this one?\nDaily question\nWhich service blocks SQL injection before the load balancer?\nA\nAWS WAF',
		);
	});

	it('is empty for a message with no text anywhere', () => {
		expect(searchableText({ content: '', embeds: [{ title: null, description: ' ', fields: [] }] })).toBe('');
	});
});
