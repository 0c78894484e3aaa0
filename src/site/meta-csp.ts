/** The Content-Security-Policy for the <meta> element, read once from public/_headers. */
import headersFile from '../../public/_headers?raw';
import { contentSecurityPolicy, metaContentSecurityPolicy, parseHeaders } from '../lib/headers.ts';

/** For hosts that cannot send headers (GitHub Pages): the policy of `/*`, less what <meta> cannot carry. */
export const META_CSP = metaContentSecurityPolicy(contentSecurityPolicy(parseHeaders(headersFile)));
