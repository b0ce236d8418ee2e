/** What every source reader (WordPress, Jekyll, Hugo) hands to the importer: one post, still in its own dialect. */
export type SourceKind = 'wordpress' | 'jekyll' | 'hugo';
export const SOURCE_KINDS: readonly SourceKind[] = ['wordpress', 'jekyll', 'hugo'];

export interface SourcePost {
  /** File (and, for WordPress, item) the post came from, for the report. */
  file: string;
  title?: string;
  /** Publication date as written in the source (YYYY-MM-DD…), validated later. */
  date?: string;
  updated?: string;
  draft: boolean;
  /** Why the post counts as unpublished (status, draft flag, _drafts folder…), for the report. */
  draftReason?: string;
  /** A slug to build the new file name from (post_name, file name, `slug:`). */
  slug?: string;
  /** The post's path on the old site (root-relative, as readers linked to it). */
  path?: string;
  /** Extra old paths that should redirect too (Hugo/Jekyll aliases, redirect_from). */
  aliases: string[];
  /** WordPress post id: old links of the form /?p=<id> reach the article through it. */
  wordpressId?: number;
  authors: string[];
  categories: string[];
  tags: string[];
  excerpt?: string;
  licence?: string;
  body: string;
  format: 'html' | 'markdown';
}

/** A problem a reader found in one source file: the post is skipped, or imported with a note. */
export interface SourceIssue {
  file: string;
  kind: 'skipped' | 'needs-human';
  class: string;
  message: string;
}

export interface SourceArchive {
  kind: SourceKind;
  /** Origin of the old site (https://old.example) when the source says it. */
  origin?: string;
  /** A base path the old site lived under ("/blog"), stripped from old paths. */
  basePath?: string;
  posts: SourcePost[];
  issues: SourceIssue[];
}
