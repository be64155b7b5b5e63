import {
  GROUND_TRUTH_TABLES,
  labelTable,
  LABELS,
  VOCABULARY,
  type Label,
  type PropertyKind,
  type TableSpec,
} from '../../model/index.js';
import type { WrittenFile } from './row-writer.js';

/** Written beside CSV output: what each column is, so CSV readers need not guess. */
export const DATA_PACKAGE_FILE = 'datapackage.json';

/**
 * Table Schema type of each property kind. CSV cells hold lists and nested values as JSON text
 * (`array` is a JSON array; `json` values may be arrays or objects, hence `any`), booleans as
 * true/false, timestamps as ISO-8601 UTC with milliseconds.
 */
const FIELD_TYPE: Readonly<Record<PropertyKind, { type: string; format?: string }>> = {
  keyword: { type: 'string' },
  name: { type: 'string' },
  text: { type: 'string' },
  long: { type: 'integer' },
  double: { type: 'number' },
  boolean: { type: 'boolean' },
  timestamp: { type: 'datetime', format: 'any' },
  date: { type: 'date' },
  keywords: { type: 'array' },
  json: { type: 'any' },
};

interface TableField {
  readonly name: string;
  readonly type: string;
  readonly format?: string;
  readonly description: string;
  readonly constraints?: { readonly required: true };
  readonly trueValues?: readonly string[];
  readonly falseValues?: readonly string[];
}

function isLabel(name: string): name is Label {
  return (LABELS as readonly string[]).includes(name);
}

function tableOf(file: WrittenFile): TableSpec | undefined {
  if (isLabel(file.label)) return labelTable(file.label);
  return file.label in GROUND_TRUTH_TABLES
    ? GROUND_TRUTH_TABLES[file.label as keyof typeof GROUND_TRUTH_TABLES]
    : undefined;
}

function fieldsOf(table: TableSpec): TableField[] {
  return table.columns.map((column): TableField => {
    const property = table.shape[column];
    if (property === undefined)
      // from_id and to_id: the endpoints every edge row adds after its key.
      return {
        name: column,
        type: 'string',
        description: column === 'from_id' ? 'id of the out-vertex' : 'id of the in-vertex',
        constraints: { required: true },
      };
    return {
      name: column,
      ...FIELD_TYPE[property.kind],
      description: property.description,
      ...(property.optional ? {} : { constraints: { required: true } }),
      ...(property.kind === 'boolean' ? { trueValues: ['true'], falseValues: ['false'] } : {}),
    };
  });
}

/** Edge endpoints that reference one vertex label whose file is in the package. */
function foreignKeysOf(label: Label, present: ReadonlySet<string>) {
  const definition = VOCABULARY[label];
  if (definition.kind !== 'edge') return [];
  const keys = [];
  for (const [field, ends] of [
    ['from_id', definition.from],
    ['to_id', definition.to],
  ] as const) {
    const [only] = ends;
    if (ends.length === 1 && only !== undefined && present.has(only))
      keys.push({ fields: field, reference: { resource: only, fields: VOCABULARY[only].key } });
  }
  return keys;
}

/**
 * The Frictionless Data Package descriptor (tabular-data-package) of the CSV files of a run:
 * one resource per file, its Table Schema generated from the model — so `account_number` is a
 * string, leading zeros and all, and `amount` a number. Undefined when no CSV was written.
 * Deterministic: no time, only the files' names, sizes and hashes.
 */
export function dataPackage(files: readonly WrittenFile[]) {
  const csv = files
    .filter((file) => file.format === 'csv')
    .sort((a, b) => a.path.localeCompare(b.path));
  if (csv.length === 0) return undefined;
  const present = new Set(csv.map((file) => file.label));
  return {
    profile: 'tabular-data-package',
    name: 'fingraph-bank',
    resources: csv.flatMap((file) => {
      const table = tableOf(file);
      if (table === undefined) return [];
      const key = isLabel(file.label) ? VOCABULARY[file.label].key : undefined;
      const foreignKeys = isLabel(file.label) ? foreignKeysOf(file.label, present) : [];
      return [
        {
          name: file.label,
          path: file.path,
          profile: 'tabular-data-resource',
          format: 'csv',
          mediatype: 'text/csv',
          encoding: 'utf-8',
          bytes: file.bytes,
          hash: `sha256:${file.sha256}`,
          dialect: { delimiter: ',', header: true, quoteChar: '"', doubleQuote: true },
          schema: {
            fields: fieldsOf(table),
            missingValues: [''],
            ...(key !== undefined ? { primaryKey: key } : {}),
            ...(foreignKeys.length > 0 ? { foreignKeys } : {}),
          },
        },
      ];
    }),
  };
}
