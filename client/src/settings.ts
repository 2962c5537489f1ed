import * as vscode from 'vscode';

/** The `specchain.*` settings as the server receives them in `initializationOptions`. */
export interface SpecChainSettings {
  readonly specGlobs?: readonly string[];
  readonly tagTypes?: readonly string[];
  readonly rules?: Readonly<Record<string, string>>;
  readonly exclude?: readonly string[];
  readonly maxFileSize?: number;
}

/**
 * Reads the settings of the `specchain` section. Only keys with a value are passed so the
 * server's own defaults and validation (`resolveConfig`) stay the single source of truth.
 */
export function readSettings(scope?: vscode.ConfigurationScope): SpecChainSettings {
  const config = vscode.workspace.getConfiguration('specchain', scope);
  const trusted = vscode.workspace.isTrusted;
  const settings: Record<string, unknown> = {};
  for (const key of ['specGlobs', 'tagTypes', 'rules', 'exclude', 'maxFileSize'] as const) {
    // An untrusted folder's own settings must not change what the server reads: only the user's count.
    const value = trusted || !READ_SHAPING.includes(key) ? config.get<unknown>(key) : config.inspect<unknown>(key)?.globalValue;
    if (value !== undefined && value !== null) settings[key] = value;
  }
  return settings as SpecChainSettings;
}

/** Settings that decide which files are read; in an untrusted workspace only their user-level values apply. */
export const READ_SHAPING: readonly string[] = ['specGlobs', 'exclude', 'maxFileSize'];

/**
 * Answers the server's `workspace/configuration` requests for `specchain` with `readSettings`,
 * so that the untrusted-workspace rule holds for pulled settings too.
 */
export function configurationItems(items: readonly { readonly section?: string; readonly scopeUri?: string }[]): unknown[] {
  return items.map((item) => (item.section === 'specchain' ? readSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined) : null));
}
