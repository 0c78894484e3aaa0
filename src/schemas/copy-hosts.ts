/**
 * Hosts that publish copies of other people's pages: scrapers and aggregators that republish
 * articles, sites that repost a regulator's release or a court filing, and publishers' staging
 * servers. A source's `url` must be the original publisher's page; a copy that was read instead
 * goes in `via` (docs/EDITORIAL.md). The content check refuses a `url` on one of these hosts.
 *
 * Kept here, once, so that the check, its tests and the docs name the same list. Add a host
 * when a copy is found; a host that also publishes its own reporting (DataBreaches.net, JD Supra)
 * does not belong here, and its reposts are caught by reading the source.
 */

/** Hosts, without `www.`, whose pages are copies of pages published elsewhere; each with what it is. */
export const COPY_HOSTS: Readonly<Record<string, string>> = {
	'aimntls.com': 'a reproduction of an insurer’s member notice',
	'allgreenrecyclingservices.com': 'a recycling firm’s site reposting a newsletter article',
	'associatednews.agency': 'an aggregator of syndicated local reports',
	'bioforcegolf.com': 'a site republishing news articles',
	'blog.gajdekgraphics.com': 'a blog republishing news articles',
	'breachspot.com': 'an aggregator that rewrites breach reports',
	'casetext.com': 'a legal-research service mirroring court opinions',
	'ciso2ciso.com': 'an aggregator republishing security news',
	'community.oneclickmed.com': 'a digest reposting other outlets’ health news',
	'consumercal.org': 'an advocacy group reposting newspaper articles',
	'councilforresponsiblegenetics.org': 'an advocacy group reposting newspaper articles',
	'cybersecurityinformer.com': 'an aggregator republishing security news',
	'deeppoliticsforum.com': 'a forum where members repost news articles',
	'einpresswire.com': 'a press-release wire reposting government releases',
	'elawyers.us': 'a mirror of court opinions',
	'europesays.com': 'an aggregator republishing news articles',
	'f5.pm': 'an aggregator republishing security news',
	'fdocuments.us': 'a document-sharing mirror',
	'findarticles.com': 'an aggregator that rewrites news articles',
	'healthcarecompliancebrief.com': 'an aggregator republishing compliance news',
	'hospicepalliativecaretoday.com': 'an aggregator republishing trade news',
	'insider.govtech.com': 'a subscriber feed reposting syndicated articles',
	'lists.riskbasedsecurity.com': 'a mailing list reposting news articles',
	'mcnstayalert.com': 'a newsletter reposting government releases',
	'midpage.ai': 'a mirror of court filings',
	'mistercybersecurity.com': 'a site mirroring other outlets’ security news',
	'mixedtimes.com': 'an aggregator republishing wire stories',
	'money.mymotherlode.com': 'a local site carrying press-release wires',
	'netsentrysecurity.com': 'a security firm’s blog republishing news',
	'newcovenantnetwork.net': 'a site republishing news articles',
	'news.yahoo.com': 'an aggregator of syndicated articles',
	'newsbreak.com': 'a news aggregator',
	'newseyeo.com': 'an aggregator that rewrites news articles',
	'nycdentalsociety.org': 'a dental society reposting government releases',
	'nysdental.org': 'a dental society reposting government releases',
	'pressreader.com': 'a digital replica of printed newspapers',
	'public3.pagefreezer.com': 'a web-archiving service’s copy of a government site',
	'regulations.clym.io': 'a compliance vendor reposting regulators’ documents',
	'rin.pw': 'an aggregator republishing news articles',
	'securitydone.com': 'an aggregator republishing security news',
	'securityexplore.com': 'an aggregator republishing security news',
	'techamerica.ai': 'a site republishing technology news',
	'techbrunch.co': 'a copy of TechCrunch articles',
	'technewsxpress.com': 'an aggregator that rewrites and translates news articles',
	'techvisit.net': 'an aggregator that rewrites news articles',
	'theftkgroup.com': 'a firm’s site reposting newspaper articles',
	'threatshub.org': 'an aggregator republishing security news',
	'todayheadline.co': 'an aggregator republishing news articles',
	'us.hitleaders.news': 'an aggregator republishing health-IT news and releases',
	'vblsa.org': 'an association’s site reposting news articles',
	'vdocuments.site': 'a document-sharing mirror',
	'vdocuments.us': 'a document-sharing mirror',
	'zyfolks.com': 'an aggregator republishing news articles',
};

/** A host label that marks a publisher's staging or test server: `stage.…`, `fiercehealthcare.dev.…`. */
const STAGING_LABELS = new Set(['dev', 'stage', 'staging', 'test', 'preview', 'uat', 'qa', 'production']);

/**
 * Why a URL is not an original publisher's address, or undefined when nothing is known against it.
 * Subdomains of a listed host count as the host.
 */
export function copyHostReason(url: string): string | undefined {
	let host: string;
	try {
		host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
	} catch {
		return undefined;
	}
	for (let name = host; name.includes('.'); name = name.slice(name.indexOf('.') + 1)) {
		const what = COPY_HOSTS[name];
		if (what !== undefined) return `${name} is ${what}`;
	}
	// The last two labels are the registrable domain (dev.to, stage.com are real sites).
	const labels = host.split('.').slice(0, -2);
	const staging = labels.find((label) => STAGING_LABELS.has(label));
	if (staging !== undefined) return `${host} is a staging or internal server (the "${staging}." host)`;
	return undefined;
}
