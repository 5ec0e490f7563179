/**
 * Builds a SCORM 1.2 package of the simulator: `imsmanifest.xml` plus the production build,
 * zipped into dist-scorm/kap-simulator-scorm12.zip. Run with `npm run package:scorm`.
 * Pass --no-build to package an existing dist/.
 *
 * The manifest gives no `adlcp:masteryscore`: with one, an LMS may set passed or failed from the
 * score alone (SCORM 1.2 Run-Time Environment, cmi.core.lesson_status; Rustici, "Mastery Score
 * and SCORM 1.2"), which can disagree with the scenario's own rule (its pass mark, and a
 * critical error fails whatever the score). The simulator reports passed or failed itself.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { listFiles } from './list-files.ts';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
const outDir = join(root, 'dist-scorm');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The build failed, so no SCORM package was written.');
    process.exit(1);
  }
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function manifest(files: string[], version: string): string {
  const fileList = files.map((f) => `      <file href="${escapeXml(f)}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="kap-simulator-${escapeXml(version)}" version="1.2"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="kap-simulator-org">
    <organization identifier="kap-simulator-org">
      <title>KAP Simulator</title>
      <item identifier="kap-simulator-item" identifierref="kap-simulator-resource">
        <title>KAP Simulator: ketamine-assisted psychotherapy session practice</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="kap-simulator-resource" type="webcontent" adlcp:scormtype="sco" href="index.html">
${fileList}
    </resource>
  </resources>
</manifest>
`;
}

const files = listFiles(dist);
const entries: Record<string, Uint8Array> = {
  'imsmanifest.xml': new TextEncoder().encode(manifest(files, pkg.version)),
};
for (const file of files) entries[file] = new Uint8Array(readFileSync(join(dist, file)));

mkdirSync(outDir, { recursive: true });
const zipPath = join(outDir, 'kap-simulator-scorm12.zip');
writeFileSync(zipPath, zipSync(entries, { level: 9 }));
console.log(`SCORM 1.2 package: ${relative(root, zipPath)} (${files.length + 1} files)`);
