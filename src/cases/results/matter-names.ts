import type { EntityManager } from 'typeorm';

/** The matter's name and its department's, the organ that receives the application and issues the documents. */
export async function matterNames(manager: EntityManager, matterId: string): Promise<{ matter: string; department: string }> {
  const [names] = await manager.query(
    `SELECT m.name AS matter, d.name AS department FROM matters m JOIN departments d ON d.id = m.department_id WHERE m.id = $1`,
    [matterId],
  );
  return names;
}
