/** An error the TeX log reports, with the line of the .tex file it happened on. */
export interface LogProblem {
  texLine?: number;
  message: string;
  /** The log lines around it that explain it. */
  context: string[];
}

/** Reads the errors out of a pdflatex log written with `-file-line-error`. */
export function readLog(log: string): LogProblem[] {
  const lines = log.split(/\r?\n/);
  const problems: LogProblem[] = [];
  lines.forEach((line, i) => {
    const fileLine = /^[^:\s]*\.tex:(\d+): (.*)$/.exec(line);
    const bare = /^! (.*)$/.exec(line);
    if (fileLine) problems.push({ texLine: Number(fileLine[1]), message: fileLine[2]!, context: lines.slice(i + 1, i + 4).filter((l) => l.trim() !== '') });
    else if (bare && !problems.some((p) => p.message === bare[1])) problems.push({ message: bare[1]!, context: lines.slice(i + 1, i + 4).filter((l) => l.trim() !== '') });
  });
  return problems;
}
