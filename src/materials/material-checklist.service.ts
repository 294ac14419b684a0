import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface MissingMaterial {
  id: string;
  name: string;
}

/** Which required materials of a case's matter have no uploaded file yet. */
@Injectable()
export class MaterialChecklist {
  async missing(tx: EntityManager, caseId: string, matterId: string): Promise<MissingMaterial[]> {
    return tx.query(
      `SELECT rm.id, rm.name FROM required_materials rm
        WHERE rm.matter_id = $1 AND rm.is_required
          AND NOT EXISTS (SELECT 1 FROM case_materials cm WHERE cm.case_id = $2 AND cm.required_material_id = rm.id)
        ORDER BY rm.position`,
      [matterId, caseId],
    );
  }
}
