import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A user's password, hashed with Argon2id. One row per user of the staff module. */
@Entity({ name: 'security_credentials' })
export class CredentialEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ name: 'password_changed_at', type: 'timestamptz' })
  passwordChangedAt!: Date;
}
