import { singular, writeName } from '../conventions/layout';
import type { Layer, LayerPlace, ServiceConventions } from '../conventions/types';
import { basename } from '../text';
import type { Endpoint } from './endpoints';

/** A file the plan asks for, placed by the repository's own layout. */
export interface PlannedFile {
  readonly layer: Layer;
  /** The new file's path, written as its siblings are; folder placeholders the plan cannot fill stay. */
  readonly path: string;
  /** True when a file already has that path (it is extended rather than added). */
  readonly exists: boolean;
  /** An existing file of the layer whose name holds the feature: the one to extend when the endpoints belong there. */
  readonly related?: string;
  /** The place it follows. */
  readonly place: LayerPlace;
  /** What each placeholder left in `path` stands for (`<group>`: one of `apis`, `services`). */
  readonly open: readonly { readonly name: string; readonly values: readonly string[] }[];
}

/** Path segments that name no resource: prefixes, versions, parameters. */
const NOT_A_RESOURCE = /^(?:api|apis|rest|v\d+(?:\.\d+)?|public|private|internal|admin|\{[^}]*\}|:.+|<[^>]*>|\[[^\]]*\])$/i;

/**
 * The words naming what a SPEC is about: the resource segment of its endpoints its ID names, else
 * the one most endpoints start with (`/api/v1/order-items/{id}` gives `order items`), else its ID
 * without the number (`SPEC-COUPON-001` gives `coupon`).
 */
