// Builds the browser side of the WAR into one folder (run by Maven in generate-resources, see pom.xml):
//
//   1. the pinned third-party packages of web-packages.json: fetched with `npm pack NAME@VERSION` (through whatever
//      registry npm is configured with), checked against the committed sha512, and only the listed files copied to
//      assets/vendor/<alias>-<version>/ — a path that names the version, so it can be cached for ever;
//   2. the app's own modules (src/main/webapp/app) copied to assets/app-<content hash>/, so a changed file gets a
//      new URL and an unchanged one stays cached;
//   3. index.html with those paths filled in ({{vendor:ALIAS}}, {{app}}) and a modulepreload link per app module
//      ({{modulepreload}});
//   4. a .gz next to every text file, compressed once here at the highest level instead of on every request.
//
// Verified tarballs are kept in a cache folder (--cache), so a second build neither refetches nor needs the network;
// a tarball whose digest does not match is never used: the build fails.
//
// Usage: node web-assets.mjs --packages web-packages.json --cache DIR --webapp src/main/webapp --out target/web-assets

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.json', '.svg', '.txt']);

function args() {
  const given = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    given[argv[i].replace(/^--/, '')] = argv[i + 1];
  }
  for (const required of ['packages', 'cache', 'webapp', 'out']) {
    if (!given[required]) {
      fail(`missing --${required}`);
    }
  }
  return given;
}

function fail(message) {
  console.error(`[web-assets] ERROR: ${message}`);
  process.exit(1);
}

function log(message) {
  console.log(`[web-assets] ${message}`);
}

/** npm's integrity string: "sha512-" + base64 of the SHA-512 of the tarball. */
function integrityOf(file) {
  return 'sha512-' + createHash('sha512').update(fs.readFileSync(file)).digest('base64');
}

/** A verified tarball for the package, from the cache or fetched with `npm pack`; exits on a digest mismatch. */
function tarball(alias, pkg, cacheDir) {
  if (!/^sha512-[A-Za-z0-9+/]+=*$/.test(pkg.integrity ?? '')) {
    fail(`${alias}: web-packages.json must give a sha512 integrity (npm view ${pkg.package}@${pkg.version} dist.integrity)`);
  }
  const cached = path.join(cacheDir, `${pkg.package.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`);
  if (fs.existsSync(cached)) {
    if (integrityOf(cached) === pkg.integrity) {
      log(`${pkg.package}@${pkg.version}: cached, sha512 matches`);
      return cached;
    }
    // Most likely a half-written or damaged cache file; the fresh copy below must match or the build stops.
    log(`${pkg.package}@${pkg.version}: cached copy does not match its sha512; fetching it again`);
    fs.rmSync(cached);
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'web-assets-'));
  try {
    log(`${pkg.package}@${pkg.version}: npm pack`);
    const answer = execFileSync('npm', ['pack', `${pkg.package}@${pkg.version}`, '--json', '--ignore-scripts',
      '--pack-destination', scratch], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
      shell: process.platform === 'win32' });
    const packed = path.join(scratch, JSON.parse(answer)[0].filename);
    const actual = integrityOf(packed);
    if (actual !== pkg.integrity) {
      fail(`${pkg.package}@${pkg.version}: sha512 mismatch\n  expected ${pkg.integrity}\n  received ${actual}\n`
        + '  The tarball is not the one this build was reviewed with; it is not used.');
    }
    fs.mkdirSync(cacheDir, { recursive: true });
    const partial = `${cached}.${process.pid}.part`;
    fs.copyFileSync(packed, partial);
    fs.renameSync(partial, cached);  // atomic: parallel builds never see half a file
    log(`${pkg.package}@${pkg.version}: fetched, sha512 matches, cached in ${cacheDir}`);
    return cached;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The named files of an npm tarball (a gzipped ustar archive with everything under package/). Read here rather than
 * with a tar program: it works the same on every OS, and nothing outside the list can be written anywhere.
 */
function extract(tgz, wanted) {
  const archive = zlib.gunzipSync(fs.readFileSync(tgz));
  const found = new Map();
  for (let offset = 0; offset + 512 <= archive.length;) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every(b => b === 0)) {
      break;
    }
    const text = (from, length) => header.subarray(from, from + length).toString('utf8').replace(/\0.*$/s, '');
    const name = [text(345, 155), text(0, 100)].filter(Boolean).join('/');
    const size = parseInt(text(124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] || 48);
    const relative = name.replace(/^[^/]+\//, '');  // npm's top folder is "package/"
    if ((type === '0' || type === '\0') && wanted.includes(relative)) {
      found.set(relative, archive.subarray(offset + 512, offset + 512 + size));
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  const missing = wanted.filter(file => !found.has(file));
  if (missing.length) {
    fail(`${path.basename(tgz)} has no ${missing.join(', ')}`);
  }
  return found;
}

function write(file, content) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

function filesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(entry => entry.isFile())
    .map(entry => path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join('/'))
    .sort();
}

function fillIn(text, tokens, file) {
  return text.replace(/\{\{([a-z]+(?::[a-z]+)?)\}\}/g, (whole, token) => {
    if (!(token in tokens)) {
      fail(`${file}: unknown placeholder ${whole}`);
    }
    return tokens[token];
  });
}

function precompress(dir) {
  let count = 0;
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.has(path.extname(file))) {
      continue;
    }
    const original = fs.readFileSync(path.join(dir, file));
    const gz = zlib.gzipSync(original, { level: 9 });
    if (gz.length < original.length) {  // tiny files grow when gzipped: those are served as they are
      fs.writeFileSync(path.join(dir, `${file}.gz`), gz);
      count++;
    }
  }
  return count;
}

const options = args();
const packages = JSON.parse(fs.readFileSync(options.packages, 'utf8'));
const out = options.out;
fs.rmSync(out, { recursive: true, force: true });  // old app-<hash> folders must not pile up in the WAR

const tokens = {};
for (const [alias, pkg] of Object.entries(packages)) {
  if (alias.startsWith('_')) {
    continue;
  }
  const folder = `vendor/${alias}-${pkg.version}`;
  for (const [file, content] of extract(tarball(alias, pkg, options.cache), pkg.files)) {
    write(path.join(out, 'assets', folder, file), content);
  }
  tokens[`vendor:${alias}`] = folder;
}

const appDir = path.join(options.webapp, 'app');
const app = filesUnder(appDir).map(file => {
  const raw = fs.readFileSync(path.join(appDir, file));
  const text = ['.js', '.css', '.html'].includes(path.extname(file));
  return { file, content: text ? Buffer.from(fillIn(raw.toString('utf8'), tokens, file)) : raw };
});
const digest = createHash('sha256');
app.forEach(({ file, content }) => digest.update(file).update('\0').update(content).update('\0'));
tokens.app = `app-${digest.digest('hex').slice(0, 12)}`;
app.forEach(({ file, content }) => write(path.join(out, 'assets', tokens.app, file), content));
// Every module main.js imports, directly or not (routes.js imports every screen): named in index.html so the browser
// fetches them all at once instead of one import level after the other (main → routes → screens).
tokens.modulepreload = app.filter(({ file }) => file.endsWith('.js') && file !== 'main.js')
  .map(({ file }) => `<link rel="modulepreload" href="assets/${tokens.app}/${file}">`).join('\n  ');

const index = path.join(options.webapp, 'index.html');
write(path.join(out, 'index.html'), fillIn(fs.readFileSync(index, 'utf8'), tokens, 'index.html'));

log(`${app.length} app files under assets/${tokens.app}/, ${precompress(out)} files precompressed`);
