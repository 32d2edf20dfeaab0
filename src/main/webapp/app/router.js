// A hash router: "#/clients/42?tab=x" → the route whose path is "clients/:id", params { id: "42" }, query { tab }.
// Hash URLs need nothing from the server (every screen is index.html), and Back/Forward work as people expect.

export function match(routes, hash = location.hash) {
  const [pathPart, queryPart = ''] = hash.replace(/^#\/?/, '').split('?');
  const segments = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  const query = Object.fromEntries(new URLSearchParams(queryPart));
  for (const route of routes) {
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) {
      continue;
    }
    const params = {};
    const fits = pattern.every((part, i) => {
      if (part.startsWith(':')) {
        params[part.slice(1)] = segments[i];
        return true;
      }
      return part === segments[i];
    });
    if (fits) {
      return { route, params, query, path: segments.join('/') };
    }
  }
  return { route: null, params: {}, query, path: segments.join('/') };
}

/** "clients/new", { mobile: "9123 4567" } → "#/clients/new?mobile=9123+4567" */
export function link(path, query) {
  const params = new URLSearchParams();
  Object.entries(query || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      params.append(name, value);
    }
  });
  const text = params.toString();
  return `#/${path}${text ? `?${text}` : ''}`;
}

export function go(path, query) {
  const target = link(path, query);
  if (location.hash === target) {
    window.dispatchEvent(new HashChangeEvent('hashchange'));  // same place again: render it afresh
  } else {
    location.hash = target;
  }
}
