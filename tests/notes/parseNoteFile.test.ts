import { describe, expect, it } from 'vitest';
import { parseNoteFile, titleFromFileName } from '../../src/notes/parseNoteFile.js';
import { MAX_PASSAGE_LENGTH, TARGET_PASSAGE_LENGTH } from '../../src/notes/passages.js';
import { MAX_SECTION_ID_LENGTH } from '../../src/notes/types.js';

const byTitle = (sections: ReturnType<typeof parseNoteFile>, title: string) => {
	const section = sections.find((candidate) => candidate.title === title);
	if (!section) {
		throw new Error(`no section titled "${title}" in: ${sections.map((candidate) => candidate.title).join(', ')}`);
	}
	return section;
};

describe('parseNoteFile on Markdown', () => {
	const markdown = [
		'# Simple Storage Service (S3)',
		'### S3 Lifecycle Configuration',
		'\t• Lifecycle rules act on a bucket',
		'\t\t○ Transition actions move objects',
		'\t\t\t§ to Glacier after 90 days',
		'\t\t\t\t□ or Deep Archive',
		'# ~~~~ AWS RDS ~~~~',
		'',
		'**RDS Read replicas for read scalability**',
		'',
		'* Up to 15 read replicas',
		'Encryption',
		'----------',
		'Use **KMS** keys.',
		'```',
		'  # a shell comment, not a heading',
		'aws s3 ls',
		'```',
	].join('\n');
	const sections = parseNoteFile('course/aws-notes.md', markdown);

	it('builds the breadcrumb from the file title and the enclosing headings', () => {
		expect(byTitle(sections, 'S3 Lifecycle Configuration').breadcrumb).toEqual([
			'AWS notes',
			'Simple Storage Service (S3)',
			'S3 Lifecycle Configuration',
		]);
		expect(byTitle(sections, 'RDS Read replicas for read scalability').breadcrumb).toEqual([
			'AWS notes',
			'AWS RDS',
			'RDS Read replicas for read scalability',
		]);
	});

	it('skips headings that have no text of their own', () => {
		expect(sections.map((section) => section.title)).not.toContain('Simple Storage Service (S3)');
		expect(sections.map((section) => section.title)).not.toContain('AWS RDS');
	});

	it('turns OneNote glyph bullets into nested list items', () => {
		expect(byTitle(sections, 'S3 Lifecycle Configuration').body).toBe(
			[
				'- Lifecycle rules act on a bucket',
				'  - Transition actions move objects',
				'    - to Glacier after 90 days',
				'      - or Deep Archive',
			].join('\n'),
		);
	});

	it('reads setext underlines as headings, drops emphasis markers and keeps code verbatim', () => {
		const encryption = byTitle(sections, 'Encryption');
		expect(encryption.body).toBe(
			['Use KMS keys.', '```', '  # a shell comment, not a heading', 'aws s3 ls', '```'].join('\n'),
		);
		expect(encryption.breadcrumb).toEqual(['AWS notes', 'AWS RDS', 'Encryption']);
	});

	it('gives ids of the file path and the title', () => {
		expect(byTitle(sections, 'S3 Lifecycle Configuration').id).toBe('course-aws-notes.s3-lifecycle-configuration');
	});
});

