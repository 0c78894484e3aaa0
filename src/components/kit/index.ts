/** The MDX component kit: available in every write-up without an import. */
import Cite from './Cite.astro';
import Callout from './Callout.astro';
import KeyFigure from './KeyFigure.astro';
import Quote from './Quote.astro';

export const kit = { Cite, Callout, KeyFigure, Quote };
