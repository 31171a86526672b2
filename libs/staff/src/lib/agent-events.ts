import { Injectable, Logger } from '@nestjs/common';

/** Which agents changed; listeners re-read what they keep of them. */
export type AgentsChangedListener = (agentIds: readonly string[]) => Promise<void> | void;

/**
 * Tells the modules above staff (routing) that agents were created, edited, disabled or deleted,
 * after the change is committed. In-process: the listener on the node that made the change
 * writes what it derives to the shared database.
 */
@Injectable()
export class AgentEvents {
  private readonly logger = new Logger('AgentEvents');
  private readonly listeners: AgentsChangedListener[] = [];

  onChanged(listener: AgentsChangedListener): void {
    this.listeners.push(listener);
  }

  async changed(agentIds: readonly string[]): Promise<void> {
    if (!agentIds.length) return;
    for (const listener of this.listeners) {
      try {
        await listener(agentIds);
      } catch (error) {
        this.logger.error(error);
      }
    }
  }
}
