import { describe, expect, it } from 'vitest';
import { loadIndexDefinition } from '../index/index-definition.js';
import { PROJECT_ROOT } from '../project-root.js';
import { withLayout } from './search-service.js';

describe('withLayout', () => {
  const definition = loadIndexDefinition(PROJECT_ROOT);

  it('keeps the definition as the files give it when nothing is configured, or the same shard count', () => {
    expect(withLayout(definition, {})).toBe(definition);
    expect(withLayout(definition, { shards: 1 })).toBe(definition);
  });

  it('sets replicas without a new version, and a new shard count as a new version', () => {
    const replicated = withLayout(definition, { replicas: 1 });
    expect(replicated.digest).toBe(definition.digest);
    expect(replicated.settings.index).toMatchObject({ number_of_shards: 1, number_of_replicas: 1 });
    const sharded = withLayout(definition, { shards: 3, replicas: 1 });
    expect(sharded.digest).not.toBe(definition.digest);
    expect(sharded.digest).toMatch(/^[0-9a-f]{10}$/);
    expect(sharded.settings.index).toMatchObject({ number_of_shards: 3, number_of_replicas: 1 });
    expect(sharded.mappings._meta).toMatchObject({ definition: sharded.digest });
    expect(sharded.settings.analysis).toBe(definition.settings.analysis);
  });
});
