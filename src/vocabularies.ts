/**
 * The controlled vocabularies of the incident model.
 *
 * Every term has a stable key (stored in frontmatter and used in URLs), a label (shown to readers)
 * and a one-line definition. The schema, the browse pages, the search filters, the methodology
 * page and docs/AUTHORING.md are all derived from this module, so a term is added here once.
 */

/** One term of a controlled vocabulary. */
export interface Term {
	/** Shown to readers. */
	label: string;
	/** The HHS breach portal's spelling of the term, where it differs from `label`. */
	hhs?: string;
	/** One line that says what the term covers. */
	definition: string;
}

/** A controlled vocabulary: its name for readers, and its terms keyed by their stable slug. */
export interface Vocabulary<K extends string = string> {
	/** Singular name of the facet, e.g. "Breach type". */
	label: string;
	/** Plural name, for index pages. */
	plural: string;
	/** What the facet records. */
	definition: string;
	terms: Record<K, Term>;
}

function vocabulary<const K extends string>(v: Vocabulary<K>): Vocabulary<K> {
	return v;
}

/** HHS covered-entity types (45 CFR 160.103), as the HHS breach portal lists them. */
export const organizationTypes = vocabulary({
	label: 'Organization type',
	plural: 'Organization types',
	definition: 'The HIPAA role of the organization that reported or was responsible for the incident.',
	terms: {
		'healthcare-provider': {
			label: 'Healthcare provider',
			hhs: 'Healthcare Provider',
			definition: 'A hospital, clinic, pharmacy, practitioner or other provider of care.',
		},
		'health-plan': {
			label: 'Health plan',
			hhs: 'Health Plan',
			definition: 'An insurer, HMO, employer plan or government programme that pays for care.',
		},
		'healthcare-clearinghouse': {
			label: 'Healthcare clearinghouse',
			hhs: 'Healthcare Clearing House',
			definition: 'An entity that converts health information between non-standard and standard formats.',
		},
		'business-associate': {
			label: 'Business associate',
			hhs: 'Business Associate',
			definition: 'A vendor that handles protected health information on behalf of a covered entity.',
		},
		'non-hipaa': {
			label: 'Not covered by HIPAA',
			definition: 'A health app, telehealth or wellness company outside HIPAA, regulated e.g. by the FTC.',
		},
	},
});

/** The HHS breach portal's "Type of Breach" values, exactly. */
export const breachTypes = vocabulary({
	label: 'Breach type',
	plural: 'Breach types',
	definition: 'The type of breach, using exactly the categories of the HHS OCR breach portal.',
	terms: {
		'hacking-it-incident': {
			label: 'Hacking/IT Incident',
			definition: 'Unauthorized access to systems by an attacker, including ransomware and malware.',
		},
		'unauthorized-access-disclosure': {
			label: 'Unauthorized Access/Disclosure',
			definition: 'Information reached someone not entitled to it, without theft of equipment or hacking.',
		},
		theft: { label: 'Theft', definition: 'Equipment or records holding the information were stolen.' },
		loss: { label: 'Loss', definition: 'Equipment or records holding the information were lost.' },
		'improper-disposal': {
			label: 'Improper Disposal',
			definition: 'Records or media were discarded without being destroyed or wiped.',
		},
		other: { label: 'Other', definition: 'A breach that fits none of the other HHS categories.' },
		unknown: { label: 'Unknown', definition: 'The type of breach has not been reported.' },
	},
});

/** The HHS breach portal's "Location of Breached Information" values, exactly. */
export const locations = vocabulary({
	label: 'Location',
	plural: 'Locations',
	definition: 'Where the breached information was held, using exactly the HHS OCR breach portal categories.',
	terms: {
		'network-server': { label: 'Network Server', definition: 'A server, website, application or cloud system.' },
		email: { label: 'Email', definition: 'An email account or message.' },
		'electronic-medical-record': {
			label: 'Electronic Medical Record',
			definition: 'An electronic health or medical record system.',
		},
		'paper-films': { label: 'Paper/Films', definition: 'Paper records, X-ray films or other physical media.' },
		laptop: { label: 'Laptop', definition: 'A laptop computer.' },
		'desktop-computer': { label: 'Desktop Computer', definition: 'A desktop computer or workstation.' },
		'other-portable-electronic-device': {
			label: 'Other Portable Electronic Device',
			definition: 'A phone, tablet, USB drive, backup tape or other portable device.',
		},
		other: { label: 'Other', definition: 'A location that fits none of the other HHS categories.' },
	},
});

