import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { IsNull, Repository } from 'typeorm';
import { type Actor } from '../common/actor.js';
import { AppError, notFound } from '../common/app-error.js';
import { CaseTask } from '../cases/case-task.entity.js';
import { Case } from '../cases/case.entity.js';
import { assertCanRead, assertIsApplicant } from '../cases/case-access.js';
import { RequiredMaterial } from '../catalog/required-material.entity.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../infrastructure/storage/object-storage.js';
import { CaseMaterial } from './case-material.entity.js';
import { receiveFile } from './multipart-file.js';

/** 300 MiB: the largest material file accepted. */
export const MAX_MATERIAL_BYTES = 314_572_800;

export interface StoredMaterial {
  id: string;
  requiredMaterialId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: Date;
}

@Injectable()
export class MaterialsService {
  private readonly logger = new Logger(MaterialsService.name);

  constructor(
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    @InjectRepository(CaseTask) private readonly tasks: Repository<CaseTask>,
    @InjectRepository(RequiredMaterial) private readonly requiredMaterials: Repository<RequiredMaterial>,
    @InjectRepository(CaseMaterial) private readonly materials: Repository<CaseMaterial>,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  async upload(actor: Actor, caseId: string, requiredMaterialId: string, request: IncomingMessage): Promise<StoredMaterial> {
    const kase = await this.cases.findOneBy({ id: caseId });
    assertCanRead(actor, kase);
    assertIsApplicant(actor, kase);
    await this.assertApplicantsTurn(kase);
    const item = await this.requiredMaterials.findOneBy({ id: requiredMaterialId, matterId: kase.matterId });
    if (!item) throw notFound({ zh: '该事项的申请材料项', en: 'Material item of this matter' }, 'MATERIAL_ITEM_NOT_FOUND');

    const storageKey = `cases/${caseId}/${randomUUID()}`;
    try {
      const file = await receiveFile(request, MAX_MATERIAL_BYTES, (body) => this.storage.put(storageKey, body));
      const saved = await this.materials.save(this.materials.create({ caseId, requiredMaterialId, storageKey, uploadedBy: actor.id, ...file }));
      return present(saved);
    } catch (error) {
      await this.storage.remove(storageKey).catch((cleanup) => this.logger.warn(`could not remove ${storageKey}: ${cleanup}`));
      throw error;
    }
  }

  async list(actor: Actor, caseId: string): Promise<StoredMaterial[]> {
    assertCanRead(actor, await this.cases.findOneBy({ id: caseId }));
    const materials = await this.materials.find({ where: { caseId }, order: { uploadedAt: 'ASC' } });
    return materials.map(present);
  }

  async download(actor: Actor, caseId: string, materialId: string): Promise<{ material: StoredMaterial; body: Readable }> {
    assertCanRead(actor, await this.cases.findOneBy({ id: caseId }));
    const material = await this.materials.findOneBy({ id: materialId, caseId });
    if (!material) throw notFound({ zh: '材料文件', en: 'Material file' }, 'MATERIAL_NOT_FOUND');
    return { material: present(material), body: await this.storage.get(material.storageKey) };
  }

  /** Materials are accepted while the process waits for the applicant: the BPMN decides when that is. */
  private async assertApplicantsTurn(kase: Case): Promise<void> {
    const open = await this.tasks.existsBy({ caseId: kase.id, role: 'applicant', closedAt: IsNull() });
    if (!open) {
      throw new AppError(
        409,
        'NOT_ACCEPTING_MATERIALS',
        { zh: `办件处于“${kase.stageName}”阶段，当前不接收申请人上传材料`, en: `The case is at the stage "${kase.stageName}" and does not take materials from the applicant now` },
        { stage: kase.stage, stageName: kase.stageName },
      );
    }
  }
}

function present(material: CaseMaterial): StoredMaterial {
  const { id, requiredMaterialId, fileName, contentType, sizeBytes, sha256, uploadedAt } = material;
  return { id, requiredMaterialId, fileName, contentType, sizeBytes, sha256, uploadedAt };
}
