import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The levels of government a department belongs to (GB/T 39046 行使层级 2–4), highest first. */
export const DEPARTMENT_LEVELS = ['province', 'city', 'county'] as const;
export type DepartmentLevel = (typeof DEPARTMENT_LEVELS)[number];

export const DEPARTMENT_LEVEL_NAMES: Record<DepartmentLevel, string> = { province: '省级 Province', city: '市级 City', county: '县级 County' };

@Entity({ name: 'departments' })
export class Department {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Fixed once created: case numbers, co-department tasks (tongban:department) and the trail name it. */
  @Column({ unique: true })
  code: string;

  @Column()
  name: string;

  @Column({ type: 'varchar' })
  level: DepartmentLevel;

  /** The department above it, always of a higher level (so the tree has no cycles); null at the top. */
  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId: string | null;

  /** The head of the department (负责人), an active member of its staff, told when one of its cases is urged. */
  @Column('uuid', { name: 'head_id', nullable: true })
  headId: string | null;
}
