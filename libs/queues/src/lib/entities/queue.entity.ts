import type { OverflowAction, RoutingStrategy, StaffChannel } from '@switchboard/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A queue of one channel; its name is unique without regard to case. */
@Entity({ name: 'queues' })
export class QueueEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  channel!: StaffChannel;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text', default: 'least-recent' })
  strategy!: RoutingStrategy;

  @Column({ name: 'offer_timeout_seconds', type: 'integer', default: 30 })
  offerTimeoutSeconds!: number;

  @Column({ name: 'max_wait_seconds', type: 'integer', default: 0 })
  maxWaitSeconds!: number;

  @Column({ name: 'overflow_action', type: 'text', default: 'none' })
  overflowAction!: OverflowAction;

  @Column({ name: 'overflow_queue_id', type: 'uuid', nullable: true })
  overflowQueueId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
