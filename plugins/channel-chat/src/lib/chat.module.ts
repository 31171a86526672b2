import { Module } from '@nestjs/common';
import { ChatChannel } from './chat-channel';
import { VisitorDirectory } from './visitor-directory';
import { VisitorFilesController } from './visitor-files.controller';
import { VisitorGateway } from './visitor.gateway';
import { VisitorsController } from './visitors.controller';
import { VisitorLimits } from './visitor-limits';
import { VisitorSiteGuard } from './visitor-site.guard';
import { WidgetController } from './widget.controller';

/** The web chat plugin: the visitor socket, the widget's script, visitor tracking and the channel. Sees only plugin-sdk and contracts. */
@Module({
  controllers: [WidgetController, VisitorsController, VisitorFilesController],
  providers: [ChatChannel, VisitorGateway, VisitorLimits, VisitorDirectory, VisitorSiteGuard],
})
export class ChatModule {}
