import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { incidentSchema } from '../../src/schemas/incident.ts';
import { buildIncident, type Incident } from '../../src/lib/model.ts';
import type { RegisterFigures, RegisterRecord } from '../../src/schemas/register.ts';

/** A valid frontmatter object for unit tests; tests change one thing at a time. */
export function validFrontmatter(): Record<string, any> {
	return {
		title: 'Example Health: a migration exposed names and emails',
		summary: 'A test case study.',
		organization: { name: 'Example Health', type: 'healthcare-provider', state: 'OR', country: 'US' },
		recipients: [],
		individualsAffected: { count: 1200, source: 'regulator', asOf: '2023-03-10' },
		register: { none: 'state-only', note: 'A test case study with no filing.' },
		dataClasses: ['names', 'email-addresses'],
		breachType: ['unauthorized-access-disclosure'],
		location: ['network-server'],
		vector: ['programming-error'],
		actor: 'internal',
		disclosure: 'potential',
		dates: {
			exposureStart: { date: '2014-07', source: 'notice' },
			exposureEnd: { date: '2023-01-13', source: 'notice' },
			discovered: { date: '2023-01-10', source: 'notice' },
			reportedToRegulator: { date: '2023-03-10', source: 'regulator' },
			individualsNotified: { date: '2023-03', source: 'notice' },
		},
		outcomes: [],
		lessons: ['data-migration-review'],
		tags: ['pharmacy'],
		related: [],
		sources: [
			{
				id: 'notice',
				url: 'https://example.org/notice',
				title: 'Notice',
				publisher: 'Example Health',
				published: '2023-03-10',
				kind: 'organization',
			},
			{
				id: 'regulator',
				url: 'https://example.gov/portal',
				title: 'Breach portal',
				publisher: 'HHS OCR',
				published: '2023',
				kind: 'regulator',
			},
		],
		added: '2026-11-23',
	};
}

/** An incident built from `validFrontmatter()` with changes applied, through the real schema. */
export function makeIncident(slug: string, change: (fm: Record<string, any>) => void = () => {}): Incident {
	const fm = validFrontmatter();
	change(fm);
	return buildIncident(slug, incidentSchema.parse(fm));
}

/** A register record filed on `submitted`, seen in one import, with `change` applied to its figures. */
export function makeRegisterRecord(
	id: string,
	name: string,
	submitted: string,
	change: Partial<RegisterFigures> & { state?: RegisterRecord['state'] } = {},
): RegisterRecord {
	const { state = 'OH', ...changed } = change;
	const figures: RegisterFigures = {
		name,
		entityType: 'healthcare-provider',
		individualsAffected: 600,
		breachType: ['theft'],
		location: ['laptop'],
		businessAssociatePresent: false,
		status: 'archived',
		...changed,
	};
	return {
		id,
		...figures,
		state,
		submitted,
		firstSeen: '2024-10-08',
		lastSeen: '2026-07-01',
		history: [{ snapshot: '2024-10-08', ...figures }],
	};
}

/** What Vitest adds to the environment, besides its own `VITEST…` variables. */
const VITEST_ENV = new Set(['NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'TEST']);

/**
 * Runs a project script with CONTENT_DIR set, and SITE_URL unless `env` says otherwise (a build
 * in CI without it fails, as a deployment build must); resolves with its exit code and output.
 */
export async function runScript(
	name: string,
	contentDir: string,
	args: string[] = [],
	env: Record<string, string> = {},
): Promise<{ code: number; out: string }> {
	// Vitest puts its own mode into the environment (NODE_ENV=test, DEV=1, MODE, PROD, SSR,
	// BASE_URL), and a build that inherits it renders pages its development way: with NODE_ENV=test
	// alone a 2,400-case build spent 2 min 7 s rendering instead of 15 s. The scripts run here as
	// `npm run` runs them.
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(([key]) => !VITEST_ENV.has(key) && !key.startsWith('VITEST')),
	);
	try {
		const { stdout, stderr } = await promisify(execFile)(process.execPath, [`scripts/${name}`, ...args], {
			env: { ...inherited, CONTENT_DIR: contentDir, SITE_URL: 'https://casebook.example', ...env },
			maxBuffer: 256 * 1024 * 1024,
		});
		return { code: 0, out: stdout + stderr };
	} catch (error) {
		const e = error as { code: number; stdout: string; stderr: string };
		return { code: e.code, out: e.stdout + e.stderr };
	}
}
