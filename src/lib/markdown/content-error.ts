/**
 * What a Markdown plugin throws when the content itself is wrong (not the plugin): each problem already says where
 * (line in the source file) and how to fix it. src/integrations/markdown-errors.ts reports them one by one.
 */
export class ContentError extends Error {
  readonly problems: readonly { line?: number; message: string }[];
  constructor(problems: readonly { line?: number; message: string }[]) {
    super(problems.map((p) => `${p.line ? `line ${p.line}: ` : ''}${p.message}`).join('\n'));
    this.name = 'ContentError';
    this.problems = problems;
  }
}
