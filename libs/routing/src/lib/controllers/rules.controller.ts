import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type Page, type RoutingRule, type RuleMatch } from '@switchboard/contracts';
import { PageQueryDto } from '@switchboard/db';
import { RequirePermissions } from '@switchboard/permissions';
import { RoutingRuleDto, RuleMatchQueryDto, RuleOrderDto } from '../dto/rule.dto';
import { RulesService } from '../rules/rules.service';

const id = new ParseUUIDPipe({ version: '4' });

@ApiTags('routing')
@ApiBearerAuth()
@Controller('routing/rules')
@RequirePermissions(Permission.RoutingManage)
export class RulesController {
  constructor(private readonly rules: RulesService) {}

  @Get()
  list(@Query() query: PageQueryDto): Promise<Page<RoutingRule>> {
    return this.rules.list(query);
  }

  @Post()
  create(@Body() body: RoutingRuleDto): Promise<RoutingRule> {
    return this.rules.create(body);
  }

  /** Which rule a page address would use. */
  @Get('match')
  match(@Query() query: RuleMatchQueryDto): Promise<RuleMatch> {
    return this.rules.explain(query.url);
  }

  @Put('order')
  reorder(@Body() body: RuleOrderDto): Promise<RoutingRule[]> {
    return this.rules.reorder(body.ids);
  }

  @Get(':id')
  get(@Param('id', id) ruleId: string): Promise<RoutingRule> {
    return this.rules.get(ruleId);
  }

  @Put(':id')
  update(@Param('id', id) ruleId: string, @Body() body: RoutingRuleDto): Promise<RoutingRule> {
    return this.rules.update(ruleId, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', id) ruleId: string): Promise<void> {
    return this.rules.remove(ruleId);
  }
}
