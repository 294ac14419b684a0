import { Global, Module } from '@nestjs/common';
import path from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { LocalDiskStorage } from './local-disk-storage.js';
import { OBJECT_STORAGE, type ObjectStorage } from './object-storage.js';
import { S3Storage } from './s3-storage.js';

@Global()
@Module({
  providers: [
    {
      provide: OBJECT_STORAGE,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<ObjectStorage> => {
        const storage = config.s3 ? new S3Storage(config.s3) : new LocalDiskStorage(path.join(config.dataDir, 'materials'));
        await storage.check();
        return storage;
      },
    },
  ],
  exports: [OBJECT_STORAGE],
})
export class StorageModule {}
