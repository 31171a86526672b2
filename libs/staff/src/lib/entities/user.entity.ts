import type { AgentPermissions, AutoAnswer, Role, ToastPosition, Typology } from '@switchboard/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A person who signs in: admin, supervisor or agent, with the agent profile of the seed.
 * Credentials live in the security module. Deleting sets `deletedAt`: history keeps the name.
 */
@Entity({ name: 'staff_users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Letters, digits, "." and "_"; unique among live users without regard to case. */
  @Column({ type: 'text' })
  username!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  @Column({ type: 'text', nullable: true })
  alias!: string | null;

  @Column({ type: 'text', default: 'phonebar' })
  typology!: Typology;

  /** Internal number, from staff_extension_seq unless chosen; unique among live users. */
  @Column({ type: 'text' })
  extension!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'boolean', default: false })
  voicemail!: boolean;

  @Column({ name: 'login_in_pause', type: 'boolean', default: false })
  loginInPause!: boolean;

  @Column({ name: 'toast_position', type: 'text', default: 'top-right' })
  toastPosition!: ToastPosition;

  @Column({ name: 'capacity_chat', type: 'integer', default: 0 }) capacityChat!: number;
  @Column({ name: 'capacity_email', type: 'integer', default: 0 }) capacityEmail!: number;
  @Column({ name: 'capacity_sms', type: 'integer', default: 0 }) capacitySms!: number;
  @Column({ name: 'capacity_whatsapp', type: 'integer', default: 0 }) capacityWhatsapp!: number;
  @Column({ name: 'capacity_voice', type: 'integer', default: 0 }) capacityVoice!: number;
  @Column({ name: 'capacity_openchannel', type: 'integer', default: 0 }) capacityOpenchannel!: number;

  @Column({ name: 'tab_limit', type: 'integer', default: 0 })
  tabLimit!: number;

  /** Per channel; a channel missing here has auto answer off. */
  @Column({ name: 'auto_answer', type: 'jsonb', default: {} })
  autoAnswer!: Partial<AutoAnswer>;

  /** Module and download switches; one missing here is on. */
  @Column({ type: 'jsonb', default: {} })
  permissions!: { modules?: Partial<AgentPermissions['modules']>; downloads?: Partial<AgentPermissions['downloads']> };

  /** Seed: "Mask Sensitive Data". */
  @Column({ name: 'mask_sensitive_data', type: 'boolean', default: false })
  maskSensitiveData!: boolean;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