/** The cause of the incident, after the VERIS action categories, refined for healthcare. */
export const vectors = vocabulary({
	label: 'Vector',
	plural: 'Vectors',
	definition: 'How the data leaked: the cause of the incident, after the VERIS action categories.',
	terms: {
		misconfiguration: {
			label: 'Misconfiguration',
			definition: 'A system or store was set up so that data was reachable by people who should not see it.',
		},
		'tracking-technology': {
			label: 'Tracking technology',
			definition: 'Analytics pixels, tags or SDKs sent visitors’ data to third parties.',
		},
		'programming-error': {
			label: 'Programming error',
			definition: 'A defect in software, including a faulty data migration, exposed data.',
		},
		'publishing-error': {
			label: 'Publishing error',
			definition: 'Data was posted or published where the public could read it.',
		},
		misdelivery: {
			label: 'Misdelivery',
			definition: 'Mail, email or fax was sent to the wrong recipient.',
		},
		phishing: {
			label: 'Phishing',
			definition: 'A deceptive message led staff to give up credentials or run malware.',
		},
		ransomware: {
			label: 'Ransomware',
			definition: 'Attackers encrypted or stole data and demanded payment.',
		},
		'credential-compromise': {
			label: 'Credential compromise',
			definition: 'Attackers used stolen, guessed or reused credentials.',
		},
		'vendor-compromise': {
			label: 'Vendor compromise',
			definition: 'A vendor or its software was breached, exposing its clients’ data.',
		},
		malware: {
			label: 'Malware',
			definition:
				'Staff downloaded or ran malicious software that no deceptive message delivered: a poisoned search result, a fake download or an infected drive.',
		},
		'insider-misuse': {
			label: 'Insider misuse',
			definition: 'An employee or contractor used their access for purposes it was not granted for.',
		},
		'data-mishandling': {
			label: 'Data mishandling',
			definition:
				'The organization itself handled or handed over records in a way the rules do not allow, such as disclosing more than a request or an order covered.',
		},
		'lost-device': { label: 'Lost device', definition: 'A device or media holding data was lost.' },
		'stolen-device': { label: 'Stolen device', definition: 'A device or media holding data was stolen.' },
		'improper-disposal': {
			label: 'Improper disposal',
			definition: 'Records or media were thrown away or resold without being destroyed.',
		},
		unknown: { label: 'Unknown', definition: 'The cause has not been reported.' },
	},
});

/** Who caused the incident, after VERIS actor categories. */
export const actors = vocabulary({
	label: 'Actor',
	plural: 'Actors',
	definition: 'Who caused the incident, after the VERIS actor categories.',
	terms: {
		external: { label: 'External', definition: 'Someone outside the organization and its partners.' },
		internal: { label: 'Internal', definition: 'An employee or contractor of the organization.' },
		partner: {
			label: 'Partner',
			definition: 'A vendor, business associate or third party with a relationship to the organization.',
		},
		unknown: { label: 'Unknown', definition: 'Who caused the incident has not been reported.' },
	},
});

/** Whether data is known to have reached someone, after VERIS data disclosure. */
export const disclosures = vocabulary({
	label: 'Disclosure',
	plural: 'Disclosure statuses',
	definition: 'Whether the data is known to have been seen or taken, after VERIS “data disclosure”.',
	terms: {
		confirmed: { label: 'Confirmed', definition: 'Data is known to have been viewed, taken or received.' },
		potential: { label: 'Potential', definition: 'Data was exposed, but access has not been confirmed.' },
		unknown: { label: 'Unknown', definition: 'Whether data was accessed has not been reported.' },
	},
});

