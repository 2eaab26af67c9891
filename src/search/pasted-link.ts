/** A host and a path without a scheme, as a browser's address bar shows them (arabic.cnn.com/middle-east/…); a host alone is a word (bbc.com). */
const BARE_HOST_AND_PATH = /^(?:[a-z0-9-]+\.)+[a-z]{2,}\/[^/\s]\S*$/iu;

/**
 * The forms an article's link may be stored in, when `q` is one link (http or https, beginning
 * with www., or a host and a path), or undefined. Outlets' links are stored as their feeds gave them, and a reader pastes
 * what the browser shows, so the forms cover both sides' differences: http or https, with or without
 * www., the path percent-encoded or in its own letters (a France 24 link is stored with Arabic words,
 * a browser copies them encoded), with or without a trailing slash, with or without the query
 * (tracking parameters a share button adds): 32 forms at most. The fragment is never part of the
 * article's address.
 */
export function linkFormsOf(q: string): string[] | undefined {
  const typed = q.trim();
  if (/\s/u.test(typed) || !(/^(?:https?:\/\/|www\.)\S+\.\S/iu.test(typed) || BARE_HOST_AND_PATH.test(typed))) return undefined;
  let link: URL;
  try {
    link = new URL(/^https?:\/\//iu.test(typed) ? typed : `https://${typed}`);
  } catch {
    return undefined;
  }
  if (link.username || link.password) return undefined;
  const bareHost = link.host.replace(/^www\./u, '');
  const hosts = [bareHost, `www.${bareHost}`];
  const encodedPath = link.pathname;
  const paths = [encodedPath, lettersOf(encodedPath)].flatMap((path) =>
    path === '/' ? [path, ''] : [path.replace(/\/$/u, ''), `${path.replace(/\/$/u, '')}/`],
  );
  const queries = link.search ? [link.search, ''] : [''];
  const forms = new Set<string>();
  for (const scheme of ['https', 'http'])
    for (const host of hosts) for (const path of paths) for (const query of queries) forms.add(`${scheme}://${host}${path}${query}`);
  return [...forms];
}

/** A percent-encoded path in its own letters; as it is where it does not decode. */
function lettersOf(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
