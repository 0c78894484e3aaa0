/**
 * The skeleton of a new write-up, with every field commented from the model and the
 * vocabularies, so the comments can never drift from what the check accepts.
 */
import { noFilingReasons, vocabularies, termKeys, usStates, type Vocabulary } from '../vocabularies.ts';
import { DATE_FIELDS, DATE_LABELS } from '../schemas/incident.ts';
import type { RegisterRecord } from '../schemas/register.ts';
import { formatCount } from '../lib/format.ts';

const allowed = (v: Vocabulary) => termKeys(v).join(' | ');

/** The narrative's sections, in order. */
export const BODY_SECTIONS = [
	'Summary',
	'What happened',
	'What was exposed',
	'How it was found and disclosed',
	'Impact and response',
	'Lessons',
] as const;

/** A new write-up for `organization`, added on `today` (YYYY-MM-DD), offering the register filings found under its name. */
export function incidentTemplate(organization: string, today: string, filings: readonly RegisterRecord[] = []): string {
	const found = filings.length
		? filings
				.map(
					(r) =>
						`  #   ${r.id}   ${r.name} (${r.state ?? '–'}), ${r.individualsAffected === null ? 'no count' : formatCount(r.individualsAffected)}, filed ${r.submitted}`,
				)
				.join('\n')
		: '  #   (none found under this name: search content/register/filings.json)';
	const yamlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
	const dates = DATE_FIELDS.map(
		(f) =>
			`  # ${f}: { date: 'YYYY-MM-DD', source: source-id }   # ${DATE_LABELS[f]}; YYYY or YYYY-MM when only that is known`,
	).join('\n');
	return `---
# Every fact names the id of a source listed under \`sources\`. Leave out what no source supports.
# Field reference: docs/AUTHORING.md. Check with: npm run check
title: ${yamlString(`${organization}: `)}   # the headline
summary: ''   # one or two sentences, at most 300 characters
organization:
  name: ${yamlString(organization)}
  type: healthcare-provider   # ${allowed(vocabularies.organizationType)}
  # legalName: ''   # its own legal or registered name, if it differs from name
  # parent: ''   # another organization that owns or controls it, if any
  # state: XX   # two-letter US state of headquarters: ${Object.keys(usStates).slice(0, 6).join(', ')}, …
  country: US   # ISO 3166-1 alpha-2
businessAssociates: []   # vendors involved, by name
recipients: []   # third parties that received the data, e.g. Google, Meta
individualsAffected:
  count: null   # a positive whole number from a source, or null when unknown (never 0)
  # source: source-id   # required when count is a number
  # asOf: 'YYYY-MM-DD'
  # note: ''   # e.g. where sources disagree
register:   # the HHS breach-register filing(s) it concerns, or why there is none (docs/REGISTER.md)
  filings: []   # record ids; filings under a similar name:
${found}
  # none: state-only   # instead of filings: ${allowed(noFilingReasons)}
  # note: ''   # required with none: why there is no filing, or which entity filed
  # countDiffers: { registerCount: 0, reason: '', source: source-id }   # when the count differs from the register on purpose
dataClasses: []   # ${allowed(vocabularies.dataClasses)}
breachType: []   # HHS: ${allowed(vocabularies.breachType)}
location: []   # HHS: ${allowed(vocabularies.location)}
vector: []   # ${allowed(vocabularies.vector)}
actor: unknown   # ${allowed(vocabularies.actor)}
disclosure: unknown   # ${allowed(vocabularies.disclosure)}
dates:
${dates}
outcomes: []
  # - kind: settlement   # ${allowed(vocabularies.outcomeKind)}
  #   date: 'YYYY-MM-DD'
  #   amount: 1000000   # optional
  #   currency: USD
  #   description: ''
  #   source: source-id
lessons: []   # ${allowed(vocabularies.lessons)}
tags: []   # free, lowercase-hyphenated
related: []   # slugs of other case studies
# redirectFrom: []   # former slugs, if this case study is ever renamed
sources:
  - id: source-id   # short, lowercase-hyphenated; cite it in the text with <Cite id="source-id"/>
    url: https://   # the original publisher's page, never a copy; http(s) only
    title: ''
    publisher: ''
    published: 'YYYY-MM-DD'   # or YYYY-MM, or YYYY
    kind: regulator   # ${allowed(vocabularies.sourceKind)}
    # archive: https://web.archive.org/…
    # via: https://…   # the copy that was read, when the original could not be
added: '${today}'
# updated: 'YYYY-MM-DD'   # when facts change after publication
---

${BODY_SECTIONS.map((s) => `## ${s}\n\n{/* Write in your own words. Cite each figure and date: <Cite id="source-id"/> */}\n`).join('\n')}`;
}
