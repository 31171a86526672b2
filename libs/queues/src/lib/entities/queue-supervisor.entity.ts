import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A supervisor enabled on a queue: they manage the queue's members. */
@Entity({ name: 'queue_supervisors' })
export class QueueSupervisorEntity {
  @PrimaryColumn({ name: 'queue_id', type: 'uuid' })
  queueId!: string;

  @PrimaryColumn({ name: 'supervisor_id', type: 'uuid' })
  supervisorId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
