import type { Root } from 'mdast';
import { timeoutOf } from '../model/build.js';
import { messages } from '../model/messages.js';
import type { ParseContext } from './context.js';
import { parseMarkdown, ParseOverdue } from './markdown.js';

/** A build's clock: when it began (`performance.now()`) and the command line's timeout (ms), over `timeout:`. */
export interface ParseBudget {
  since: number;
  timeout?: number;
}

/**
 * The Markdown's tree; none, with an error on the line the parse reached, when the build's timeout (the
 * command line's, else `frontmatterSeconds`, else the default) is up first. Without a budget, no limit.
 */
export function parseOnTime(ctx: ParseContext, budget?: ParseBudget, frontmatterSeconds?: number): Root | undefined {
  const timeout = budget && timeoutOf(budget.timeout, frontmatterSeconds);
  try {
    return parseMarkdown(ctx.source, undefined, budget && budget.since + timeout!);
  } catch (error) {
    if (!(error instanceof ParseOverdue)) throw error;
    ctx.error({ line: error.line, column: 1 }, messages.parseOverdue(timeout! / 1000), messages.timeoutHint);
    return undefined;
  }
}