describe('parseNoteFile on plain text', () => {
	const text = [
		'1. S3 and IAM are global services, not scoped to a region.',
		'2. Placement group: cluster, spread and partition strategies for instances.',
		'Cluster: low latency, same rack.',
		'AutoScaling==========',
		'ASG default termination policy picks the AZ with most instances.',
		'Read Replica:-',
		'This is used for performance improvement.',
		'Allows you to have read-only copy of prod database.',
		'Automated Backups',
		'Automated backups are enabled by default and stored in S3 for the retention period.',
		'Stored on SSD storage',
		'DNS',
		'===',
		'DNS is a directory.',
		'EBS encryption-> create a snapshot, copy it encrypted, and create a volume from it.',
		'VPN Diagram',
		'Router -> VGW ---VPN\t\t\tCustomer gateway',
		'\t\t\t\t\tEndpoint2-----',
	].join('\n');
	const sections = parseNoteFile('quick.txt', text);

	it('finds numbered topics, glued and separate underlines, Title:- lines, title lines and arrow terms', () => {
		expect(sections.map((section) => section.title)).toEqual([
			'S3 and IAM are global services, not scoped to a region',
			'Placement group',
			'AutoScaling',
			'Read Replica',
			'Automated Backups',
			'DNS',
			'EBS encryption',
			'VPN Diagram',
		]);
	});

	it('keeps a short line that is not in title case as text', () => {
		expect(byTitle(sections, 'Automated Backups').body).toContain('Stored on SSD storage');
	});

	it('keeps the text after an arrow term and the whole numbered line in the body', () => {
		expect(byTitle(sections, 'EBS encryption').body).toBe(
			'create a snapshot, copy it encrypted, and create a volume from it.',
		);
		expect(byTitle(sections, 'Placement group').body).toContain('Placement group: cluster, spread and partition');
	});

	it('nests topics under the underlined heading before them', () => {
		expect(byTitle(sections, 'Read Replica').breadcrumb).toEqual(['Quick', 'AutoScaling', 'Read Replica']);
	});

	it('fences drawings laid out with runs of tabs', () => {
		expect(byTitle(sections, 'VPN Diagram').body).toBe(
			['```', 'Router -> VGW ---VPN            Customer gateway', '                    Endpoint2-----', '```'].join(
				'\n',
			),
		);
	});
});

describe('section ids', () => {
	const original = ['# IAM', '## Roles', 'Roles are assumed.', '## Policies', 'Policies allow or deny.'].join('\n');

	it('stay the same when an unrelated section is added or edited', () => {
		const before = parseNoteFile('iam.md', original).map((section) => section.id);
		const edited = original
			.replace('Roles are assumed.', 'Roles are assumed by services and people.')
			.replace('# IAM', '# Intro\nNew text.\n# IAM');
		const after = parseNoteFile('iam.md', edited).map((section) => section.id);
		expect(after).toEqual(['iam.intro', ...before]);
	});

	it('are made unique with the parent title, then a number', () => {
		const repeated = [
			'# Pillar One',
			'## Design Principles',
			'a',
			'# Pillar Two',
			'## Design Principles',
			'b',
			'## Design Principles',
			'c',
		];
		expect(parseNoteFile('waf.md', repeated.join('\n')).map((section) => section.id)).toEqual([
			'waf.design-principles',
			'waf.pillar-two-design-principles',
			'waf.design-principles-2',
		]);
	});

	it(`fit in ${MAX_SECTION_ID_LENGTH} characters however long the names`, () => {
		const sections = parseNoteFile(
			`${'very-long-file-name-'.repeat(5)}.md`,
			`# ${'Long heading words '.repeat(10)}\ntext`,
		);
		expect(sections[0]?.id.length).toBeLessThanOrEqual(MAX_SECTION_ID_LENGTH);
	});
});

describe('passages', () => {
	it(`split long sections of about ${TARGET_PASSAGE_LENGTH} characters at item boundaries`, () => {
		const items = Array.from(
			{ length: 40 },
			(_, index) => `- Item ${index} ${'word '.repeat(10)}\n  - detail of item ${index}`,
		);
		const [section] = parseNoteFile('long.md', `# Long\n${items.join('\n')}`);
		expect(section?.passages.length).toBeGreaterThan(1);
		for (const passage of section?.passages ?? []) {
			expect(passage.text.length).toBeLessThanOrEqual(MAX_PASSAGE_LENGTH);
			expect(passage.text.startsWith('- Item')).toBe(true);
		}
		expect(section?.passages.map((passage) => passage.text).join('\n')).toBe(section?.body);
	});
});

describe('titleFromFileName', () => {
	it('makes a readable title with acronyms in capitals', () => {
		expect(titleFromFileName('notes/saa-course-onenote.md')).toBe('SAA course onenote');
		expect(titleFromFileName('aws_quick-notes.txt')).toBe('AWS quick notes');
	});
});
