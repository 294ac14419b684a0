import { EntityManager, IsNull } from 'typeorm';
import { AppError, notFound } from '../common/app-error.js';
import type { Case } from '../cases/case.entity.js';
import { CaseTask } from '../cases/case-task.entity.js';
import { RequiredMaterial } from '../catalog/required-material.entity.js';
import { CaseMaterial } from './case-material.entity.js';

/** 300 MiB: the largest material file accepted. */
export const MAX_MATERIAL_BYTES = 314_572_800;
/** Extra materials (其他材料) beyond the list: the formats they may come in, and how many one submission may add. */
export const EXTRA_FORMATS = ['pdf', 'ofd', 'jpg', 'jpeg', 'png', 'docx', 'xlsx'];
export const MAX_EXTRA_FILES = 20;

/** Where a file goes: a material item of the matter's list, or an extra material with its own title. */
export type MaterialTarget = { requiredMaterialId: string } | { title: string };

export interface TargetRules {
  acceptedFormats: string[];
  maxFiles: number;
  /** The item's or the extra material's name, for messages. */
  name: string;
}

const ITEM = { zh: '该事项的申请材料项', en: 'Material item of this matter' };

/** What a target takes; an item not of the case's matter does not exist for it. */
export async function rulesOf(manager: EntityManager, kase: Case, target: MaterialTarget): Promise<TargetRules> {
  if ('title' in target) return { acceptedFormats: EXTRA_FORMATS, maxFiles: MAX_EXTRA_FILES, name: target.title };
  const item = await manager.findOneBy(RequiredMaterial, { id: target.requiredMaterialId, matterId: kase.matterId });
  if (!item) throw notFound(ITEM, 'MATERIAL_ITEM_NOT_FOUND');
  return { acceptedFormats: item.acceptedFormats, maxFiles: item.maxFiles, name: item.name };
}

/** Materials are accepted while the process waits for the applicant: the BPMN decides when that is. */
export async function assertApplicantsTurn(manager: EntityManager, kase: Case): Promise<void> {
  if (await manager.existsBy(CaseTask, { caseId: kase.id, role: 'applicant', closedAt: IsNull() })) return;
  throw new AppError(
    409,
    'NOT_ACCEPTING_MATERIALS',
    { zh: `办件处于“${kase.stageName}”阶段，当前不接收申请人上传材料`, en: `The case is at the stage "${kase.stageName}" and does not take materials from the applicant now` },
    { stage: kase.stage, stageName: kase.stageName },
  );
}

/** One submission may hold up to maxFiles files of an item (or MAX_EXTRA_FILES extra ones). */
export async function assertRoomFor(manager: EntityManager, kase: Case, target: MaterialTarget, rules: TargetRules): Promise<void> {
  const where = 'title' in target ? { requiredMaterialId: IsNull() } : { requiredMaterialId: target.requiredMaterialId };
  const pending = await manager.countBy(CaseMaterial, { caseId: kase.id, round: IsNull(), ...where });
  if (pending < rules.maxFiles) return;
  throw new AppError(
    409,
    'TOO_MANY_FILES',
    { zh: `“${rules.name}”本次最多可上传 ${rules.maxFiles} 个文件，请先删除或替换已上传的文件`, en: `"${rules.name}" takes at most ${rules.maxFiles} file(s) per submission; delete or replace one first` },
    { maxFiles: rules.maxFiles },
  );
}

/** Only files not yet submitted may change: what a submission handed over is kept as it was. */
export function assertNotSubmitted(material: CaseMaterial): void {
  if (material.round === null) return;
  throw new AppError(
    409,
    'MATERIAL_SUBMITTED',
    { zh: `文件“${material.fileName}”已随第 ${material.round} 次提交递交，不能替换或删除；如需更正请上传新的文件`, en: `"${material.fileName}" was handed over with submission ${material.round} and cannot be replaced or deleted; upload a new file instead` },
    { round: material.round },
  );
}
