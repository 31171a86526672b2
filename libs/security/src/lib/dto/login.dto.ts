import { ApiProperty } from '@nestjs/swagger';
import { TOAST_POSITIONS, type AgentPermissions, type CurrentUser, type LoginRequest, type Role, type ToastPosition } from '@switchboard/contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ description: 'Username or e-mail address (case does not matter)', example: 'admin' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  login!: string;

  @ApiProperty({ description: 'The password, up to 1024 characters', format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password!: string;
}

export class CurrentUserDto implements CurrentUser {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() email!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: ['admin', 'supervisor', 'agent'] }) role!: Role;
  @ApiProperty({ description: 'Module and download switches: { modules: {...}, downloads: {...} }' }) permissions!: AgentPermissions;
  @ApiProperty({ enum: TOAST_POSITIONS }) toastPosition!: ToastPosition;
  @ApiProperty({ description: 'Contacts reach this user masked' }) maskSensitiveData!: boolean;
}