export function featureWords(specId: string, endpoints: readonly Endpoint[]): string[] {
  const counts = new Map<string, number>();
  for (const e of endpoints) {
    const segment = e.path.split('/').find((s) => s !== '' && !NOT_A_RESOURCE.test(s));
    if (segment) counts.set(segment, (counts.get(segment) ?? 0) + 1);
  }
  // The ID says what the SPEC is about when its endpoints touch several resources (`/articles/{slug}/bookmark` of BOOKMARKS-601).
  const idWords = specId.replace(/^SPEC-/i, '').replace(/-\d+[A-Za-z0-9-]*$/, '');
  const norm = (w: string): string => singular(w.toLowerCase().replace(/[^a-z0-9]/g, ''));
  const named = [...counts.keys()].find((segment) => norm(segment) === norm(idWords));
  const top = named ?? [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const source = top ?? idWords;
  return source
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

/** Layers in the order a plan lists them. */
export const LAYER_ORDER: readonly Layer[] = ['handler', 'route', 'service', 'repository', 'model', 'schema', 'middleware', 'test', 'migration'];

/** The extensions of code, before configuration and mapper XML: a DAO's Java before its XML. */
const isCode = (template: string): boolean => /\.(?:py|[cm]?[jt]sx?|go|java|kt|scala|php|rs)$/.test(template);

/**
 * The files a SPEC's plan asks for, one per layer the service has: the layer's main place
 * (the service's own before a library's, the most files, code before XML) filled in with the
 * feature's name as that place writes names. Migrations are named by their tool, not here.
 */
export function plannedFiles(conventions: ServiceConventions, words: readonly string[], endpoints: readonly Endpoint[] = [], served: readonly ServedBy[] = []): Map<Layer, PlannedFile[]> {
  const out = new Map<Layer, PlannedFile[]>();
  const existing = new Set(conventions.layers.flatMap((p) => p.files));
  const features = conventions.layers.filter((p) => p.root === conventions.root && p.template.includes('<feature>') && p.count >= 3 && (p.layer === 'handler' || p.layer === 'service' || p.layer === 'model'));
  const action = actionOf(endpoints);
  for (const layer of LAYER_ORDER) {
    if (layer === 'migration' || layer === 'middleware') continue;
    const places = conventions.layers.filter((p) => p.layer === layer);
    if (places.length === 0) continue;
    // The place most files follow; the service's own when it holds a third as many (a library lends its data access).
    const most = Math.max(...places.map((p) => p.count));
    const ownRoot = (p: LayerPlace): boolean => p.root === conventions.root;
    const weight = (p: LayerPlace): number => (ownRoot(p) && p.count * 3 >= most ? most : 0) + p.count;
    const ranked = [...places].sort((a, b) => weight(b) - weight(a) || Number(isCode(b.template)) - Number(isCode(a.template)));
    const main = ranked[0]!;
    const chosen = [main];
    // A layer written in two files of one name (a MyBatis DAO and its XML, a service and its implementation) asks for both.
    for (const other of ranked.slice(1)) if (other.root === main.root && other.template !== main.template && paired(main, other)) chosen.push(other);
    // Data access kept both in the service and in a library it uses (custom queries here, generated mappers there): both.
    if (layer === 'repository') {
      const second = ownRoot(main) ? ranked.find((p) => !ownRoot(p) && isCode(p.template) && p.count >= 3) : ranked.find((p) => ownRoot(p) && isCode(p.template) && p.count >= 3);
      if (second) {
        chosen.push(second);
        for (const other of ranked) if (other !== second && other.root === second.root && other.template !== second.template && paired(second, other)) chosen.push(other);
      }
    }
    out.set(layer, chosen.map((p) => fill(perFeature(p, features), words, existing, action)));
  }
  const routes = out.get('route');
  if (routes) out.set('route', routes.map((r) => central(r, conventions)));
  const handlers = out.get('handler');
  const serving = handlers && servingFile(conventions, served, endpoints.length);
  if (handlers && serving && !handlers.some((h) => h.path === serving)) out.set('handler', [{ ...handlers[0]!, path: serving, exists: true, open: [] }, ...handlers.slice(1)]);
  const tests = out.get('test');
  const code = out.get('service')?.[0] ?? out.get('handler')?.[0];
  if (tests && code) out.set('test', tests.map((t) => colocated(t, code)));
  return out;
}

/** A route of the service that serves one of the SPEC's endpoints already, by its declaration. */
export interface ServedBy {
  readonly file: string;
  /** The handler's name; none when the handler is written inline, in the declaration itself. */
  readonly handler?: string;
}

/**
 * The file whose handlers serve half or more of the SPEC's `endpoints` already: the rest of the
 * SPEC's handlers belong beside them (one route that happens to match says less). Only a file
 * that holds the handlers themselves (a handler file, or routes written with inline handlers),
 * not a table of routes naming handlers elsewhere (`urls.py`).
 */
function servingFile(conventions: ServiceConventions, served: readonly ServedBy[], endpoints: number): string | undefined {
  const handlerFiles = new Set(conventions.layers.filter((p) => p.layer === 'handler').flatMap((p) => p.files));
  const prefix = conventions.root === '.' ? '' : `${conventions.root}/`;
  const counts = new Map<string, number>();
  for (const r of served) if (r.file.startsWith(prefix) && (handlerFiles.has(r.file) || r.handler === undefined)) counts.set(r.file, (counts.get(r.file) ?? 0) + 1);
  const [file, count] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? ['', 0];
  return count > 0 && count * 2 >= endpoints ? file : undefined;
}

const stem = (path: string): string => basename(path).replace(/\..*$/, '').toLowerCase();

/**
 * Routes kept in a few central files (`routes/api.php`, `routes/web.php`) rather than one per
 * feature (`user.route.js` beside `user.controller.js`): the new routes extend the API's file.
 */
function central(route: PlannedFile, conventions: ServiceConventions): PlannedFile {
  if (!/<(?:name|Name)>/.test(route.place.template)) return route;
  const handlerStems = new Set(conventions.layers.filter((p) => p.layer === 'handler' || p.layer === 'service').flatMap((p) => p.files.map(stem)));
  const shared = route.place.files.filter((f) => [...handlerStems].some((h) => h.includes(stem(f)) || stem(f).includes(h))).length;
  if (shared >= 0.3 * route.place.files.length) return route;
  const main = route.place.files.find((f) => /(?:^|\/)api\.\w+$/.test(f)) ?? route.place.examples[0]!;
  return { layer: route.layer, path: main, exists: true, place: route.place, open: [] };
}

/**
 * Tests that sit beside the code they test (Go's `_test.go`, a `.spec.ts` beside its module),
 * with no test folder of their own: the new test goes beside the new code, named as tests are.
 */
function colocated(test: PlannedFile, code: PlannedFile): PlannedFile {
  const template = test.place.template;
  if (template.split('/').some((segment) => /^(?:tests?|__tests__|specs?|e2e)$/i.test(segment))) return test;
  const name = basename(template);
  const m = /^(.*)<(?:name|Name|feature|group)>(.*)$/.exec(name);
  if (!m) return test;
  const codeName = basename(code.path).replace(/\.[^.]*$/, '');
  // The test's prefix (`sys_` of `sys_<name>_test.go`) may be the code's own already.
  const named = codeName.startsWith(m[1]!) ? codeName : `${m[1]}${codeName}`;
  const path = `${code.path.slice(0, code.path.length - basename(code.path).length)}${named}${m[2]}`;
  return { layer: test.layer, path, exists: false, place: test.place, open: [] };
}

/** A use case's name from the SPEC's first endpoint: its last literal segment after the resource (`archive`), else its method's verb. */
function actionOf(endpoints: readonly Endpoint[]): string {
  const first = endpoints[0];
  if (!first) return 'create';
  const literal = first.path.split('/').filter((s) => s !== '' && !NOT_A_RESOURCE.test(s));
  if (literal.length > 1) return literal[literal.length - 1]!;
  return { GET: /\{|:|</.test(first.path) ? 'get' : 'list', POST: 'create', PUT: 'update', PATCH: 'update', DELETE: 'delete' }[first.method];
}

/** A file's name without its extension and an `Impl` ending, in lower case: what pairs `UmsRoleDao.java` with `UmsRoleDao.xml`. */
const stemOf = (path: string): string => basename(path).replace(/\.[^.]*$/, '').replace(/Impl$/, '').toLowerCase();

/**
 * True when most files of `other` pair by name with files of `main` under another file name: one
 * thing written in two files (`UmsRoleDao.java` and `UmsRoleDao.xml`, `X` and `XImpl`), not the
 * same file kept in two folders (an `urls.py` per app).
 */
function paired(main: LayerPlace, other: LayerPlace): boolean {
  const stems = new Set(main.files.map(stemOf));
  const names = new Set(main.files.map(basename));
  return other.files.filter((f) => stems.has(stemOf(f)) && !names.has(basename(f))).length >= 0.6 * other.files.length;
}

/**
 * A place of one fixed file (`styleguide_example/users/selectors.py`) inside a folder that other
 * layers keep per feature (`styleguide_example/<feature>/models.py`): the file belongs to its
 * feature's folder, so a new feature gets its own.
 */
function perFeature(place: LayerPlace, features: readonly LayerPlace[]): LayerPlace {
  if (place.template.includes('<')) return place;
  const segments = place.template.split('/');
  for (const f of features) {
    const parts = f.template.split('/');
    const index = parts.indexOf('<feature>');
    if (parts.length !== segments.length || index < 0 || !parts.slice(0, index).every((p, i) => p === segments[i])) continue;
    const template = [...segments.slice(0, index), '<feature>', ...segments.slice(index + 1)].join('/');
    return { ...place, template, styles: { ...place.styles, feature: f.styles.feature! }, values: { ...place.values, feature: [segments[index]!] } };
  }
  return place;
}

/**
 * The template as the feature's own folder writes it, when that folder keeps the layer its own
 * way (`topics/use-cases/get-topic/get-topic.use-case.ts` where most features have
 * `usecases/…/….usecase.ts`): the sibling's constant folders and name around the template's placeholders.
 */
function localTemplate(place: LayerPlace, featureAt: number, feature: string): string | undefined {
  if (place.files.some((f) => f.split('/')[featureAt] === feature)) return undefined;
  const parts = place.template.split('/');
  // The kind of file the template names, spelt either way (`.usecase.ts` and `.use-case.ts`).
  const kind = (name: string): string => name.slice(name.lastIndexOf('>') + 1).toLowerCase().replace(/[^a-z0-9]/g, '');
  for (const sibling of place.others ?? []) {
    const own = sibling.split('/');
    if (own[featureAt] !== feature || own.length !== parts.length) continue;
    let name = own[own.length - 1]!;
    const folders = parts.slice(0, -1).map((part, i) => {
      if (!/^<\w+>$/.test(part)) return own[i]!;
      // The sibling's file name repeating this folder (`get-topic` in `get-topic.use-case.ts`) repeats the placeholder.
      if (part !== '<feature>' && name.startsWith(own[i]!)) name = `${part}${name.slice(own[i]!.length)}`;
      return part;
    });
    if (name.includes('<') && kind(name) === kind(parts[parts.length - 1]!)) return [...folders, name].join('/');
  }
  return undefined;
}

/** One place's template with the feature's name written in: `<feature>`, `<Name>`, `<name>`, a use case's folder, and the placeholders left open. */
function fill(given: LayerPlace, words: readonly string[], existing: ReadonlySet<string>, action: string): PlannedFile {
  const open: { name: string; values: readonly string[] }[] = [];
  const featureAt = given.template.split('/').indexOf('<feature>');
  // The feature's own folder when it has one already (`topics` for `topic`), else its name as siblings write theirs.
  const folders = featureAt < 0 ? [] : [...given.files, ...(given.others ?? [])].map((f) => f.split('/')[featureAt]!).filter((v) => v !== undefined);
  const token = singular(words.join('').toLowerCase());
  const feature = folders.find((v) => singular(v.toLowerCase().replace(/[^a-z0-9]/g, '')) === token);
  const place = given;
  const template = (feature === undefined ? undefined : localTemplate(given, featureAt, feature)) ?? place.template;
  const repeated = (name: string): boolean => (template.match(new RegExp(`<${name}>`, 'g')) ?? []).length > 1;
  const path = template.replace(/<(\w+)>/g, (whole, name: string) => {
    const style = place.styles[name];
    if (name === 'feature' && feature) return feature;
    if ((name === 'feature' || name === 'name' || name === 'Name') && style) return writeName(words, style);
    if (repeated(name) && style) return writeName([...action.split(/[^A-Za-z0-9]+/), ...words], style);
    const values = place.values[name] ?? [];
    if (!open.some((o) => o.name === name)) open.push({ name, values });
    return whole;
  });
  const related = place.files
    .filter((f) => f !== path && token.length >= 3 && basename(f).toLowerCase().replace(/[^a-z0-9]/g, '').includes(token))
    .sort((a, b) => basename(a).length - basename(b).length || (a < b ? -1 : 1))[0];
  return { layer: place.layer, path, exists: existing.has(path), ...(related && !existing.has(path) ? { related } : {}), place, open };
}
