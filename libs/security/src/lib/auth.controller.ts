import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { CurrentUser, LoginResponse } from '@switchboard/contracts';
import { AuthService } from './auth.service';
import { SignedInUser } from '@switchboard/permissions';
import { CurrentUserDto, LoginDto, LoginResponseDto } from './dto/login.dto';
import { Public } from './public.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS: unknown login, wrong password or disabled account' })
  login(@Body() body: LoginDto): Promise<LoginResponse> {
    return this.auth.login(body.login, body.password);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: CurrentUserDto })
  me(@SignedInUser() user: CurrentUser): CurrentUser {
    return user;
  }
}
