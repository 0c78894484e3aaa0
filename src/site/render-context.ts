/**
 * The incident whose write-up is being rendered, for the MDX component kit. The case page puts it
 * in `Astro.locals` before rendering the body, so `<Cite id>` needs no import and no props beyond
 * the id, and an unknown id fails the build with the file's name.
 */
import type { Incident } from '../lib/casebook/model.ts';
import type { Source } from '../schemas/incident.ts';
import { KIT, type KitComponent } from '../lib/casebook/kit.ts';

const KEY = 'breachCasebookIncident';

/** Makes `incident` the one the kit's components refer to while its body renders. */
export function setCurrentIncident(locals: object, incident: Incident): void {
	(locals as Record<string, unknown>)[KEY] = incident;
}

/** The incident being rendered; throws when a kit component is used outside a case page. */
export function currentIncident(locals: object, component: string): Incident {
	const incident = (locals as Record<string, unknown>)[KEY] as Incident | undefined;
	if (!incident) throw new Error(`<${component}> can only be used in a case study's write-up`);
	return incident;
}

/** A source cited from the write-up being rendered, with its number in the source list. */
export interface CitedSource {
	id: string;
	n: number;
	source: Source;
}

/** A kit component that names a source, and so the attribute that names it. */
type CitingComponent = {
	[C in KitComponent]: (typeof KIT)[C]['sourceAttribute'] extends string ? C : never;
}[KitComponent];

/**
 * Resolves `<Component attribute="id">` (the attribute the kit's contract names) to its source;
 * an unknown id fails the build naming the file, as the content check does with the line.
 */
export function citedSource(locals: object, component: CitingComponent, props: object): CitedSource {
	const attribute = KIT[component].sourceAttribute;
	const id = String((props as Record<string, unknown>)[attribute]);
	const incident = currentIncident(locals, component);
	const n = incident.citationNumbers.get(id);
	if (n === undefined) {
		const known = [...incident.citationNumbers.keys()].join(', ');
		throw new Error(
			`${incident.slug}.mdx: <${component} ${attribute}="${id}">: unknown source id (expected one of: ${known})`,
		);
	}
	return { id, n, source: incident.data.sources[n - 1]! };
}
