/**
 * Builds the web app into dist/web: esbuild bundles web/src/main.ts (Leaflet, markercluster and
 * topojson-client and chart.js included) and web/app.css (Leaflet's CSS and its images), and the
 * fonts, the world map and the basemap (web/basemap) are copied, so the app needs nothing from the network.
 * Run: node --import tsx scripts/build-web.ts
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'web');
const require = createRequire(join(root, 'package.json'));
const packageFile = (spec: string) => require.resolve(spec);

const FONTS = [
  '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2',
  '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2',
  '@fontsource/noto-sans-arabic/files/noto-sans-arabic-latin-400-normal.woff2',
  '@fontsource/noto-sans-arabic/files/noto-sans-arabic-latin-700-normal.woff2',
  '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2',
  '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2',
];

async function main(): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'fonts'), { recursive: true });
  await build({
    entryPoints: [join(root, 'web', 'src', 'main.ts'), join(root, 'web', 'app.css')],
    outdir: out,
    entryNames: '[name]',
    bundle: true,
    format: 'esm',
    target: ['chrome110', 'firefox110', 'safari16'],
    minify: true,
    sourcemap: true,
    // Leaflet's CSS names its images; they are copied beside the bundle.
    loader: { '.png': 'file', '.svg': 'file' },
    // The fonts are copied below under these names.
    external: ['fonts/*'],
    logLevel: 'warning',
  });
  for (const font of FONTS) copyFileSync(packageFile(font), join(out, 'fonts', font.split('/').pop()!));
  copyFileSync(packageFile('world-atlas/countries-50m.json'), join(out, 'countries-50m.json'));
  copyFileSync(join(root, 'web', 'index.html'), join(out, 'index.html'));
  // The admin1 boundaries and city labels (built from the gazetteer by scripts/build-basemap.ts).
  mkdirSync(join(out, 'basemap'));
  for (const file of ['admin1.geojson', 'cities.json', 'countries.json', 'LICENCE.md'])
    copyFileSync(join(root, 'web', 'basemap', file), join(out, 'basemap', file));
  process.stdout.write(`build-web: ${out}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
