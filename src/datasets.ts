/** The site's datasets, each described once: the casebook and the HHS breach register. */
import { casebook } from './lib/casebook/dataset.ts';
import { register } from './lib/register/dataset.ts';

export { casebook, register };

/** Every dataset, in the order /data/ lists them. */
export const DATASETS = [casebook, register] as const;

/** Every open-data file the site publishes. */
export const OPEN_DATA_FILES = DATASETS.flatMap((d) => d.files);
