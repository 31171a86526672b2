import { Controller, Get, Header, NotFoundException, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PublicRoute } from '@switchboard/plugin-sdk';
import type { Response } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where `nx run channel-chat:build` writes the widget (CHAT_WIDGET_FILE overrides it). */
export const widgetFile = () => resolve(process.env['CHAT_WIDGET_FILE'] ?? 'dist/plugins/channel-chat/widget.js');

/**
 * `/widget.js`, the script of the embed snippet. Sites load it cross-origin, so it may be cached
 * a little and read by any page; the file is read once (restart after a rebuild).
 */
@ApiExcludeController()
@Controller()
export class WidgetController {
  private script?: Buffer;

  @PublicRoute()
  @Get('widget.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  @Header('Cross-Origin-Resource-Policy', 'cross-origin')
  serve(@Res() response: Response): void {
    this.script ??= this.read();
    response.send(this.script);
  }

  private read(): Buffer {
    const file = widgetFile();
    if (!existsSync(file)) throw new NotFoundException('The chat widget is not built: run `npx nx run channel-chat:build`');
    return readFileSync(file);
  }
}