/** What kinds of data were exposed. */
export const dataClasses = vocabulary({
	label: 'Data class',
	plural: 'Data classes',
	definition: 'A kind of data that was exposed, after the Have I Been Pwned data classes.',
	terms: {
		names: { label: 'Names', definition: 'People’s names.' },
		'email-addresses': { label: 'Email addresses', definition: 'Email addresses.' },
		'postal-addresses': { label: 'Postal addresses', definition: 'Home or mailing addresses.' },
		'phone-numbers': { label: 'Phone numbers', definition: 'Telephone numbers.' },
		'dates-of-birth': { label: 'Dates of birth', definition: 'Dates of birth.' },
		'social-security-numbers': {
			label: 'Social Security numbers',
			definition: 'US Social Security numbers, in full or in part.',
		},
		'government-ids': {
			label: 'Government IDs',
			definition: 'Driver’s licence, passport or other government identity numbers.',
		},
		'health-insurance': {
			label: 'Health-insurance details',
			definition: 'Member IDs, plan names, claims and other insurance information.',
		},
		'medical-record-numbers': {
			label: 'Medical record numbers',
			definition: 'Patient account or medical record numbers.',
		},
		'medical-clinical': {
			label: 'Medical or clinical data',
			definition: 'Diagnoses, conditions, test results, treatments, appointments and providers.',
		},
		prescriptions: { label: 'Prescriptions', definition: 'Medication names, prescriptions and pharmacy data.' },
		'financial-payment': {
			label: 'Financial or payment data',
			definition: 'Bank accounts, payment cards and billing details.',
		},
		credentials: { label: 'Credentials', definition: 'Usernames, passwords or other login secrets.' },
		'ip-addresses': { label: 'IP addresses', definition: 'Internet Protocol addresses.' },
		'device-identifiers': {
			label: 'Device identifiers',
			definition: 'Advertising IDs, cookies and other identifiers of a browser or device.',
		},
		'browsing-activity': {
			label: 'Browsing activity',
			definition: 'Pages visited, links clicked and other activity on websites or apps.',
		},
		'search-terms': { label: 'Search terms', definition: 'What people typed into a search box.' },
		demographics: {
			label: 'Demographics',
			definition: 'Gender, race, ethnicity, language and similar demographic data.',
		},
		'employment-data': { label: 'Employment data', definition: 'Employer, job and workplace details.' },
		images: { label: 'Images', definition: 'Photographs, scans or medical images.' },
		unknown: { label: 'Unknown', definition: 'What kinds of data were exposed has not been reported.' },
	},
});

/** Preventive controls that would have stopped or limited an incident. */
export const lessons = vocabulary({
	label: 'Lesson',
	plural: 'Lessons',
	definition: 'A preventive control that would have stopped the incident or limited its harm.',
	terms: {
		'third-party-script-governance': {
			label: 'Third-party script governance',
			definition: 'Inventory, approve and monitor every tag, pixel and SDK on sites and apps.',
		},
		'data-migration-review': {
			label: 'Review of data migrations',
			definition: 'Test and review migrations and releases for changes to who can see data.',
		},
		'access-control': {
			label: 'Access control',
			definition: 'Grant the least access needed, and check it on every request.',
		},
		'vendor-risk-management': {
			label: 'Vendor risk management',
			definition: 'Assess, contract for and monitor the security of vendors that hold data.',
		},
		'phishing-resistant-mfa': {
			label: 'Phishing-resistant MFA',
			definition: 'Require multi-factor authentication that cannot be phished, on every remote access.',
		},
		encryption: {
			label: 'Encryption',
			definition: 'Encrypt data at rest and in transit, especially on portable devices.',
		},
		'audit-logging': {
			label: 'Audit logging',
			definition: 'Log and review access to records so that misuse is found quickly.',
		},
		'data-minimisation': {
			label: 'Data minimisation',
			definition: 'Collect, keep and share only the data a purpose needs.',
		},
		'patch-management': {
			label: 'Patch management',
			definition: 'Apply security updates to internet-facing software promptly.',
		},
		'network-segmentation': {
			label: 'Network segmentation',
			definition: 'Separate systems so that one compromise does not reach everything.',
		},
		'backup-and-recovery': {
			label: 'Backup and recovery',
			definition: 'Keep tested, offline backups and a plan to run without core systems.',
		},
		'secure-configuration': {
			label: 'Secure configuration',
			definition: 'Harden defaults and scan for exposed storage, databases and services.',
		},
		'secure-disposal': {
			label: 'Secure disposal',
			definition: 'Shred paper and wipe or destroy media before it leaves the organization.',
		},
		'mail-handling-checks': {
			label: 'Mail and fax handling checks',
			definition: 'Verify recipients and mailing lists before sending data out.',
		},
		'security-awareness': {
			label: 'Security awareness training',
			definition: 'Train staff to recognise phishing and handle data properly.',
		},
		'incident-response': {
			label: 'Incident response',
			definition: 'Prepare to detect, contain and notify quickly when something goes wrong.',
		},
		'risk-analysis': {
			label: 'Risk analysis',
			definition: 'Carry out the enterprise-wide security risk analysis HIPAA requires.',
		},
	},
});

