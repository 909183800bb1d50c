// Debian packages the system needs beyond Node: the PDF renderer's fonts (and poppler, whose
// pdftotext/pdffonts/pdftoppm its tests use), and Debian's Chromium for the browser end-to-end suite
// (test/e2e-web drives it with playwright-core; no `npx playwright install`), and nginx for the multi-instance test. Installs the missing ones with
// apt when it can (root, apt-get present), otherwise says in one line what to install. Plain Node: runs
// before the build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

const NEEDS = {
  fonts: [
    ['fonts-noto-cjk', () => existsSync('/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc')],
    ['fonts-arphic-uming', () => existsSync('/usr/share/fonts/truetype/arphic/uming.ttc')],
    ['fonts-arphic-ukai', () => existsSync('/usr/share/fonts/truetype/arphic/ukai.ttc')],
  ],
  // nginx: the reverse proxy the multi-instance end-to-end test starts in front of two API processes
  tests: [
    ['poppler-utils', () => onPath('pdftotext')],
    ['nginx-light', () => onPath('nginx')],
  ],
  browser: [['chromium', () => existsSync('/usr/bin/chromium')]],
};

/** Ensures the packages of the given groups; resolves false (after saying why) when they cannot be had. */
export function ensureSystemPackages(groups) {
  const missing = groups
    .flatMap((g) => NEEDS[g])
    .filter(([, present]) => !present())
    .map(([name]) => name);
  if (!missing.length) return true;
  const command = `apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0 || !onPath('apt-get')) {
    console.error(`Missing Debian packages (${groups.join(', ')}); install them with: ${command}`);
    return false;
  }
  console.log(`▶ installing ${missing.join(', ')} (apt) …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install =
    update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  if (!install || install.status !== 0) {
    console.error(`Could not install ${missing.join(' ')}; run: ${command}`);
    return false;
  }
  return true;
}
