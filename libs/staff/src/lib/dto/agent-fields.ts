import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  EXTENSION_PATTERN,
  TOAST_POSITIONS,
  TYPOLOGIES,
  USERNAME_PATTERN,
  type Role,
} from '@switchboard/contracts';
import { Transform, Type } from 'class-transformer';
import { trimmed } from './transforms';
import { IsBoolean, IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';

/**
 * The validation of each agent field, written once and shared by create, update and the CSV
 * import (which validates each row as a create request).
 */
const trim = Transform(trimmed);

/** Absent is fine; present must be valid (null included, for columns that cannot be null). */
export const Omittable = () => ValidateIf((_object, value) => value !== undefined);

const doc = (options: ApiPropertyOptions, required: boolean) => ApiProperty({ ...options, required } as ApiPropertyOptions);

export const Username = (required = true) =>
  applyDecorators(
    doc({ description: 'Letters, digits, "." and "_"; unique without regard to case', maxLength: 64 }, required),
    trim,
    IsString(),
    IsNotEmpty(),
    MaxLength(64),
    Matches(USERNAME_PATTERN, { message: 'username may contain only letters, digits, "." and "_"' }),
  );

export const FullName = (required = true) =>
  applyDecorators(doc({ maxLength: 200 }, required), trim, IsString(), IsNotEmpty(), MaxLength(200));

export const Email = (required = true) =>
  applyDecorators(doc({ format: 'email', maxLength: 254 }, required), trim, IsString(), IsEmail(), MaxLength(254));

export const NullableText = (maxLength: number) =>
  applyDecorators(doc({ maxLength, nullable: true }, false), IsOptional(), trim, IsString(), MaxLength(maxLength));

export const TypologyField = () => applyDecorators(doc({ enum: TYPOLOGIES, default: 'phonebar' }, false), Omittable(), IsIn(TYPOLOGIES));

export const RoleField = () =>
  applyDecorators(doc({ enum: ['admin', 'supervisor', 'agent'], default: 'agent' }, false), Omittable(), IsIn(['admin', 'supervisor', 'agent'] satisfies Role[]));

export const Extension = () =>
  applyDecorators(
    doc({ description: 'Internal number (digits); generated when omitted', pattern: EXTENSION_PATTERN.source }, false),
    Omittable(),
    trim,
    IsString(),
    Matches(EXTENSION_PATTERN, { message: 'extension must be 2 to 15 digits' }),
  );

export const Flag = () => applyDecorators(doc({ type: Boolean }, false), Omittable(), IsBoolean());

export const ToastPositionField = () =>
  applyDecorators(doc({ enum: TOAST_POSITIONS, default: 'top-right' }, false), Omittable(), IsIn(TOAST_POSITIONS));

/** 0 = unlimited. */
export const Count = (max: number) => applyDecorators(doc({ type: Number, minimum: 0, maximum: max, default: 0 }, false), Omittable(), IsInt(), Min(0), Max(max));

export const Nested = (type: () => new () => object) =>
  applyDecorators(doc({ type }, false), Omittable(), ValidateNested(), Type(type));

export class CapacityDto {
  @Count(1000) chat?: number;
  @Count(1000) email?: number;
  @Count(1000) sms?: number;
  @Count(1000) whatsapp?: number;
  /** One call at a time: 0 or 1. */
  @Count(1) voice?: number;
  @Count(1000) openchannel?: number;
}

export class AutoAnswerSettingDto {
  @ApiProperty() @IsBoolean() enabled!: boolean;
  @ApiProperty({ minimum: 0, maximum: 300 }) @IsInt() @Min(0) @Max(300) delaySeconds!: number;
}

export class AutoAnswerDto {
  @Nested(() => AutoAnswerSettingDto) chat?: AutoAnswerSettingDto;
  @Nested(() => AutoAnswerSettingDto) email?: AutoAnswerSettingDto;
  @Nested(() => AutoAnswerSettingDto) sms?: AutoAnswerSettingDto;
  @Nested(() => AutoAnswerSettingDto) whatsapp?: AutoAnswerSettingDto;
  @Nested(() => AutoAnswerSettingDto) voice?: AutoAnswerSettingDto;
  @Nested(() => AutoAnswerSettingDto) openchannel?: AutoAnswerSettingDto;
}

export class ModulesDto {
  @Flag() desktop?: boolean;
  @Flag() chat?: boolean;
  @Flag() email?: boolean;
  @Flag() sms?: boolean;
  @Flag() whatsapp?: boolean;
  @Flag() voice?: boolean;
  @Flag() openchannel?: boolean;
  @Flag() history?: boolean;
  @Flag() cannedAnswers?: boolean;
  @Flag() messenger?: boolean;
}

export class DownloadsDto {
  @Flag() attachments?: boolean;
  @Flag() interactions?: boolean;
  @Flag() recordings?: boolean;
}

export class PermissionsDto {
  @Nested(() => ModulesDto) modules?: ModulesDto;
  @Nested(() => DownloadsDto) downloads?: DownloadsDto;
}
