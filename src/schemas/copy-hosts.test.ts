import { describe, expect, it } from 'vitest';
import { COPY_HOSTS, copyHostReason } from './copy-hosts.ts';

describe('copyHostReason', () => {
	it('names a listed scraper or mirror, with or without www. and on its subdomains', () => {
		expect(copyHostReason('https://securitydone.com/web-trackers')).toBe(
			'securitydone.com is an aggregator republishing security news',
		);
		expect(copyHostReason('https://www.europesays.com/2684157')).toMatch(/^europesays\.com is /);
		expect(copyHostReason('https://uk.news.yahoo.com/story')).toMatch(/^news\.yahoo\.com is /);
		expect(copyHostReason('https://edition.breachspot.com/x')).toMatch(/^breachspot\.com is /);
		expect(copyHostReason('https://print.casetext.com/case/x')).toMatch(/^casetext\.com is /);
	});

	it('names staging and internal servers by their host label, not by the registrable domain', () => {
		expect(copyHostReason('https://fiercehealthcare.dev.qtxquartz.com/providers/x')).toMatch(
			/fiercehealthcare\.dev\.qtxquartz\.com is a staging or internal server \(the "dev\." host\)/,
		);
		expect(copyHostReason('http://stage.consumerelectronicsdaily.com/article')).toMatch(/"stage\." host/);
		expect(copyHostReason('https://test.daily8.com/en/article/1')).toMatch(/"test\." host/);
		expect(copyHostReason('https://production.jdsupra.com/legalnews/x')).toMatch(/"production\." host/);
		expect(copyHostReason('https://dev.to/someone/post')).toBeUndefined();
		expect(copyHostReason('https://stage.com/')).toBeUndefined();
	});

	it('leaves original publishers and unparseable text alone', () => {
		expect(copyHostReason('https://www.hhs.gov/about/news/2024/02/06/x.html')).toBeUndefined();
		expect(copyHostReason('https://techcrunch.com/')).toBeUndefined();
		expect(copyHostReason('not a url')).toBeUndefined();
	});

	it('keeps its list in lowercase hosts without www.', () => {
		for (const host of Object.keys(COPY_HOSTS)) expect(host).toMatch(/^(?!www\.)[a-z0-9.-]+\.[a-z]+$/);
	});
});
