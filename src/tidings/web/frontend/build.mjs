// Copies the browser builds of the npm libraries the web UI uses into ../static/vendor,
// with their licences, so the Python package ships them and pages never load anything
// from the internet.  Run: npm ci && npm run build   (then commit ../static/vendor).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const vendor = join(here, "..", "static", "vendor");
mkdirSync(vendor, { recursive: true });

// [package, file inside the package, name in static/vendor]
const files = [
  ["cytoscape", "dist/cytoscape.min.js", "cytoscape.min.js"],
  ["cytoscape", "LICENSE", "cytoscape.LICENSE.txt"],
];

const manifest = {};
for (const [pkg, file, name] of files) {
  const root = join(here, "node_modules", pkg);
  copyFileSync(join(root, file), join(vendor, name));
  const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
  manifest[name] = `${pkg}@${version}/${file}`;
}
writeFileSync(join(vendor, "MANIFEST.json"), JSON.stringify(manifest, null, 2) + "\n");
console.log(`copied ${files.length} files into ${vendor}`);
