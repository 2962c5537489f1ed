/**
 * The conventions of a repository's services, read from its code: where each layer lives and
 * how files are named there, the libraries in use, migrations, authentication, errors, paging
 * and tests, each fact with its file and line. Pure: the facts come from the index.
 */
export { readConventions, type ConventionsInput } from './read';
export { scanCode } from './scan';
export type { Citation, CodeFact, Layer, LayerPlace, LibraryUse, MigrationFact, NameStyle, ServiceConventions, WorkspaceLibrary } from './types';
