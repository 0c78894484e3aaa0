/**
 * The MDX component kit's contract: which components a write-up may use without an import, which
 * attribute of each names a listed source, which attributes each needs, and the callout kinds.
 * The components (src/components/kit/) and the content check that polices write-ups both read it.
 */

/**
 * Every component of the kit: the attribute that names a source, the text attributes it needs,
 * and whether it renders a block (a figure or an aside), which must stand on its own lines.
 */
export const KIT = {
	Cite: { sourceAttribute: 'id', requiredText: [], block: false },
	Callout: { sourceAttribute: undefined, requiredText: [], block: true },
	KeyFigure: { sourceAttribute: 'source', requiredText: ['value', 'label'], block: true },
	Quote: { sourceAttribute: 'source', requiredText: [], block: true },
} as const satisfies Record<
	string,
	{ sourceAttribute: string | undefined; requiredText: readonly string[]; block: boolean }
>;

/** The name of a kit component. */
export type KitComponent = keyof typeof KIT;
/** The names of the kit's components, in the order the docs list them. */
export const KIT_COMPONENTS = Object.keys(KIT) as KitComponent[];

/** `kind` values of `<Callout>`, each with the title the reader sees. */
export const CALLOUT_TITLES = { lesson: 'Lesson', warning: 'Warning', note: 'Note' } as const;
/** A `kind` of `<Callout>`. */
export type CalloutKind = keyof typeof CALLOUT_TITLES;
/** The `kind` values of `<Callout>`. */
export const CALLOUT_KINDS = Object.keys(CALLOUT_TITLES) as CalloutKind[];
