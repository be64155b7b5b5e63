export const TYPOLOGY_REFERENCES: Readonly<
  Record<string, { follows: string; invariant: string; test: string }>
>;