/** Kinds of regulatory or legal outcome. */
export const outcomeKinds = vocabulary({
	label: 'Outcome',
	plural: 'Outcomes',
	definition: 'A regulatory or legal consequence of the incident.',
	terms: {
		settlement: {
			label: 'Settlement',
			definition: 'A resolution agreement or settlement with a regulator or attorney general.',
		},
		fine: { label: 'Fine', definition: 'A civil money penalty or fine imposed by a regulator.' },
		'corrective-action-plan': {
			label: 'Corrective-action plan',
			definition: 'Security or privacy measures the organization agreed or was ordered to take.',
		},
		'consent-order': {
			label: 'Consent order',
			definition: 'An order agreed with a regulator such as the FTC, with binding obligations.',
		},
		lawsuit: { label: 'Lawsuit', definition: 'A lawsuit, such as a class action, filed over the incident.' },
		'class-action-settlement': {
			label: 'Class-action settlement',
			definition: 'A settlement of a lawsuit brought on behalf of the people affected.',
		},
		'criminal-charge': {
			label: 'Criminal charge',
			definition: 'A criminal charge or conviction of a person involved.',
		},
	},
});

/** Kinds of source, in the order a reader should trust them for facts. */
export const sourceKinds = vocabulary({
	label: 'Source kind',
	plural: 'Source kinds',
	definition: 'What kind of publication a source is.',
	terms: {
		regulator: {
			label: 'Regulator',
			definition: 'A regulator’s record: HHS OCR, the FTC, a state attorney general.',
		},
		organization: {
			label: 'Organization',
			definition: 'The organization’s own notice, filing or statement.',
		},
		court: { label: 'Court', definition: 'A court filing, order or judgment.' },
		news: { label: 'News', definition: 'Primary reporting by a news organization.' },
		research: { label: 'Research', definition: 'A security researcher’s or academic’s report.' },
	},
});

/** Where a filing stands in the HHS breach portal: the list it was exported from. */
export const registerStatuses = vocabulary({
	label: 'Status',
	plural: 'Statuses',
	definition:
		'Which of the HHS breach portal’s two lists the filing was last seen on, or that a complete export no longer lists it.',
	terms: {
		'under-investigation': {
			label: 'Under investigation',
			definition: 'On the portal’s list of breaches that OCR is still investigating.',
		},
		archived: {
			label: 'Archived',
			definition: 'On the portal’s archive: OCR has closed its investigation, or the report is older than 24 months.',
		},
		'no-longer-listed': {
			label: 'No longer listed',
			definition:
				'Missing from the portal’s latest complete export: withdrawn, merged, or renamed beyond matching. The casebook keeps it, with the date it was last seen.',
		},
	},
});

