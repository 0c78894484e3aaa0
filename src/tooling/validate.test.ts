import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALLOUT_KINDS, KIT, KIT_COMPONENTS, type KitComponent } from '../lib/casebook/kit.ts';
import { splitFrontmatter } from '../lib/casebook/frontmatter.ts';
import {
	checkCrossFile,
	checkFile,
	checkParentsAgainstFilers,
	fieldName,
	lintBody,
	type CheckedFile,
} from './validate.ts';
import type { RegisterRecord } from '../schemas/register.ts';

const GOOD = 'tests/fixtures/good-content/incidents/good-case-2024.mdx';
const good = readFileSync(GOOD);
const messages = (body: string, sources = ['notice']) => lintBody(body, sources).map((p) => p.message);

describe('checkFile', () => {
	it('accepts the good write-up, with a byte-order mark and Windows line ends too', () => {
		expect(checkFile(GOOD, good).problems).toEqual([]);
		const windows = new TextEncoder().encode(`\uFEFF${good.toString().replace(/\n/g, '\r\n')}`);
		expect(checkFile('good-case-2024.mdx', windows).problems).toEqual([]);
	});

	it('reports body problems at their line in the file', () => {
		const text = `${good.toString()}\n<Cite id="nowhere"/>\n`;
		const [problem] = checkFile('good-case-2024.mdx', new TextEncoder().encode(text)).problems;
		expect(problem).toMatchObject({ field: 'body', line: text.split('\n').length - 1 });
		expect(problem!.message).toContain('<Cite id="nowhere"> names an unknown source');
	});
});

describe('splitFrontmatter', () => {
	it('gives the YAML and the body with the line each starts on', () => {
		expect(splitFrontmatter('---\ntitle: x\n---\nBody')).toEqual({
			yaml: 'title: x',
			yamlLine: 2,
			body: 'Body',
			bodyLine: 4,
		});
		expect(splitFrontmatter('title: x')).toContain('must start with a frontmatter block');
		expect(splitFrontmatter('---\ntitle: x\n')).toContain('is not closed');
	});
});

describe('the body policy follows the kit contract', () => {
	it('accepts every kit component and every callout kind', () => {
		for (const kind of CALLOUT_KINDS) expect(messages(`<Callout kind="${kind}">x</Callout>`)).toEqual([]);
		expect(
			messages(
				'<Cite id="notice"/> <Quote source="notice">q</Quote>\n\n<KeyFigure value="1" label="l" source="notice"/>',
			),
		).toEqual([]);
		expect(messages('import x from "y"')[0]).toContain(`the components ${KIT_COMPONENTS.slice(0, -1).join(', ')} and`);
	});

	it('names what a component lacks', () => {
		expect(messages('<KeyFigure source="notice"/>')).toEqual(['<KeyFigure> needs value="…" and label="…"']);
		expect(messages('<Quote>q</Quote>')[0]).toContain('<Quote> needs source="…"');
		expect(messages('<Callout kind="tip">x</Callout>')[0]).toBe(
			'<Callout kind="tip"> is not a callout kind (expected one of: lesson, warning, note)',
		);
		expect(messages('<Cyte id="notice"/>')[0]).toContain('did you mean <Cite>?');
		// A block component inside a sentence would break the page's HTML; an inline one may be there.
		const inline = (name: KitComponent) =>
			messages(`Text <${name} id="notice" source="notice" value="1" label="l"/> more.`);
		for (const name of KIT_COMPONENTS)
			expect(
				inline(name).some((m) => m.includes('stands inside a paragraph')),
				name,
			).toBe(KIT[name].block);
	});
});

describe('checkCrossFile', () => {
	const file = (slug: string, related: string[] = [], redirectFrom: string[] = []): CheckedFile => ({
		file: `${slug}.mdx`,
		slug,
		related,
		redirectFrom,
		keyLines: new Map([
			['related', 20],
			['redirectFrom', 21],
		]),
	});

	it('finds related slugs that do not exist, self-references and redirects that collide', () => {
		const problems = checkCrossFile([file('a-2020', ['b-2021', 'a-2020', 'c-2022']), file('b-2021', [], ['a-2020'])]);
		expect(problems.map((p) => `${p.file}:${p.line}: ${p.field}`)).toEqual([
			'a-2020.mdx:20: related[1]',
			'a-2020.mdx:20: related[2]',
			'b-2021.mdx:21: redirectFrom',
		]);
	});
});

describe('fieldName', () => {
	it('writes a path as it reads in the docs', () => {
		expect(fieldName(['sources', 2, 'url'])).toBe('sources[2].url');
	});
});

describe('checkParentsAgainstFilers', () => {
	const withParent = (parent: string, filing: string): CheckedFile => {
		const { checked } = checkFile(GOOD, good);
		const data = structuredClone(checked.data!);
		data.organization.parent = parent;
		data.register = { filings: [filing] };
		return { ...checked, data };
	};
	const records = new Map([
		['a-and-a-services-d-b-a-sav-rx-ne-2024-05-24', { name: 'A&A Services d/b/a Sav-Rx' }],
		['lifespan-corporation-ri-2017-04-21', { name: 'Lifespan Corporation' }],
	]) as unknown as Map<string, RegisterRecord>;

	it('calls the legal name of a d/b/a filing what it is', () => {
		const [problem] = checkParentsAgainstFilers(
			[withParent('A&A Services', 'a-and-a-services-d-b-a-sav-rx-ne-2024-05-24')],
			records,
		);
		expect(problem).toMatchObject({ field: 'organization.parent' });
		expect(problem!.message).toContain('expected it in `organization.legalName`');
	});

	it('leaves a parent that filed for its subsidiary under its own name alone', () => {
		expect(
			checkParentsAgainstFilers([withParent('Lifespan Corporation', 'lifespan-corporation-ri-2017-04-21')], records),
		).toEqual([]);
	});
});
