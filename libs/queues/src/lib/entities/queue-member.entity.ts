import { CreateDateColumn, Entity, Column, PrimaryColumn } from 'typeorm';

/** An agent who answers a queue's interactions; priority 1 is tried first. */
@Entity({ name: 'queue_members' })
export class QueueMemberEntity {
  @PrimaryColumn({ name: 'queue_id', type: 'uuid' })
  queueId!: string;

  @PrimaryColumn({ name: 'agent_id', type: 'uuid' })
  agentId!: string;

  @Column({ type: 'integer', default: 1 })
  priority!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
