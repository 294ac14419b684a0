import { Entity, PrimaryColumn } from 'typeorm';

/** A department a member of staff serves: one row each, several for a comprehensive window (综合窗口). */
@Entity({ name: 'staff_departments' })
export class StaffDepartment {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId: string;

  @PrimaryColumn('uuid', { name: 'department_id' })
  departmentId: string;
}
