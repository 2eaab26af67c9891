// Applies changed synonym lists and analysis settings to the running service, with no downtime:
// asks its admin endpoint, which builds a new index version and moves the alias when it is ready.
const apiUrl = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`;
const key = process.env.ADMIN_API_KEY;
if (!key) {
  console.error('ADMIN_API_KEY must be set (the same key the service was started with)');
  process.exit(2);
}
const response = await fetch(`${apiUrl}/admin/analysis/reload`, { method: 'POST', headers: { authorization: `Bearer ${key}` } }).catch(
  (error: Error) => {
    console.error(`no service answers at ${apiUrl}: ${error.message}`);
    process.exit(1);
  },
);
const body = (await response.json()) as Record<string, unknown>;
console.log(JSON.stringify(body, null, 2));
process.exit(response.ok ? 0 : 1);
