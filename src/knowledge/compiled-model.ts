// The diagnosis model for a knowledge base: its classifier compiled at build time when the knowledge matches, else trained now.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { buildDiagnosisModel, trainingFingerprint, type ClassifierState, type DiagnosisModel } from '../core/diagnosis/diagnosis-model.js';
import type { KnowledgeBase } from '../core/knowledge/types.js';
import { projectRoot } from '../shared/project-root.js';

/** Where `npm run build` compiles the shipped knowledge base's classifier. */
export const COMPILED_MODELS = join(projectRoot(), 'dist', 'knowledge-model');

/** Classifiers trained in this process, by knowledge fingerprint (tests start many servers on one knowledge base). */
const trainedHere = new Map<string, ClassifierState>();

const keyOf = (kb: KnowledgeBase) => createHash('sha256').update(trainingFingerprint(kb)).digest('hex').slice(0, 32);
const fileOf = (dir: string, key: string) => join(dir, `${key}.model`);

export interface OpenedModel {
  readonly model: DiagnosisModel;
  /** How the classifier came to be: read from the compiled file, reused in this process, or trained now. */
  readonly source: 'compiled' | 'memory' | 'trained';
}

/**
 * The diagnosis model for `kb`. The classifier is read from `compiledDir` when a file compiled from
 * exactly this knowledge is there (the key is a hash of everything it is trained on), else trained
 * (most of a second) and kept for the rest of the process. A file that cannot be read is ignored.
 */
export async function openDiagnosisModel(kb: KnowledgeBase, compiledDir: string): Promise<OpenedModel> {
  const key = keyOf(kb);
  const remembered = trainedHere.get(key);
  if (remembered) return { model: buildDiagnosisModel(kb, { trained: remembered }), source: 'memory' };
  const stored = await readFile(fileOf(compiledDir, key)).then((bytes) => deserialize(bytes) as ClassifierState, () => null);
  const model = buildDiagnosisModel(kb, stored ? { trained: stored } : {});
  trainedHere.set(key, model.classifier.state);
  return { model, source: stored ? 'compiled' : 'trained' };
}

/**
 * Trains the classifier for `kb` and writes it to `compiledDir` (atomically), removing models compiled
 * from earlier versions of the knowledge; resolves with the file's path.
 */
export async function compileDiagnosisModel(kb: KnowledgeBase, compiledDir: string): Promise<string> {
  const model = buildDiagnosisModel(kb);
  await mkdir(compiledDir, { recursive: true });
  const path = fileOf(compiledDir, keyOf(kb));
  await writeFile(`${path}.tmp`, serialize(model.classifier.state));
  await rename(`${path}.tmp`, path);
  for (const name of await readdir(compiledDir)) if (name.endsWith('.model') && join(compiledDir, name) !== path) await rm(join(compiledDir, name), { force: true });
  return path;
}
