export declare const LANGUAGES: string[];
type Json = { [key: string]: unknown };
export declare function flatten(obj: Json, prefix?: string, out?: Record<string, unknown>): Record<string, unknown>;
export declare function placeholders(text: string): string[];
export declare function compareLanguages(files: Record<string, Json>): string[];
export declare function keysUsedInSource(srcDir: string): { literal: string[]; prefixes: string[] };
export declare function checkUsedKeys(en: Json, used: { literal: string[]; prefixes: string[] }): string[];
export declare function loadLanguages(dir: string): Record<string, Json>;
export declare function checkAll(webDir: string): string[];
