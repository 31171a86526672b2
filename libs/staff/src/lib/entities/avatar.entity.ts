import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A user's picture, re-encoded by the server; stored in the database so every node serves it. */
@Entity({ name: 'staff_avatars' })
export class AvatarEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: 'image/png' | 'image/jpeg';

  @Column({ type: 'bytea' })
  data!: Buffer;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
