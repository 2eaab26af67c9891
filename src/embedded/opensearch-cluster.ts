import { join } from 'node:path';
import { startEmbeddedNode } from './embedded-node.js';
import { findFreePort, type EmbeddedNode, type EmbeddedNodeOptions } from './engine-process.js';

export interface EmbeddedCluster {
  /** Every node's URL, comma-separated: what SEARCH_URL takes. */
  url: string;
  nodes: EmbeddedNode[];
  /** Starts node `i` again where it was (same ports, same data), after it ended. */
  restart(i: number): Promise<EmbeddedNode>;
  stop(): Promise<void>;
}

/**
 * A cluster of `count` OpenSearch nodes on loopback, each its own process with its own folder
 * (`<workDir>/node-<i>`) and ports chosen once, so a node started again rejoins where it was.
 * Resolves once the cluster is at least yellow.
 */
export async function startEmbeddedOpenSearchCluster(options: EmbeddedNodeOptions & { count: number }): Promise<EmbeddedCluster> {
  const names = Array.from({ length: options.count }, (_, i) => `embedded-${i}`);
  const httpPorts = await Promise.all(names.map(() => findFreePort()));
  const transportPorts = await Promise.all(names.map(() => findFreePort()));
  const startNode = (i: number) =>
    startEmbeddedNode('opensearch', {
      ...options,
      workDir: join(options.workDir, `node-${i}`),
      httpPort: httpPorts[i]!,
      cluster: { nodeName: names[i]!, transportPort: transportPorts[i]!, seedTransportPorts: transportPorts, nodeNames: names },
    });
  const settled = await Promise.allSettled(names.map((_, i) => startNode(i)));
  const nodes = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.all(nodes.map((node) => node.stop()));
    throw failed.reason;
  }
  return {
    url: nodes.map((node) => node.url).join(','),
    nodes,
    restart: async (i) => (nodes[i] = await startNode(i)),
    stop: async () => {
      await Promise.all(nodes.map((node) => node.stop()));
    },
  };
}
