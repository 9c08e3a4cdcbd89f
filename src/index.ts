export { build, prepareBuild, type BuildOptions, type BuildResult, type Prepared } from './build.js';
export { formatDiagnostic, hasErrors, type Diagnostic } from './model/diagnostic.js';
export type * from './model/resume.js';
export { frontmatterSchema, type Frontmatter } from './model/schema.js';
export { parseResume, type ParseResult } from './parse/index.js';
export { listThemes, loadTheme, renderHtml, renderLatex, type Theme } from './render/index.js';
export { validate, type ValidateResult } from './validate.js';
export { typesetPdf, type TypesetOptions, type TypesetResult } from './typeset/engine.js';
