import type { Root } from 'mdast';
import { timeoutOf } from '../model/build.js';
import { messages } from '../model/messages.js';
import type { ParseContext } from './context.js';
import { parseMarkdown } from './markdown.js';
import { ParseOverdue } from './reading.js';

/**
 * A build's clock: when it began (`performance.now()`; none, no limit) and the command line's timeout (ms), over
 * `timeout:`.
 */
export interface ParseBudget {
  since?: number;
  timeout?: number;
  /** Told the line (1-based) each part of the Markdown starts at, before it is read. */
  reached?: (line: number) => void;
}

/**
 * The Markdown's tree; none, with an error on the line the parse reached, when the build's timeout (the
 * command line's, else `frontmatterSeconds`, else the default) is up first. Without a budget, no limit.
 */
export function parseOnTime(ctx: ParseContext, budget?: ParseBudget, frontmatterSeconds?: number): Root | undefined {
  const timeout = timeoutOf(budget?.timeout, frontmatterSeconds);
  const deadline = budget?.since === undefined ? undefined : budget.since + timeout;
  try {
    return parseMarkdown(ctx.source, undefined, deadline, budget?.reached);
  } catch (error) {
    if (!(error instanceof ParseOverdue)) throw error;
    ctx.error({ line: error.line, column: 1 }, messages.parseOverdue(timeout / 1000), messages.timeoutHint);
    return undefined;
  }
}
