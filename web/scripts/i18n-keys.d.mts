export declare const LANGUAGES: string[];
type Json = { [key: string]: unknown };
export declare function flatten(obj: Json, prefix?: string, out?: Record<string, unknown>): Record<string, unknown>;
export declare function placeholders(text: string): string[];
export declare function compareLanguages(files: Record<string, Json>, label?: (lang: string) => string): string[];
export declare function keysUsedInSource(srcDir: string): { literal: string[]; prefixes: string[] };
export declare function checkUsedKeys(en: Json, used: { literal: string[]; prefixes: string[] }): string[];
export interface Bundle {
  dir: string;
  files: Record<string, Json>;
  problems: string[];
}
export declare function loadBundles(srcDir: string): Bundle[];
export declare function duplicateKeys(bundles: Bundle[]): string[];
export declare function mergeObjects(into: Json, from: Json): Json;
export declare function loadLanguages(srcDir: string): Record<string, Json>;
export declare function checkAll(webDir: string): string[];
export declare const PLURAL_FORMS: string[];
export declare function pluralForm(key: string): { base: string; form: string } | null;
export declare function logicalKeys(flat: Record<string, unknown>): Map<string, Set<string>>;
