/**
 * `npm run new -- "Organization name" 2024` (or `npm run new` for prompts): creates
 * content/incidents/<slug>.mdx with every field present, each commented with its meaning and its
 * allowed values, and the narrative's sections laid out. Refuses to overwrite or reuse a slug.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { incidentsDir, listWriteUps, registerDir } from '../src/tooling/content-dir.ts';
import { findFilings } from '../src/lib/register/find.ts';
import { readRegister } from '../src/tooling/register-store.ts';
import { slugify, slugOf } from '../src/schemas/slug.ts';
import { incidentTemplate } from '../src/tooling/template.ts';

async function ask(): Promise<[string, string]> {
	const rl = createInterface({ input: process.stdin, output: process.stdout });
	try {
		const name = await rl.question('Organization name: ');
		const year = await rl.question('Year the incident became public (YYYY): ');
		return [name, year];
	} finally {
		rl.close();
	}
}

const [name, year] =
	process.argv.length >= 4 ? [process.argv[2]!, process.argv[3]!] : process.stdin.isTTY ? await ask() : ['', ''];
if (!name?.trim() || !/^(19|20)\d\d$/.test(year ?? '')) {
	console.error('Usage: npm run new -- "Organization name" 2024\n(the year the incident became public, four digits)');
	process.exit(1);
}
const slug = `${slugify(name)}-${year}`;
const dir = incidentsDir();
const file = join(dir, `${slug}.mdx`);
const taken = existsSync(dir) ? listWriteUps(dir).find((f) => slugOf(f) === slug) : undefined;
if (taken || existsSync(file)) {
	console.error(
		`✗ ${taken ?? file} already exists: the slug "${slug}" is taken. Nothing was written.\n  If this is a different incident, add a distinguishing word to the name.`,
	);
	process.exit(1);
}
mkdirSync(dir, { recursive: true });
const filings = findFilings(readRegister(registerDir()).records, name);
writeFileSync(file, incidentTemplate(name.trim(), new Date().toISOString().slice(0, 10), filings), { flag: 'wx' });
console.log(`✓ Created ${file}\n  Fill in every fact with its source, write the narrative, then run: npm run check`);
