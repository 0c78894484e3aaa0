/**
 * fetch:hhs keeps the portal's exports byte for byte, except the prose column ("Web Description"),
 * which it blanks: the casebook carries over facts, never the regulator's sentences.
 * tests/tools/hhs-fetch.test.ts covers the fetch itself, in Chromium.
 */
import { describe, expect, it } from 'vitest';
import { blankWebDescription } from '../../src/tooling/hhs-fetch.ts';

const HEADER =
	'"Name of Covered Entity","State","Covered Entity Type","Individuals Affected","Breach Submission Date","Type of Breach","Location of Breached Information","Business Associate Present","Web Description"';
const row = (name: string, description: string) =>
	`"${name}","MN","Business Associate","500","07/19/2024","Hacking/IT Incident","Network Server","Yes",${description}`;

describe('blanking the web description of an export', () => {
	it('empties every quoted description and keeps the header and every other byte', () => {
		const text = [
			HEADER,
			row('Change Healthcare, Inc.', '"Ransomware; see ""the notice"", page 2."'),
			row('Acme', '""'),
			'',
		].join('\n');
		const { bytes, blanked } = blankWebDescription(Buffer.from(text));
		expect(bytes.toString()).toBe([HEADER, row('Change Healthcare, Inc.', '""'), row('Acme', '""'), ''].join('\n'));
		expect(blanked).toBe(1);
	});

	it('copes with line breaks inside a description, CRLF records, minimal quoting and no final newline', () => {
		const plain = 'Acme,MN,Healthcare Provider,501,1/2/16,Theft,Laptop,No,';
		const text = [
			HEADER,
			row('A', '"First line\r\nsecond line, with a comma"'),
			`${plain}Unquoted prose`,
			`${plain}`,
		].join('\r\n');
		const { bytes, blanked } = blankWebDescription(Buffer.from(text));
		expect(bytes.toString()).toBe([HEADER, row('A', '""'), plain, plain].join('\r\n'));
		expect(blanked).toBe(2);
	});

	it('keeps bytes that are not UTF-8 as they are', () => {
		const name = Buffer.from([0x43, 0x68, 0x69, 0x6c, 0x64, 0x72, 0x65, 0x6e, 0x83, 0x3f, 0x3f, 0x73]); // Children\x83??s
		const text = Buffer.concat([Buffer.from(`${HEADER}\r"`), name, Buffer.from(`",IL,x,1,x,x,x,No,"Prose."\r`)]);
		const { bytes } = blankWebDescription(text);
		expect(bytes).toEqual(Buffer.concat([Buffer.from(`${HEADER}\r"`), name, Buffer.from(`",IL,x,1,x,x,x,No,""\r`)]));
	});

	it('blanks the column the header names "Web Description", and nothing in a file without one', () => {
		const moved = 'Web Description,Name of Covered Entity\n"Prose, twice",Acme\n';
		expect(blankWebDescription(Buffer.from(moved)).bytes.toString()).toBe(
			'Web Description,Name of Covered Entity\n"",Acme\n',
		);
		const none = 'Name of Covered Entity,Summary\nAcme,"Prose"\n';
		expect(blankWebDescription(Buffer.from(none))).toEqual({ bytes: Buffer.from(none), blanked: 0 });
	});
});
