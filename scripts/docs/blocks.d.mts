export interface GeneratedBlock {
  readonly file: string;
  readonly name: string;
  readonly body: string;
}
export function propertiesMarkdown(
  vocabulary: unknown,
  labels: readonly string[],
  truthShapes: unknown,
): string;
export function typologyReferencesMarkdown(
  registry: readonly unknown[],
  references: unknown,
): string;
export function generatedBlocks(code: {
  optionsMarkdown: () => string;
  vocabularyMarkdown: () => string;
  typologiesMarkdown: () => string;
  VOCABULARY: unknown;
  LABELS: readonly string[];
  patternShape: unknown;
  eventLabelShape: unknown;
  TYPOLOGY_REGISTRY: readonly unknown[];
  TYPOLOGY_REFERENCES: unknown;
}): GeneratedBlock[];
export function blockOf(text: string, name: string): string | undefined;
export function withBlock(text: string, name: string, body: string): string;
