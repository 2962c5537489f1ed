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
  const settings: Record<string, unknown> = {};
  for (const key of ['specGlobs', 'tagTypes', 'rules', 'exclude', 'maxFileSize'] as const) {
    const value = config.get<unknown>(key);
    if (value !== undefined && value !== null) settings[key] = value;
  }
  return settings as SpecChainSettings;
}
