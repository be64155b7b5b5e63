import { z } from 'zod';

/**
 * The storage kinds a property can have. One kind decides the zod validator, the JanusGraph data
 * type, the OpenSearch mapping and the CSV/Parquet column type, so those never disagree.
 */
export const PROPERTY_KINDS = [
  'keyword', // exact string: ids, codes, enums — aggregatable
  'name', // a person's or company's name: full text plus an exact sub-field
  'text', // free text: subjects, bodies, descriptions
  'long', // whole number
  'double', // floating point: amounts, scores
  'boolean',
  'timestamp', // instant, ISO-8601 UTC with milliseconds in files and OpenSearch, Date in JanusGraph
  'date', // calendar date, YYYY-MM-DD
  'keywords', // list of exact strings
  'json', // structured value (nested list/object); JSON text where the store has no objects
] as const;

export type PropertyKind = (typeof PROPERTY_KINDS)[number];

interface KindTypes {
  keyword: string;
  name: string;
  text: string;
  long: number;
  double: number;
  boolean: boolean;
  timestamp: string;
  date: string;
  keywords: readonly string[];
  json: unknown;
}

/** Describes one property: its kind, whether it may be null, and what it means. */
export interface PropertyDescriptor<
  K extends PropertyKind = PropertyKind,
  O extends boolean = boolean,
> {
  readonly kind: K;
  readonly optional: O;
  readonly description: string;
}

export type PropertyShape = Readonly<Record<string, PropertyDescriptor>>;

/** The TypeScript value type of a shape: optional properties are `T | null`, never absent. */
export type ShapeValues<S extends PropertyShape> = {
  readonly [P in keyof S]: S[P] extends PropertyDescriptor<infer K, infer O>
    ? O extends true
      ? KindTypes[K] | null
      : KindTypes[K]
    : never;
};

function descriptor<K extends PropertyKind>(kind: K) {
  return (description: string): PropertyDescriptor<K, false> => ({
    kind,
    optional: false,
    description,
  });
}

/** Property constructors, e.g. `p.keyword('ISO-2 country of registration')`. */
export const p = {
  keyword: descriptor('keyword'),
  name: descriptor('name'),
  text: descriptor('text'),
  long: descriptor('long'),
  double: descriptor('double'),
  boolean: descriptor('boolean'),
  timestamp: descriptor('timestamp'),
  date: descriptor('date'),
  keywords: descriptor('keywords'),
  json: descriptor('json'),
  /** Marks a property as nullable. */
  optional<K extends PropertyKind>(d: PropertyDescriptor<K, false>): PropertyDescriptor<K, true> {
    return { ...d, optional: true };
  },
};

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function kindValidator(kind: PropertyKind): z.ZodType {
  switch (kind) {
    case 'keyword':
    case 'name':
    case 'text':
      return z.string();
    case 'long':
      return z.number().int();
    case 'double':
      return z.number().refine(Number.isFinite, 'must be finite');
    case 'boolean':
      return z.boolean();
    case 'timestamp':
      return z.string().regex(ISO_TIMESTAMP, 'must be ISO-8601 UTC with milliseconds');
    case 'date':
      return z.iso.date();
    case 'keywords':
      return z.array(z.string());
    case 'json':
      return z.json();
  }
}

/** Builds the strict zod validator of a shape. */
export function zodOf(shape: PropertyShape): z.ZodObject {
  const fields: Record<string, z.ZodType> = {};
  for (const [name, d] of Object.entries(shape)) {
    const base = kindValidator(d.kind);
    fields[name] = d.optional ? base.nullable() : base;
  }
  return z.strictObject(fields);
}