/** Why a case study has no filing in the HHS breach register. */
export const noFilingReasons = vocabulary({
	label: 'No filing',
	plural: 'Reasons for no filing',
	definition: 'Why a case study links to no report in the HHS breach register.',
	terms: {
		'ftc-matter': {
			label: 'FTC matter',
			definition: 'The Federal Trade Commission, not HHS, dealt with it: the company is not a HIPAA entity.',
		},
		'before-register': {
			label: 'Before the register',
			definition: 'It happened before the HHS register began with breaches discovered from late September 2009.',
		},
		'state-only': {
			label: 'State notice only',
			definition: 'It was reported to state regulators or the public, and no HHS filing is listed.',
		},
		'other-entity': {
			label: 'Filed under another entity',
			definition: 'The filing is listed under another organization’s name, such as a client or a parent.',
		},
		'not-reported': {
			label: 'Not reported to HHS',
			definition: 'The organization reported no breach of protected health information to HHS.',
		},
		'below-threshold': {
			label: 'Fewer than 500 people',
			definition: 'It affected fewer than 500 people, which HHS does not list individually.',
		},
		'not-hipaa': {
			label: 'Not a HIPAA breach',
			definition: 'The data or the organization falls outside HIPAA and no other regulator listed it.',
		},
	},
});

/** US states, districts and territories, by USPS code. */
export const usStates = {
	AL: 'Alabama',
	AK: 'Alaska',
	AZ: 'Arizona',
	AR: 'Arkansas',
	CA: 'California',
	CO: 'Colorado',
	CT: 'Connecticut',
	DE: 'Delaware',
	DC: 'District of Columbia',
	FL: 'Florida',
	GA: 'Georgia',
	HI: 'Hawaii',
	ID: 'Idaho',
	IL: 'Illinois',
	IN: 'Indiana',
	IA: 'Iowa',
	KS: 'Kansas',
	KY: 'Kentucky',
	LA: 'Louisiana',
	ME: 'Maine',
	MD: 'Maryland',
	MA: 'Massachusetts',
	MI: 'Michigan',
	MN: 'Minnesota',
	MS: 'Mississippi',
	MO: 'Missouri',
	MT: 'Montana',
	NE: 'Nebraska',
	NV: 'Nevada',
	NH: 'New Hampshire',
	NJ: 'New Jersey',
	NM: 'New Mexico',
	NY: 'New York',
	NC: 'North Carolina',
	ND: 'North Dakota',
	OH: 'Ohio',
	OK: 'Oklahoma',
	OR: 'Oregon',
	PA: 'Pennsylvania',
	RI: 'Rhode Island',
	SC: 'South Carolina',
	SD: 'South Dakota',
	TN: 'Tennessee',
	TX: 'Texas',
	UT: 'Utah',
	VT: 'Vermont',
	VA: 'Virginia',
	WA: 'Washington',
	WV: 'West Virginia',
	WI: 'Wisconsin',
	WY: 'Wyoming',
	PR: 'Puerto Rico',
	GU: 'Guam',
	VI: 'U.S. Virgin Islands',
	AS: 'American Samoa',
	MP: 'Northern Mariana Islands',
} as const;

/** A USPS code of a state, district or territory. */
export type UsState = keyof typeof usStates;

/** Every term-keyed vocabulary, by the frontmatter field that uses it. */
export const vocabularies = {
	organizationType: organizationTypes,
	breachType: breachTypes,
	location: locations,
	vector: vectors,
	actor: actors,
	disclosure: disclosures,
	dataClasses,
	lessons,
	outcomeKind: outcomeKinds,
	sourceKind: sourceKinds,
} as const;

/** The keys of a vocabulary, as the non-empty tuple that `z.enum` wants. */
export function termKeys<K extends string>(v: Vocabulary<K>): [K, ...K[]] {
	return Object.keys(v.terms) as [K, ...K[]];
}

/**
 * The labels of `keys` in `vocabulary`, joined: ", " for readers, "; " in a CSV cell. Nothing
 * where there are no keys, so that the caller says how "none" reads.
 */
export function termLabels<K extends string>(
	vocabulary: { terms: Record<K, { label: string }> },
	keys: readonly K[],
	separator: ', ' | '; ' = ', ',
): string {
	return keys.map((k) => vocabulary.terms[k].label).join(separator);
}
