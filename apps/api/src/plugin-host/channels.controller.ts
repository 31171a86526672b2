import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ChannelSummary } from '@switchboard/contracts';
import { ChannelRegistry } from './channel-registry';

@ApiTags('channels')
@ApiBearerAuth()
@Controller('channels')
export class ChannelsController {
  constructor(@Inject(ChannelRegistry) private readonly registry: ChannelRegistry) {}

  @Get()
  @ApiOkResponse({ description: 'The loaded channel plugins with their capabilities and settings schema, by id' })
  list(): ChannelSummary[] {
    return this.registry.summaries();
  }
}
