import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerMessage, WorkerTask } from './bounded.js';
import { parseResume } from './index.js';

/** The worker `parseResumeBounded` starts: parses the file it is given, telling each line it reaches on the way. */
const { source, file, elapsed, timeout } = workerData as WorkerTask;
const post = (message: WorkerMessage): void => parentPort!.postMessage(message);
const since = elapsed === undefined ? undefined : performance.now() - elapsed;
post({ result: parseResume(source, file, { since, timeout, reached: (line) => post({ line }) }) });
