// Calls an admin endpoint of the running service: `analysis-reload` (apply changed synonym lists and
// analysis, no downtime) or `tags-rebuild` (re-read the taxonomy and re-tag every article in place).
const actions: Record<string, string> = { 'analysis-reload': '/admin/analysis/reload', 'tags-rebuild': '/admin/tags/rebuild' };
const action = process.argv[2] ?? '';
const path = actions[action];
if (!path) {
  console.error(`usage: node dist/src/cli/call-admin.js ${Object.keys(actions).join('|')}`);
  process.exit(2);
}
const apiUrl = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`;
const key = process.env.ADMIN_API_KEY;
if (!key) {
  console.error('ADMIN_API_KEY must be set (the same key the service was started with)');
  process.exit(2);
}
console.error(`${action}: POST ${apiUrl}${path} …`);
const started = Date.now();
const response = await fetch(`${apiUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}` } }).catch((error: Error) => {
  console.error(`no service answers at ${apiUrl}: ${error.message}`);
  process.exit(1);
});
console.log(JSON.stringify(await response.json(), null, 2));
console.error(`${action}: ${response.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(response.ok ? 0 : 1);
