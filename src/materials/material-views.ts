import type { CaseMaterial } from './case-material.entity.js';

export interface StoredMaterial {
  id: string;
  /** The item of the matter's list; null for an extra material, which has a title. */
  requiredMaterialId: string | null;
  title: string | null;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: Date;
  /** The submission that handed the file over (1 = the application, 2… = supplements); null while it may change. */
  round: number | null;
  submittedAt: Date | null;
}

export function presentMaterial(material: CaseMaterial): StoredMaterial {
  const { id, requiredMaterialId, title, fileName, contentType, sizeBytes, sha256, uploadedAt, round, submittedAt } = material;
  return { id, requiredMaterialId, title, fileName, contentType, sizeBytes, sha256, uploadedAt, round, submittedAt };
}
