import { Module } from '@nestjs/common';
import { ChatChannel } from './chat-channel';
import { VisitorGateway } from './visitor.gateway';
import { VisitorLimits } from './visitor-limits';
import { WidgetController } from './widget.controller';

/** The web chat plugin: the visitor socket, the widget's script and the channel. Sees only plugin-sdk and contracts. */
@Module({
  controllers: [WidgetController],
  providers: [ChatChannel, VisitorGateway, VisitorLimits],
})
export class ChatModule {}
