import { describe, expect, it } from 'vitest';
import { escapeText, neutraliseMentions, renderNoteText } from '../../src/discord/render/escape.js';
import { expectNoPing } from './assertions.js';

describe('escapeText', () => {
	it('shows Markdown characters as written', () => {
		expect(escapeText('**bold** _it_ ~~s~~ `code` ||spoiler|| [link](http://x)')).toBe(
			'\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\`code\\` \\|\\|spoiler\\|\\| \\[link\\](http://x)',
		);
		expect(escapeText('# Heading\n> quote\n-# small\n1. one\n- item')).toBe(
			'\\# Heading\n\\> quote\n\\-# small\n1\\. one\n\\- item',
		);
		expect(escapeText('a\\b')).toBe('a\\\\b');
	});

	it('breaks every kind of mention', () => {
		const text = escapeText('@everyone @here <@123456789012345678> <@!123456789012345678> <@&123456789012345678> <#1>');
		expectNoPing(text);
		expect(text).toContain('everyone');
	});
});

describe('neutraliseMentions', () => {
	it('leaves ordinary text alone', () => {
		expect(neutraliseMentions('a < b and x@y.com')).toBe('a < b and x@y.com');
	});
});

describe('renderNoteText', () => {
	it('keeps list structure and code blocks while escaping the text', () => {
		const body = [
			'- Use **KMS**',
			'  - nested <@&123456789012345678>',
			'```',
			'echo "*"  # @everyone',
			'```',
			'> not a quote',
		].join('\n');
		expect(renderNoteText(body)).toBe(
			[
				'- Use \\*\\*KMS\\*\\*',
				'  - nested <\u200b@&123456789012345678>',
				'```',
				'echo "*"  # @\u200beveryone',
				'```',
				'\\> not a quote',
			].join('\n'),
		);
	});

	it('cannot be broken out of a code block by backticks in the note', () => {
		const rendered = renderNoteText(['```', 'a ``` b', '```'].join('\n'));
		expect(rendered.match(/```/gu)).toHaveLength(2);
	});
});
