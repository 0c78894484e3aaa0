/**
 * Serves `dist/` as a static host would, for the end-to-end tests and for a local look:
 * with nginx (the real web server CI installs) under BASE_PATH, with the headers of
 * public/_headers (so the CSP is enforced) and the site's 404 page with status 404.
 * Without nginx it falls back to `astro preview`, which has neither headers nor CSP.
 *
 * Usage: node scripts/serve.ts [--port 4329] [--dir dist]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseHeaders, nginxConfig } from '../src/lib/headers.ts';
import { siteConfig } from '../src/site-config.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1]! : fallback;
};
const port = Number(option('--port', '4329'));
const dir = resolve(option('--dir', 'dist'));
const { base } = siteConfig();

const nginx =
	['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p)) ??
	(spawnSync('which', ['nginx']).stdout?.toString().trim() || undefined);
if (!existsSync(join(dir, 'index.html'))) {
	console.error(`${dir} has no index.html: run npm run build first.`);
	process.exit(1);
}

if (!nginx) {
	console.warn(
		'nginx not found: serving with astro preview, without security headers (apt-get install -y nginx-light).',
	);
	const child = spawn('astro', ['preview', '--host', '127.0.0.1', '--port', String(port), '--outDir', dir], {
		stdio: 'inherit',
	});
	child.on('exit', (code) => process.exit(code ?? 0));
} else {
	const work = mkdtempSync(join(tmpdir(), 'casebook-nginx-'));
	// The site lives at <root><base>, as on GitHub Pages for a project site.
	const root = join(work, 'root');
	const mount = join(root, base);
	mkdirSync(join(mount, '..'), { recursive: true });
	symlinkSync(dir, mount.replace(/\/$/, ''));
	const { http, server } = nginxConfig(parseHeaders(readFileSync(join(dir, '_headers'), 'utf8')), base);
	// As root, nginx's workers would run as nobody and could not read a private temp folder.
	const conf = `daemon off;
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${work}/nginx.pid;
error_log stderr warn;
events { worker_connections 256; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	types { application/wasm wasm; text/csv csv; }
	access_log off;
	log_not_found off;
	sendfile on;
	gzip on;
	gzip_types text/css application/javascript text/javascript application/json image/svg+xml application/xml text/xml text/csv application/rss+xml application/atom+xml;
	client_body_temp_path ${work}/body;
	proxy_temp_path ${work}/proxy;
	fastcgi_temp_path ${work}/fastcgi;
	uwsgi_temp_path ${work}/uwsgi;
	scgi_temp_path ${work}/scgi;
${http}
	server {
		listen 127.0.0.1:${port};
		root ${root};
		absolute_redirect off;
		error_page 404 ${base}404.html;
${server}
	}
}
`;
	writeFileSync(join(work, 'nginx.conf'), conf);
	console.log(`Serving ${dir} at http://127.0.0.1:${port}${base} with nginx (${join(work, 'nginx.conf')})`);
	const child = spawn(nginx, ['-c', join(work, 'nginx.conf'), '-e', 'stderr'], { stdio: 'inherit' });
	const stop = () => child.kill('SIGQUIT');
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	child.on('exit', (code) => {
		rmSync(work, { recursive: true, force: true });
		process.exit(code ?? 0);
	});
}
