import { createHash } from 'node:crypto';
import { z } from 'zod';
import elasticsearchRecipeJson from '../../provisioning/elasticsearch-node.json' with { type: 'json' };
import opensearchRecipeJson from '../../provisioning/opensearch-node.json' with { type: 'json' };

const mavenCoordinate = z.string().regex(/^[\w.-]+:[\w.-]+:[\w.-]+(:[\w.-]+)?$/, 'expected group:artifact:version[:type]');

const moduleSchema = z.object({
  name: z.string().min(1),
  classname: z.string().min(1),
  extendedPlugins: z.array(z.string()),
  artifacts: z.array(mavenCoordinate).min(1),
  permissions: z.array(z.string()),
});

const recipeSchema = z.object({
  description: z.string(),
  version: z.string(),
  javaMajor: z.object({ min: z.number(), max: z.number(), preferred: z.array(z.number()) }),
  distribution: mavenCoordinate,
  modules: z.array(moduleSchema),
});

export type NodeRecipe = z.infer<typeof recipeSchema>;
export type NodeModule = z.infer<typeof moduleSchema>;

/** The engine products the project can provision and run itself. */
export type EmbeddedProduct = 'opensearch' | 'elasticsearch';

/** Each product's name in messages. */
export const productNames: Record<EmbeddedProduct, string> = { opensearch: 'OpenSearch', elasticsearch: 'Elasticsearch' };

const recipes: Record<EmbeddedProduct, unknown> = { opensearch: opensearchRecipeJson, elasticsearch: elasticsearchRecipeJson };

/** The pinned recipe of an embedded node (OpenSearch unless named), validated. */
export function loadNodeRecipe(product: EmbeddedProduct = 'opensearch'): NodeRecipe {
  return recipeSchema.parse(recipes[product]);
}

/** A short digest of the recipe: a changed recipe provisions a new home instead of reusing a stale one. */
export function recipeDigest(recipe: NodeRecipe): string {
  return createHash('sha256').update(JSON.stringify(recipe)).digest('hex').slice(0, 12);
}

/** `group:artifact:version[:type]` → the file name Maven gives it in a copy. */
export function artifactFileName(coordinate: string): string {
  const [, artifact, version, type = 'jar'] = coordinate.split(':');
  return `${artifact}-${version}.${type}`;
}
