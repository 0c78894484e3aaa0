/** The MDX component kit: available in every write-up without an import. */
import type { KitComponent } from '../../lib/casebook/kit.ts';
import Cite from './Cite.astro';
import Callout from './Callout.astro';
import KeyFigure from './KeyFigure.astro';
import Quote from './Quote.astro';

// Typed by the contract, so that the kit and the content check cannot name different components.
export const kit = { Cite, Callout, KeyFigure, Quote } satisfies Record<KitComponent, unknown>;
