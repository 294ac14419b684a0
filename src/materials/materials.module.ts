import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CaseTask } from '../cases/case-task.entity.js';
import { Case } from '../cases/case.entity.js';
import { RequiredMaterial } from '../catalog/required-material.entity.js';
import { CaseMaterial } from './case-material.entity.js';
import { MaterialChecklistService } from './material-checklist.service.js';
import { MaterialSubmission } from './material-submission.js';
import { MaterialsController } from './materials.controller.js';
import { MaterialsService } from './materials.service.js';
import { CasePaperMaterial } from './case-paper-material.entity.js';
import { PaperMaterialsService } from './paper-materials.service.js';
import { ResumableUpload } from './resumable/resumable-upload.entity.js';
import { ResumableUploadsController } from './resumable/resumable-uploads.controller.js';
import { ResumableUploadsService } from './resumable/resumable-uploads.service.js';
import { tusProtocol } from './resumable/tus-protocol.js';
import { UploadSweeper } from './resumable/upload-sweeper.js';
import { SupplementationNotice } from './supplementation-notice.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([CaseMaterial, Case, CaseTask, RequiredMaterial, SupplementationNotice, ResumableUpload, CasePaperMaterial]), AuditModule],
  controllers: [MaterialsController, ResumableUploadsController],
  providers: [MaterialsService, MaterialSubmission, MaterialChecklistService, PaperMaterialsService, ResumableUploadsService, UploadSweeper],
  exports: [MaterialSubmission, MaterialsService, PaperMaterialsService],
})
export class MaterialsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(tusProtocol).forRoutes(ResumableUploadsController);
  }
}
