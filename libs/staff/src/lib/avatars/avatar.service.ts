import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DomainException, ErrorCode } from '@switchboard/contracts';
import sharp from 'sharp';
import type { Repository } from 'typeorm';
import { AvatarEntity } from '../entities/avatar.entity';

/** Upload limit of the seed ("Only PNG and JPG formats - max 8MB"). */
export const AVATAR_MAX_BYTES = 8 * 1024 * 1024;
/** More pixels than this is refused before decoding: a small file can unpack to gigabytes. */
export const AVATAR_MAX_PIXELS = 40_000_000;
const AVATAR_SIZE = 256;

const ACCEPTED = { png: 'image/png', jpeg: 'image/jpeg' } as const;

const unsupported = (what: string) =>
  new DomainException(ErrorCode.UnsupportedMediaType, `${what}: upload a PNG or JPEG image`, [{ field: 'file', messages: [`${what}`] }]);

/**
 * Avatars: judged by their content (not their name or declared type), refused above a pixel
 * count, re-encoded at 256×256 (which drops EXIF and every other metadata) and kept in the database.
 */
@Injectable()
export class AvatarService {
  constructor(@InjectRepository(AvatarEntity) private readonly avatars: Repository<AvatarEntity>) {}

  async store(userId: string, upload: Buffer): Promise<void> {
    if (upload.length > AVATAR_MAX_BYTES) throw new DomainException(ErrorCode.PayloadTooLarge, 'An avatar may be at most 8 MB');
    let format: string | undefined;
    let pixels = 0;
    try {
      const meta = await sharp(upload, { limitInputPixels: false }).metadata();
      format = meta.format;
      pixels = (meta.width ?? 0) * (meta.height ?? 0);
    } catch {
      throw unsupported('The file is not an image');
    }
    if (format !== 'png' && format !== 'jpeg') throw unsupported(`A ${format?.toUpperCase() ?? 'file of this kind'} is not accepted`);
    if (pixels > AVATAR_MAX_PIXELS) {
      throw new DomainException(ErrorCode.ValidationFailed, `The image has ${pixels} pixels; at most ${AVATAR_MAX_PIXELS} are accepted`, [
        { field: 'file', messages: ['Too many pixels'] },
      ]);
    }
    let data: Buffer;
    try {
      const image = sharp(upload, { limitInputPixels: AVATAR_MAX_PIXELS, failOn: 'error' })
        .rotate()
        .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: 'cover' });
      data = await (format === 'png' ? image.png() : image.jpeg({ quality: 85, mozjpeg: true })).toBuffer();
    } catch {
      throw unsupported('The image is damaged');
    }
    await this.avatars.save({ userId, contentType: ACCEPTED[format], data });
  }

  async load(userId: string): Promise<AvatarEntity | null> {
    return this.avatars.findOneBy({ userId });
  }

  async remove(userId: string): Promise<void> {
    await this.avatars.delete({ userId });
  }
}
