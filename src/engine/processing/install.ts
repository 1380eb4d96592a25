import { hooks } from './bpmn/hooks';
import { useProcessors } from './bpmn/processor';
import { correlateBufferedMessage, startBufferedMessages } from './commands/messages';
import { elementProcessor } from './elements';

/** Connects the BPMN behaviours with the element processors and command processors (once per process). */
export function installProcessors(): void {
  useProcessors(elementProcessor);
  hooks.correlateBuffered = correlateBufferedMessage;
  hooks.rootEnded = startBufferedMessages;
}
