export { resumeToJsonResume, type ExportResult } from './export.js';
export { jsonResumeToMarkdown, type ImportResult } from './import.js';
export { readJson } from './read.js';
