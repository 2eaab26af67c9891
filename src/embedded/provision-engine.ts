import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { artifactFileName, productNames, recipeDigest, type EmbeddedProduct, type NodeModule, type NodeRecipe } from './node-recipe.js';

const run = promisify(execFile);

/** Where downloads and assembled engine homes live: outside any clone, shared by all of them. */
export function engineCacheDir(): string {
  return process.env.ENGINE_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'arabic-news-search');
}

/**
 * Returns the path of a ready engine home for the recipe, assembling it on first use.
 * Artifacts come from Maven Central through `mvn`, whose own repository (~/.m2) caches them too.
 */
export async function provisionEngineHome(product: EmbeddedProduct, recipe: NodeRecipe, log: (message: string) => void): Promise<string> {
  const name = productNames[product];
  const home = join(engineCacheDir(), `${product}-${recipe.version}-${recipeDigest(recipe)}`);
  if (existsSync(join(home, '.provisioned'))) return home;

  log(`provisioning ${name} ${recipe.version} into ${home} (first run only)`);
  await mkdir(engineCacheDir(), { recursive: true });
  const staging = await mkdtemp(join(engineCacheDir(), '.staging-'));
  try {
    const downloads = join(staging, 'downloads');
    await copyArtifacts([recipe.distribution, ...recipe.modules.flatMap((m) => m.artifacts)], downloads, staging);
    await unzip(join(downloads, artifactFileName(recipe.distribution)), staging);
    // Both distributions unpack into `<product>-<version>/`.
    const unpacked = join(staging, `${product}-${recipe.version}`);
    for (const module of recipe.modules) await installModule(product, unpacked, module, recipe.version, downloads);
    await writeFile(join(unpacked, '.provisioned'), `${new Date().toISOString()}\n`);
    // A rename is atomic: a concurrent or interrupted provisioning never leaves a half-built home.
    await rm(home, { recursive: true, force: true });
    await rename(unpacked, home);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  log(`${name} ${recipe.version} provisioned`);
  return home;
}

/** One `mvn` run copies every artifact: a throwaway POM lists them with transitive resolution off. */
async function copyArtifacts(coordinates: string[], outputDir: string, workDir: string): Promise<void> {
  const dependencies = coordinates.map((coordinate) => {
    const [groupId, artifactId, version, type = 'jar'] = coordinate.split(':');
    return `<dependency><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId><version>${version}</version><type>${type}</type>
      <exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions></dependency>`;
  });
  const pom = `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>local.provisioning</groupId><artifactId>engine-node</artifactId><version>1</version>
  <dependencies>${dependencies.join('\n')}</dependencies></project>`;
  await writeFile(join(workDir, 'pom.xml'), pom);
  try {
    await run('mvn', ['-q', '-B', 'dependency:copy-dependencies', `-DoutputDirectory=${outputDir}`], {
      cwd: workDir,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const detail = error instanceof Error && 'stdout' in error ? String((error as { stdout: unknown }).stdout).slice(-2000) : String(error);
    throw new Error(`could not fetch the engine's artifacts with mvn (is Maven installed and Maven Central reachable?):\n${detail}`);
  }
}

async function unzip(zipFile: string, into: string): Promise<void> {
  try {
    await run('unzip', ['-q', zipFile, '-d', into]);
  } catch (error) {
    throw new Error(`could not unpack ${zipFile} (is unzip installed?): ${String(error)}`);
  }
}

/** Lays a module out as the full distribution does: its jars, a descriptor, and its security policy. */
async function installModule(product: EmbeddedProduct, home: string, module: NodeModule, version: string, downloads: string): Promise<void> {
  const dir = join(home, 'modules', module.name);
  await mkdir(dir, { recursive: true });
  for (const artifact of module.artifacts) {
    const file = artifactFileName(artifact);
    await copyFile(join(downloads, file), join(dir, file));
  }
  const descriptor = {
    description: `${module.name} module`,
    version,
    name: module.name,
    classname: module.classname,
    'java.version': '11',
    [`${product}.version`]: version,
    'extended.plugins': module.extendedPlugins.join(','),
    'has.native.controller': 'false',
  };
  await writeFile(
    join(dir, 'plugin-descriptor.properties'),
    Object.entries(descriptor)
      .map(([key, value]) => `${key}=${value}`)
      .join('\n') + '\n',
  );
  if (module.permissions.length > 0) {
    const grants = module.permissions.map((permission) => `  permission ${permission};`).join('\n');
    await writeFile(join(dir, 'plugin-security.policy'), `grant {\n${grants}\n};\n`);
  }
}
