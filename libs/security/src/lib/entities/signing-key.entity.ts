import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Secrets that every API node must share (the access-token signing key). Kept in the database
 * so that nodes agree without configuration; JWT_SECRET overrides it.
 */
@Entity({ name: 'security_signing_keys' })
export class SigningKeyEntity {
  @PrimaryColumn({ type: 'text' })
  purpose!: string;

  @Column({ type: 'text' })
  secret!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
