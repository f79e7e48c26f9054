/**
 * For the renderer's tests only: the real LabService in-process (in-memory storage, jobs done in
 * the calling thread), so stores and components are tested against real runs and real traces.
 * Never imported by the app.
 */
import { LabService } from '../../../src-main/service/lab-service.ts';
import { MemoryStorage } from '../../../src-main/service/storage.ts';
import { InlineCompute } from '../../../src-main/service/jobs.ts';
import { engines } from '../../../src-main/service/engines.ts';
import type { PackFiles } from '../../../src-main/service/packs.ts';

/** A LabService over memory, with the given packs as the built-in ones. */
export function inProcessLab(packs: PackFiles[] = []): LabService {
  return new LabService({
    storage: new MemoryStorage(),
    compute: new InlineCompute(engines),
    builtinPacks: async () => packs,
  });
}
