/**
 * The incident whose write-up is being rendered, for the MDX component kit. The case page puts it
 * in `Astro.locals` before rendering the body, so `<Cite id>` needs no import and no props beyond
 * the id, and an unknown id fails the build with the file's name.
 */
import type { Incident } from './model.ts';

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
