import { asksForHelp, exitWithUsage } from './usage.js';
// Calls an admin endpoint of the running service: `analysis-reload` (apply changed synonym lists and
// analysis, no downtime) or `tags-rebuild` (re-read the taxonomy and re-tag every article in place).
// Both run as tasks: this follows the task to its end, printing its progress, and Ctrl-C cancels it.
const actions: Record<string, string> = { 'analysis-reload': '/admin/analysis/reload', 'tags-rebuild': '/admin/tags/rebuild' };
const action = process.argv[2] ?? '';
const path = actions[action];
const USAGE = `node dist/src/cli/call-admin.js ${Object.keys(actions).join('|')}`;
if (asksForHelp(process.argv.slice(2))) exitWithUsage(USAGE);
if (!path) exitWithUsage(USAGE, action ? `unknown action: ${action}` : 'no action given');
const apiUrl = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`;
const key = process.env.ADMIN_API_KEY;
if (!key) {
  console.error('ADMIN_API_KEY must be set (the same key the service was started with)');
  process.exit(2);
}
const headers = { authorization: `Bearer ${key}` };
const call = async (target: string, method = 'GET') =>
  fetch(`${apiUrl}${target}`, { method, headers }).catch((error: Error) => {
    console.error(`no service answers at ${apiUrl}: ${error.message}`);
    process.exit(1);
  });

interface Task {
  id: string;
  state: 'running' | 'succeeded' | 'failed' | 'cancelled';
  progress: Record<string, unknown> | null;
}

console.error(`${action}: POST ${apiUrl}${path} …`);
const started = Date.now();
const response = await call(path, 'POST');
if (response.status !== 202) {
  console.log(JSON.stringify(await response.json(), null, 2));
  console.error(`${action}: ${response.status}`);
  process.exit(1);
}
let task = (await response.json()) as Task;
console.error(`${action}: task ${task.id} (${apiUrl}/admin/tasks/${task.id}); Ctrl-C cancels it`);
process.once('SIGINT', () => void call(`/admin/tasks/${task.id}/cancel`, 'POST').then(() => console.error(`${action}: cancellation asked`)));
let shown = '';
while (task.state === 'running') {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  task = (await (await call(`/admin/tasks/${task.id}`)).json()) as Task;
  const progress = JSON.stringify(task.progress);
  if (task.progress && progress !== shown) console.error(`${action}: ${progress}`);
  shown = progress;
}
console.log(JSON.stringify(task, null, 2));
console.error(`${action}: ${task.state} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(task.state === 'succeeded' ? 0 : 1);
