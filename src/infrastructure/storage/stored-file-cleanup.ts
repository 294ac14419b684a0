import type { Logger } from '@nestjs/common';
import type { ObjectStorage } from './object-storage.js';

/** Removes an object that is no longer wanted; a failure only leaves an orphan file behind, so it is logged, not thrown. */
export async function removeQuietly(storage: ObjectStorage, storageKey: string, logger: Logger): Promise<void> {
  await storage.remove(storageKey).catch((error: Error) => logger.warn(`could not remove ${storageKey}: ${error.message}`));
}

/** Runs `work`; if it fails, the object it was to record is removed before the error goes on. */
export async function removingOnFailure<T>(storage: ObjectStorage, storageKey: string, logger: Logger, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await removeQuietly(storage, storageKey, logger);
    throw error;
  }
}
