import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseNoteFile } from './parseNoteFile.js';
import type { NoteLibrary, NoteProblem, NoteSection } from './types.js';

const NOTE_EXTENSIONS = /\.(?:md|markdown|txt)$/iu;
const utf8 = new TextDecoder('utf-8', { fatal: true });

async function listNoteFiles(folder: string): Promise<string[]> {
	const entries = await readdir(folder, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => NOTE_EXTENSIONS.test(entry.name) && !entry.isDirectory())
		.map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
		.sort((left, right) => left.localeCompare(right));
}

function describeReadError(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	switch (code) {
		case 'EACCES':
		case 'EPERM':
			return 'cannot be read: permission denied';
		case 'ENOENT':
			return 'cannot be read: the file is missing (a broken link?)';
		case 'EISDIR':
			return 'cannot be read: it is a folder, not a file';
		default:
			return `cannot be read: ${error instanceof Error ? error.message : String(error)}`;
	}
}

/** Decodes a note file, or says in words why it is not a text note. */
export function decodeNote(bytes: Uint8Array): { text: string } | { reason: string } {
	if (bytes.subarray(0, 8192).includes(0)) {
		return { reason: 'is a binary file, not text' };
	}
	let text: string;
	try {
		text = utf8.decode(bytes);
	} catch {
		return { reason: 'is not valid UTF-8 text (save it as UTF-8)' };
	}
	if (text.trim() === '') {
		return { reason: 'is empty' };
	}
	return { text };
}

/**
 * Reads every `.md`/`.txt` file under `folder` (recursively) into sections. A file that is
 * binary, unreadable, empty or without any text section is reported with its path and
 * skipped; the others still load. Section ids are unique across the library.
 */
export async function loadNotes(folder: string): Promise<NoteLibrary> {
	const problems: NoteProblem[] = [];
	let files: string[];
	try {
		files = await listNoteFiles(folder);
	} catch (error) {
		return { sections: [], files: [], problems: [{ path: folder, reason: describeReadError(error) }] };
	}
	if (files.length === 0) {
		problems.push({ path: folder, reason: 'holds no .md or .txt note files' });
	}

	const sections: NoteSection[] = [];
	const loaded: string[] = [];
	const seenIds = new Set<string>();
	for (const file of files) {
		const fullPath = path.join(folder, file);
		let bytes: Uint8Array;
		try {
			bytes = await readFile(fullPath);
		} catch (error) {
			problems.push({ path: fullPath, reason: describeReadError(error) });
			continue;
		}
		const decoded = decodeNote(bytes);
		if ('reason' in decoded) {
			problems.push({ path: fullPath, reason: decoded.reason });
			continue;
		}
		const fileSections = parseNoteFile(file, decoded.text);
		if (fileSections.length === 0) {
			problems.push({ path: fullPath, reason: 'has no section with any text' });
			continue;
		}
		const clash = fileSections.find((section) => seenIds.has(section.id));
		if (clash) {
			problems.push({
				path: fullPath,
				reason: `gives section id "${clash.id}" that another file already uses; rename one of the files`,
			});
			continue;
		}
		for (const section of fileSections) {
			seenIds.add(section.id);
		}
		sections.push(...fileSections);
		loaded.push(file);
	}
	return { sections, problems, files: loaded };
}
