import { type Behaviours } from './behaviours';
import { correlateBufferedMessage, startBufferedMessages } from './commands/messages';
import { elementProcessor } from './elements';

/** The engine's behaviours: the element processors and the message commands the life cycle calls. */
export const engineBehaviours: Behaviours = {
  processorFor: elementProcessor,
  correlateBuffered: correlateBufferedMessage,
  rootEnded: startBufferedMessages,
};
