import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeCores, log, out, type BenchContext } from '../bench-context.js';
import { renderBenchHtml } from '../render-bench-report.js';

/** The memory table: every process and phase recorded, highest RSS sampled and peak. */
export function printMemory(context: BenchContext): void {
  out(context, `\n## Memory (separate processes; /proc/<pid>/status sampled every 100 ms, peak reset at each phase)\n`);
  out(context, '| process, phase | VmRSS, highest sampled, MB | VmHWM (peak), MB |');
  out(context, '|---|---|---|');
  for (const { what, memory } of context.results.memory) out(context, `| ${what} | ${memory.rssMb.toFixed(0)} | ${memory.peakRssMb.toFixed(0)} |`);
}

/** Writes the tables as printed, and a picture of them (bars against each target), to `.run/bench/`. */
export function writeReport(context: BenchContext): void {
  const { results, runDir } = context;
  if (!results.ingest) throw new Error('no ingest figures to report');
  const reportName = `bench-${context.cores ? 'separate' : 'shared'}-cores`;
  writeFileSync(join(runDir, `${reportName}.md`), `${results.markdown.join('\n')}\n`);
  writeFileSync(
    join(runDir, `${reportName}.html`),
    renderBenchHtml({
      layout: describeCores(context),
      ingest: { ...results.ingest, targetRatio: 1.15 },
      queries: results.queries,
      targetThroughputShare: 0.9,
      // Chart labels without markdown and timings.
      memory: results.memory.map(({ what, memory }) => ({ what: what.replace(/`/g, '').replace(/ \([^)]*\)$/, ''), peakMb: Math.round(memory.peakRssMb) })),
      memoryLimitMb: 200,
    }),
  );
  log(`\nfigures: ${join(runDir, `${reportName}.md`)}; picture: ${join(runDir, `${reportName}.html`)}`);
}
